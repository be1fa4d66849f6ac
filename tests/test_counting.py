"""Lengths per platform unit: twitter-text validate.yml (read at test time) and own cases."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from contentlint.config.profiles import load_channel_profiles
from contentlint.text.counting import (
    UNIT_LABELS,
    UNITS,
    Measure,
    count,
    graphemes,
    mastodon_length,
    measure,
    x_invalid_characters,
    x_weighted_length,
)

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "twitter-text"
V3_GROUPS = ("WeightedTweetsWithDiscountedEmojiCounterTest", "UnicodeDirectionalMarkerCounterTest")


def _cases() -> list:
    path = CORPUS / "validate.yml"
    if not path.exists():
        return [pytest.param(None, id="corpus-absent")]
    tests = yaml.safe_load(path.read_text(encoding="utf-8"))["tests"]
    return [pytest.param(c, id=f"{g}-{i}") for g in V3_GROUPS for i, c in enumerate(tests[g])]


@pytest.mark.parametrize("case", _cases())
def test_corpus_weighted_length_and_validity(case):
    if case is None:
        pytest.skip("twitter-text corpus absent")
    text, expected = case["text"], case["expected"]
    assert x_weighted_length(text) == expected["weightedLength"], case["description"]
    invalid = x_weighted_length(text) > 280 or bool(x_invalid_characters(text))
    assert invalid == (not expected["valid"]), case["description"]


def test_config_v3_ranges_match_corpus_config():
    path = CORPUS / "config" / "v3.json"
    if not path.exists():
        pytest.skip("twitter-text config absent")
    import json

    from contentlint.text.counting import X_LIGHT_RANGES, X_URL_WEIGHT

    config = json.loads(path.read_text())
    assert [(r["start"], r["end"]) for r in config["ranges"]] == list(X_LIGHT_RANGES)
    assert config["transformedURLLength"] == X_URL_WEIGHT and config["maxWeightedTweetLength"] == 280


BENGALI = "এক্সক্লুসিভ অফার"


@pytest.mark.parametrize(
    "unit, expected",
    [
        ("weighted", 16),
        ("code-points", 16),
        ("graphemes", 9),
        ("utf8-bytes", 46),
        ("utf16", 16),
        ("mastodon", 9),
    ],
)
def test_bengali_offer_in_every_unit(unit, expected):
    assert count(BENGALI, unit) == expected


def test_conjunct_is_one_grapheme():
    assert graphemes("ক্ষ") == 1
    assert graphemes("👨‍👩‍👧‍👦🇧🇩") == 2


@pytest.mark.parametrize(
    "text, weight",
    [
        ("❤️‍🔥", 2),
        ("👍🏽", 2),
        ("🇧🇩", 2),
        ("1️⃣", 2),
        ("©", 1),
        ("©️", 2),
        ("™", 2),
        ("a", 1),
        ("東", 2),
        ("\u2019", 1),
        ("\u2014", 1),
        ("\u2026", 2),
        ("\u00e9", 1),
        ("e\u0301", 1),  # NFC: é is one
    ],
)
def test_x_weights(text, weight):
    assert x_weighted_length(text) == weight


def test_x_urls_weigh_23_with_or_without_protocol():
    assert x_weighted_length("https://inkwell.example.com/a/very/long/path/indeed?x=1") == 23
    assert x_weighted_length("inkwell.com/pens") == 23
    assert x_weighted_length("see inkwell.com") == 4 + 23


def test_280_char_tweet_with_url():
    url = "https://example.com/" + "p" * 100  # 120 characters, counts 23
    body = "x" * (280 - 23 - 1)
    text = body + " " + url
    assert len(text) == 256 + 1 + 120
    assert x_weighted_length(text) == 280 and not x_invalid_characters(text)
    assert x_weighted_length(text + "!") == 281


def test_x_invalid_characters_offsets():
    assert x_invalid_characters("ab\ufffec\uffff\ufeff") == [2, 4, 5]
    assert x_invalid_characters("plain \u202a text") == []


def test_utf16_counts_astral_as_two():
    assert count("a😀𝐁", "utf16") == 5
    assert count("a😀𝐁", "code-points") == 3


def test_mastodon_length_rules():
    url = "https://example.com/" + "x" * 60
    assert mastodon_length(url) == 23
    assert mastodon_length("example.com/" + "x" * 60) == 72  # no protocol: as written
    assert mastodon_length("hi @alice@social.example.org") == len("hi @alice")
    assert mastodon_length("hi @alice") == 9
    assert mastodon_length("mail a@b.example") == len("mail a@b.example")  # not a mention
    assert mastodon_length("👨‍👩‍👧‍👦 ক্ষ") == 3  # graphemes


def test_unknown_unit_raises():
    with pytest.raises(ValueError, match="unknown unit"):
        count("x", "words")


def test_every_unit_has_a_label():
    assert set(UNIT_LABELS) == set(UNITS)


def test_measure_bluesky_has_two_limits():
    profiles = load_channel_profiles()
    ms = measure("ক্ষ" * 301, profiles["bluesky"])
    assert [(m.unit, m.count, m.limit, m.over) for m in ms] == [
        ("graphemes", 301, 300, True),
        ("utf8-bytes", 2709, 3000, False),
    ]
    assert all(m.channel == "bluesky" and m.field == "body" for m in ms)


def test_measure_title_and_alt():
    profiles = load_channel_profiles()
    (title,) = measure("t" * 101, profiles["youtube"], "title")
    assert title == Measure("youtube", "title", 101, 100, "code-points") and title.over
    assert measure("t", profiles["x"], "title") == []
    (alt,) = measure("a" * 1000, profiles["x"], "alt")
    assert (alt.limit, alt.over) == (1000, False)
    assert measure("a", profiles["instagram"], "alt") == []


def test_measure_at_limit_is_not_over():
    (m,) = measure("a" * 280, load_channel_profiles()["x"])
    assert (m.count, m.over) == (280, False)


@given(st.text(max_size=60))
def test_count_invariants(text):
    assert count(text, "utf16") >= count(text, "code-points") >= count(text, "graphemes")
    assert count(text, "utf8-bytes") >= count(text, "code-points")
    assert x_weighted_length(text) >= 0
    assert mastodon_length(text) <= graphemes(text) or "http" in text.lower()
