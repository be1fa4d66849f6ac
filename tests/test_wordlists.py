"""Every shipped word list (any helper's) stays reviewable: sorted, no duplicates, and in
replacement lists no entry that replaces itself, loops back or chains into another entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO

LISTS = sorted((REPO / "rules" / "wordlists").glob("*.txt"))


def entries(path: Path) -> list[tuple[str, str | None]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    body = lines
    while body and body[0].startswith("#"):
        body = body[1:]
    result = []
    for line in body:
        assert line.strip(), f"{path.name}: blank line inside the list"
        assert not line.startswith("#"), f"{path.name}: comments belong at the top: {line!r}"
        assert line == line.strip(), f"{path.name}: stray spaces around {line!r}"
        term, tab, replacement = line.partition("\t")
        result.append((term, replacement if tab else None))
    return result


def test_there_are_lists() -> None:
    assert {"weasel.txt", "jargon.txt", "wordy.txt", "acronyms.txt"} <= {p.name for p in LISTS}


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
