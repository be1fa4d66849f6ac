"""How well hashtags are split into words: accuracy on 250 real-looking marketing tags, and
the confident splits (the only ones HT004 fixes) must all be right."""

from __future__ import annotations

from conftest import REPO

from contentlint.text.hashtag_words import split_tag, word_counts

DATA = REPO / "tests" / "data" / "hashtag_segmentation.tsv"
# Measured when the vocabulary was built (tools/build_hashtag_vocab.py): 247 of 250.
REACHED_ACCURACY = 0.988


def _rows() -> list[tuple[str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            tag, expected = line.split("\t")
            rows.append((tag, expected))
    return rows


def test_the_list_is_big_enough_and_unique() -> None:
    tags = [tag for tag, _ in _rows()]
    assert len(tags) >= 200
    assert len(set(tags)) == len(tags)


def test_accuracy_stays_where_it_was_reached() -> None:
    rows = _rows()
    wrong = [
        (tag, expected, " ".join(split_tag(tag).words).lower())
        for tag, expected in rows
        if " ".join(split_tag(tag).words).lower() != expected
    ]
    accuracy = 1 - len(wrong) / len(rows)
    print(f"\nhashtag segmentation: {len(rows) - len(wrong)}/{len(rows)} = {accuracy:.1%}; wrong: {wrong}")
    assert accuracy >= max(0.90, REACHED_ACCURACY - 1e-9), wrong


def test_confident_splits_are_right() -> None:
    rows = _rows()
    confident = [(tag, expected) for tag, expected in rows if split_tag(tag).confident]
    wrong = [tag for tag, expected in confident if " ".join(split_tag(tag).words).lower() != expected]
    assert len(confident) >= 0.85 * len(rows)
    assert not wrong


def test_ambiguous_and_unknown_runs_are_not_confident() -> None:
    for tag in ("penisland", "linkinbio", "whatsinmybag", "zqxwvbn"):
        assert not split_tag(tag).confident, tag


def test_words_keep_the_tag_as_written() -> None:
    assert split_tag("Backtoschool").words == ("Back", "to", "school")
    assert split_tag("AIForGood").words == ("AI", "For", "Good")
    assert split_tag("iPhoneCase").words == ("iPhone", "Case")
    assert split_tag("পূজা_অফার").words == ("পূজা", "অফার")
    assert split_tag("র\u200d্যাপিড").words == ("র\u200d্যাপিড",)


def test_vocabulary_is_loaded_whole() -> None:
    """Its load time is measured in bench/bench_startup.py, not here."""
    word_counts.cache_clear()
    assert len(word_counts()) > 40000


def test_social_words_list_is_sorted_and_unique() -> None:
    path = REPO / "contentlint" / "data" / "social_words.txt"
    words = [w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")]
    assert words == sorted(set(words))
    assert all(w.islower() and w.isalpha() for w in words)
