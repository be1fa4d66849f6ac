"""Clarity and brevity kinds beyond their case files: option errors, word-list loading, the
Bengali message that never names a grade, and the public readability API after a lint run."""

from __future__ import annotations

import pytest
from conftest import lint_one

import contentlint
from contentlint.config.wordlists import WordLists
from contentlint.engine.building import build_kind
from contentlint.kinds.base import OptionError
from contentlint.kinds.clarity import HardToRead, LongSentence, WallOfText
from contentlint.kinds.shouting import Shouting
from contentlint.kinds.wordlist import WordList


def read_wordlist(name: str) -> tuple[tuple[str, str | None], ...]:
    return WordLists().get(name).entries


LONG_BENGALI = (
    "---\nlang: bn\n---\n"
    "আমরা আনন্দের সঙ্গে জানাচ্ছি যে ঢাকায় আমাদের নতুন কারখানা চালু হয়েছে, যেখানে দুইশো জন কর্মী প্রতিদিন প্রায় পঞ্চাশ হাজার কলম তৈরি করবেন। "
    "প্রতিটি কলম হাতে পরীক্ষা করে তবেই প্যাকেট করা হবে, যাতে বাংলাদেশের প্রতিটি শিক্ষার্থী সাশ্রয়ী দামে মানসম্মত কলম পায় এবং দেশের উৎপাদন শিল্প আরও শক্তিশালী হয়। "
    "আমাদের সঙ্গে থাকুন, কারণ আগামী মাসে চট্টগ্রাম ও রাজশাহীতে আরও দুটি নতুন কারখানা খোলার পরিকল্পনা রয়েছে, আর সেই খবর আমরা সবার আগে আপনাদের জানাব।"
)


@pytest.mark.parametrize(
    ("kind", "options"),
    [
        (HardToRead, {"max_grade": "nine"}),
        (HardToRead, {"max_grade": 0}),
        (HardToRead, {"bn": {"max_words": 20}}),
        (HardToRead, {"grade": 9}),
        (LongSentence, {"max_words": 0}),
        (LongSentence, {"max_words_by_lang": {"bn": "twenty"}}),
        (WallOfText, {"max_words": -1}),
        (Shouting, {"min_letters": 1}),
        (WordList, {"list": "no-such-list.txt"}),
        (WordList, {"list": "../channels.yaml"}),
        (WordList, {"extra": [1, 2]}),
        (WordList, {}),
    ],
)
def test_bad_options_are_rejected_with_the_option_named(kind: type, options: dict) -> None:
    with pytest.raises(OptionError):
        build_kind(kind, options)


def test_bengali_hard_to_read_never_mentions_a_grade() -> None:
    found = lint_one("CL001", LONG_BENGALI)
    assert len(found) == 1
    assert "grade" not in found[0].message.lower()
    assert "প্রতিটি কলম হাতে" in found[0].message


def test_bengali_surface_limit_is_configurable() -> None:
    assert not lint_one("CL001", LONG_BENGALI, {"rules": {"hard-to-read": {"bn": {"max_words_per_sentence": 30}}}})


def test_word_lists_load_with_replacements() -> None:
    jargon = dict(read_wordlist("jargon.txt"))
    assert jargon["synergy"] == "working together" and jargon["leverage"] == "use"
    assert all(replacement is None for _, replacement in read_wordlist("weasel.txt"))


def test_extra_replacements_for_a_plain_list_are_reported_without_replacement() -> None:
    check = build_kind(WordList, {"list": "weasel.txt", "extra": ["super"]})
    assert check.entries["super"] is None and "very" in check.entries


def test_fix_is_only_offered_for_exact_matches() -> None:
    found = lint_one("BV003", "In order to win, tag a friend.")
    assert found and found[0].fix is not None and found[0].fix.replacement == "To"


def test_public_readability_api_still_callable_after_a_lint_run() -> None:
    lint_one("CL001", "Some text. More text.")
    result = contentlint.readability("The cat sat on the mat. The dog ran.", "en")
    assert result["grade"] < 3 and result["sentences"] == 2


def test_passive_voice_is_off_by_default() -> None:
    from contentlint.config.load import load_config
    from contentlint.workspace import Workspace

    linter = Workspace(load_config({}))
    active = {rule.spec.code for rule in linter.engine.rules_for("post.md")}
    assert "CL003" not in active
    assert "CL004" not in active  # weasel-word: off by default after the precision audit
    assert {"CL001", "CL002", "CL005", "CL006", "CL007", "CL008", "BV003", "BV004"} <= active


def test_hard_to_read_needs_the_margin_over_the_target() -> None:
    import contentlint

    body = (
        "We asked 200 students what they want from a pen. Most said it should not smudge during long exams. "
        "Many wanted a soft grip for long exams and a cap that clicks shut. So we made one for them. "
        "It dries in a second and the grip stays cool in a warm exam hall. Try it this week and tell us."
    )
    grade = contentlint.readability(body, "en")["flesch_kincaid_grade"]
    text = f"---\nchannel: linkedin\n---\n{body}"
    just_over = {"rules": {"hard-to-read": {"max_grade": round(grade - 0.5, 2)}}}
    assert not lint_one("CL001", text, just_over)  # within the default one-grade margin
    strict = {"rules": {"hard-to-read": {"max_grade": round(grade - 0.5, 2), "margin": 0}}}
    assert len(lint_one("CL001", text, strict)) == 1
