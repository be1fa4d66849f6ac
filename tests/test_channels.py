"""Channel profiles: the shipped YAML matches DESIGN A4, and config overrides are checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from contentlint.config.builtin import default_channels_path
from contentlint.config.profiles import load_channel_profiles
from contentlint.text.channels import ChannelProfile, LengthLimit, override_profile
from contentlint.text.counting import UNITS
from contentlint.text.extract import HASHTAG_PLATFORMS


@pytest.fixture(scope="module")
def profiles() -> dict[str, ChannelProfile]:
    return load_channel_profiles()


EXPECTED_LIMITS = {
    "x": [("body", 280, "weighted")],
    "threads": [("body", 500, "code-points")],
    "bluesky": [("body", 300, "graphemes"), ("body", 3000, "utf8-bytes")],
    "mastodon": [("body", 500, "mastodon")],
    "linkedin": [("body", 3000, "utf16")],
    "instagram": [("body", 2200, "utf16")],
    "facebook": [("body", 63206, "utf16")],
    "tiktok": [("body", 2200, "utf16")],
    "youtube": [("title", 100, "code-points"), ("body", 5000, "utf8-bytes")],
    "pinterest": [("title", 100, "code-points"), ("body", 500, "code-points")],
    "google-business": [("body", 1500, "code-points")],
    "linkedin-article": [("title", 150, "code-points"), ("body", 125000, "code-points")],
    "blog": [("body", 100000, "code-points")],
}


def test_default_path_is_repo_rules():
    assert default_channels_path() == Path(__file__).resolve().parents[1] / "rules" / "channels.yaml"


def test_all_channels_and_limits(profiles):
    assert set(profiles) == set(EXPECTED_LIMITS)
    for name, expected in EXPECTED_LIMITS.items():
        assert [(lim.field, lim.limit, lim.unit) for lim in profiles[name].limits] == expected, name
        assert profiles[name].name == name


@pytest.mark.parametrize(
    "name, fold, cap, hard",
    [
        ("x", None, 3, False),
        ("threads", None, 1, True),
        ("linkedin", 210, 5, False),
        ("instagram", 125, 5, True),
        ("facebook", None, 5, False),
        ("tiktok", None, 5, True),
        ("youtube", None, 15, False),
        ("bluesky", None, None, False),
        ("mastodon", None, None, False),
    ],
)
def test_fold_and_hashtag_caps(profiles, name, fold, cap, hard):
    p = profiles[name]
    assert (p.fold, p.hashtag_cap, p.hashtag_cap_hard) == (fold, cap, hard)


def test_syntax_long_form_and_titles(profiles):
    assert {n: p.hashtag_syntax for n, p in profiles.items() if p.hashtag_syntax != "x"} == {
        "threads": "threads",
        "bluesky": "bluesky",
        "mastodon": "mastodon",
    }
    assert {n for n, p in profiles.items() if p.long_form} == {"youtube", "pinterest", "linkedin-article", "blog"}
    assert {n for n, p in profiles.items() if p.title_required} == {"youtube", "linkedin-article", "blog"}
    assert (profiles["x"].alt_text_limit, profiles["bluesky"].alt_text_limit, profiles["mastodon"].alt_text_limit) == (
        1000,
        2000,
        1500,
    )
    assert (profiles["x"].emoji_cap, profiles["linkedin"].emoji_cap, profiles["instagram"].emoji_cap) == (3, 3, 10)


def test_every_profile_has_source_and_iso_date(profiles):
    for p in profiles.values():
        assert p.source.strip(), p.name
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", p.checked), p.name
        assert all(lim.unit in UNITS for lim in p.limits)
        assert p.hashtag_syntax in HASHTAG_PLATFORMS


def test_profiles_are_frozen(profiles):
    with pytest.raises(AttributeError):
        profiles["x"].fold = 3  # type: ignore[misc]


# --- overrides -----------------------------------------------------------------------------
def test_limit_override_replaces_first_body_limit(profiles):
    p = override_profile(profiles["x"], "x", {"limit": 25000})
    assert p.limits == (LengthLimit("body", 25000, "weighted"),)
    assert profiles["x"].limits[0].limit == 280  # the base is untouched
    yt = override_profile(profiles["youtube"], "youtube", {"limit": 4000})
    assert yt.limits == (LengthLimit("title", 100, "code-points"), LengthLimit("body", 4000, "utf8-bytes"))
    bs = override_profile(profiles["bluesky"], "bluesky", {"limit": 500, "unit": "code-points"})
    assert bs.limits[0] == LengthLimit("body", 500, "code-points") and bs.limits[1].unit == "utf8-bytes"


def test_field_overrides(profiles):
    p = override_profile(profiles["instagram"], "instagram", {"hashtag_cap": 3, "fold": None, "emoji_cap": 2})
    assert (p.hashtag_cap, p.fold, p.emoji_cap, p.hashtag_cap_hard) == (3, None, 2, True)


def test_new_channel_needs_limit_and_unit():
    p = override_profile(None, "intranet", {"limit": 800, "unit": "graphemes", "hashtag_cap": 0})
    assert p.name == "intranet" and p.limits == (LengthLimit("body", 800, "graphemes"),)
    assert (p.hashtag_syntax, p.fold, p.hashtag_cap, p.long_form) == ("x", None, 0, False)
    with pytest.raises(ValueError, match="'limit' and 'unit'"):
        override_profile(None, "intranet", {"limit": 800})


@pytest.mark.parametrize(
    "overrides, key",
    [
        ({"limt": 3}, "limt"),
        ({"limit": "280"}, "limit"),
        ({"limit": True}, "limit"),
        ({"limit": 0}, "limit"),
        ({"unit": "words"}, "unit"),
        ({"fold": "210"}, "fold"),
        ({"hashtag_cap_hard": "yes"}, "hashtag_cap_hard"),
        ({"hashtag_syntax": "myspace"}, "hashtag_syntax"),
        ({"limits": [{"field": "body", "limit": 5}]}, "limits[0]"),
        ({"limits": [{"field": "footer", "limit": 5, "unit": "utf16"}]}, "limits[0].field"),
        ({"source": 5}, "source"),
    ],
)
def test_bad_overrides_name_the_key(profiles, overrides, key):
    with pytest.raises(ValueError) as err:
        override_profile(profiles["x"], "x", overrides)
    assert key in str(err.value)
    assert "'x'" in str(err.value)


def test_non_mapping_override_rejected(profiles):
    with pytest.raises(ValueError, match="mapping"):
        override_profile(profiles["x"], "x", 25000)  # type: ignore[arg-type]


def test_loader_reports_file_and_channel(tmp_path):
    bad = tmp_path / "channels.yaml"
    bad.write_text(
        "channels:\n  x:\n    limits: [{field: body, limit: 280, unit: weighted}]\n"
        "    source: s\n    checked: 2026-11-28\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"channels\.yaml: channel 'x': 'checked' must be a string"):
        load_channel_profiles(bad)
    bad.write_text("channels:\n  x:\n    limits: [{field: body, limit: 280, unit: weighted}]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lacks 'source'"):
        load_channel_profiles(bad)
    bad.write_text("- x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="top-level 'channels'"):
        load_channel_profiles(bad)


def test_loader_reads_a_custom_file(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text(
        "channels:\n  zine:\n    limits: [{field: body, limit: 42, unit: graphemes}]\n"
        "    long_form: true\n    source: print shop\n    checked: '2026-01-02'\n",
        encoding="utf-8",
    )
    (zine,) = load_channel_profiles(path).values()
    assert (zine.name, zine.limits[0].limit, zine.long_form, zine.checked) == ("zine", 42, True, "2026-01-02")
