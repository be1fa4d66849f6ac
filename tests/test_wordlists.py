"""Every shipped word list (any helper's) stays reviewable: sorted, no duplicates, and in
replacement lists no entry that replaces itself, loops back or chains into another entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO

from contentlint.config.wordlists import is_comment, parse_wordlist

LISTS = sorted((REPO / "rules" / "wordlists").glob("*.txt"))


def entries(path: Path) -> list[tuple[str, str | None]]:
    """The entries of a shipped list, checked for layout: comments (the reader's one rule: '#'
    and a space) only at the top, then one entry a line. The reader must agree."""
    lines = path.read_text(encoding="utf-8").splitlines()
    body = lines
    while body and is_comment(body[0]):
        body = body[1:]
    result: list[tuple[str, str | None]] = []
    for line in body:
        assert line.strip(), f"{path.name}: blank line inside the list"
        assert not is_comment(line), f"{path.name}: comments belong at the top: {line!r}"
        assert line == line.strip(), f"{path.name}: stray spaces around {line!r}"
        term, tab, replacement = line.partition("\t")
        result.append((term, replacement if tab else None))
    assert list(parse_wordlist("\n".join(lines))) == result, f"{path.name}: the reader reads other entries"
    return result


def test_there_are_lists() -> None:
    assert {"weasel.txt", "jargon.txt", "wordy.txt", "acronyms.txt"} <= {p.name for p in LISTS}


def test_one_comment_rule_keeps_hash_entries() -> None:
    """`# note` is a comment; `#1`, `#ad` and `＃tag` are entries, in every list and the banned file."""
    text = "# a note\n#\n  # indented note\n＃ fullwidth note\n#1\n#ad\n＃tag\nword\treplacement\n\n"
    assert parse_wordlist(text) == (("#1", None), ("#ad", None), ("＃tag", None), ("word", "replacement"))


@pytest.mark.parametrize("path", LISTS, ids=lambda p: p.name)
def test_sorted_without_duplicates(path: Path) -> None:
    terms = [term for term, _ in entries(path)]
    assert terms, f"{path.name} is empty"
    assert terms == sorted(terms, key=str.casefold), f"{path.name} is not sorted case-insensitively"
    folded = [t.casefold() for t in terms]
    duplicates = sorted({t for t in folded if folded.count(t) > 1})
    assert not duplicates, f"{path.name}: duplicates {duplicates}"


@pytest.mark.parametrize("path", LISTS, ids=lambda p: p.name)
def test_replacements_do_not_loop_or_chain(path: Path) -> None:
    pairs = entries(path)
    if not any(replacement is not None for _, replacement in pairs):
        return
    mapping = {term.casefold(): (replacement or "").casefold() for term, replacement in pairs}
    for term, replacement in mapping.items():
        assert replacement.strip(), f"{path.name}: {term!r} has an empty replacement"
        assert replacement != term, f"{path.name}: {term!r} replaces itself"
        assert replacement not in mapping, (
            f"{path.name}: {term!r} -> {replacement!r}, which is itself an entry (a chain or loop)"
        )


def test_the_check_catches_a_loop(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("# header\nleverage\tuse\nuse\tleverage\n", encoding="utf-8")
    with pytest.raises(AssertionError):
        test_replacements_do_not_loop_or_chain(bad)
    unsorted = tmp_path / "unsorted.txt"
    unsorted.write_text("very\nquite\n", encoding="utf-8")
    with pytest.raises(AssertionError):
        test_sorted_without_duplicates(unsorted)
