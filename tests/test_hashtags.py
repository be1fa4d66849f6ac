"""Hashtag rules beyond the case files: fixes are idempotent, options are validated, and the
rules agree with the platform extraction they build on."""

from __future__ import annotations

import pytest
from conftest import lint_one
from hypothesis import given, settings
from hypothesis import strategies as st

from contentlint.engine.building import build_kind
from contentlint.fix.apply import apply_fixes
from contentlint.kinds.base import OptionError
from contentlint.kinds.hashtags.broken import BrokenHashtag, intended_tag
from contentlint.kinds.hashtags.casing import pascal_case
from contentlint.kinds.hashtags.count import TooManyHashtags
from contentlint.kinds.hashtags.tags import tag_key

CONFIG = {"hashtags": {"brand": ["#InkWell"], "approved": ["#BackToSchool"]}}


def _fix_once(text: str) -> tuple[str, int]:
    fixes = [(v.code, v.fix) for v in lint_one("HT004", text, CONFIG) if v.fix]
    return apply_fixes(text, fixes)


def test_casing_fix_is_idempotent() -> None:
    text = (
        "---\nchannel: instagram\n---\nNew term! #backtoschool #inkwell #fountainpen #zerowaste #classof2026 #backToUni"
    )
    once, applied = _fix_once(text)
    assert applied == 6
    assert once.endswith("#BackToSchool #InkWell #FountainPen #ZeroWaste #ClassOf2026 #BackToUni")
    twice, applied_again = _fix_once(once)
    assert applied_again == 0 and twice == once
    assert not lint_one("HT004", once, CONFIG)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=18))
def test_pascal_case_is_a_fixed_point(tag: str) -> None:
    fixed = pascal_case(tag)
    if fixed is not None:
        assert fixed.lower() == tag.lower()  # only the case changes
        assert pascal_case(fixed) is None  # and a fixed tag is never fixed again


def test_tag_key_ignores_case_hash_and_normalisation() -> None:
    assert tag_key("#BackToSchool") == tag_key("backtoschool") == tag_key("＃BACKTOSCHOOL")
    assert tag_key("#Cafe\u0301") == tag_key("#café")


def test_intended_tag_stops_at_sentence_punctuation() -> None:
    assert intended_tag("summer-sale!") == "summer-sale"
    assert intended_tag("InkWell's") == "InkWell"
    assert intended_tag("sale.") == "sale"
    assert intended_tag("sale🎉") == "sale"


def test_caps_option_is_validated() -> None:
    assert build_kind(TooManyHashtags, {"caps": {"X": 3}}).caps == {"x": 3}
    with pytest.raises(OptionError):
        build_kind(TooManyHashtags, {"caps": {"x": "three"}})
    with pytest.raises(OptionError):
        build_kind(TooManyHashtags, {"cap": 3})
    with pytest.raises(OptionError):
        build_kind(BrokenHashtag, {"channels": ["x"]})


def test_too_many_counts_what_the_channel_tags() -> None:
    # five '#' words, but '#2026' and '#1' are no tags on X: three tags, within the cap
    assert not lint_one("HT001", "---\nchannel: x\n---\nOur #1 pen of #2026 #Pens #InkWell #Paper")
    found = lint_one("HT001", "---\nchannel: x\n---\n#Pens #InkWell #Paper #Ink")
    assert found[0].message.startswith("4 hashtags on x")


def test_banned_file_is_read_relative_to_the_config(tmp_path) -> None:
    from contentlint.config.load import load_config
    from contentlint.run import RunOptions
    from contentlint.workspace import Workspace

    (tmp_path / "banned.txt").write_text("# tags we never use\n#followforfollow\n\nLike4Like\n", encoding="utf-8")
    (tmp_path / ".contentlint.yaml").write_text("hashtags:\n  banned_file: banned.txt\n", encoding="utf-8")
    linter = Workspace(load_config(tmp_path / ".contentlint.yaml"), options=RunOptions(select=("HT003",)))
    found = linter.check_text("---\nchannel: instagram\n---\nNew pens! #like4like #Pens #FollowForFollow", path="p.md")
    assert [v.message for v in found] == [
        "#like4like is on the team's banned hashtag list",
        "#FollowForFollow is on the team's banned hashtag list",
    ]


def test_missing_banned_file_is_reported_not_ignored(tmp_path) -> None:
    config = {"hashtags": {"banned_file": str(tmp_path / "nope.txt")}}
    found = lint_one("HT003", "---\nchannel: instagram\n---\nNew pens! #Pens", config)
    assert len(found) == 1 and "cannot read hashtags.banned_file" in found[0].message
    assert found[0].severity == "error"


def test_broken_hashtag_reports_once_per_place_across_channels() -> None:
    found = lint_one("HT007", "---\nchannels: [x, instagram, linkedin]\n---\nOur #summer-sale is on")
    assert len(found) == 1
    assert "on x, instagram, linkedin" in found[0].message


def test_hashtag_rules_leave_a_plain_post_alone() -> None:
    text = "---\nchannel: instagram\n---\nOur gel pens dry in a second. #InkWell #BackToSchool"
    for code in ("HT001", "HT002", "HT003", "HT004", "HT005", "HT006", "HT007", "HT008"):
        assert not lint_one(
            code, text, {**CONFIG, "hashtags": {**CONFIG["hashtags"], "require_brand_on": ["instagram"]}}
        ), code
