"""Regenerate contentlint/data/en_unigrams.txt.gz, the word counts that split run-together
hashtags (#backtoschool -> back to school), from the `wordsegment` package (Apache-2.0).

Run at development time only; contentlint never imports wordsegment. The shipped list keeps the
most frequent words (names, days, brands of the web corpus included) plus dictionary words down to
a lower rank: run-together web tokens such as "shoplocal" are frequent enough to be in the corpus
but are not dictionary words, and keeping them would stop the segmenter from splitting them.

    .venv/bin/python tools/build_hashtag_vocab.py [--top 20000] [--dictionary 80000]
"""

from __future__ import annotations

import argparse
import gzip
from importlib import resources
from pathlib import Path

SHORT_WORD_RANK = 5000
OUT = Path(__file__).resolve().parent.parent / "contentlint" / "data" / "en_unigrams.txt.gz"


def build(top: int, dictionary_rank: int) -> list[tuple[str, int]]:
    package = resources.files("wordsegment")
    dictionary = set(package.joinpath("words.txt").read_text(encoding="utf-8").split())
    kept = []
    for rank, line in enumerate(package.joinpath("unigrams.txt").read_text(encoding="utf-8").splitlines()):
        word, count = line.split("\t")
        if not word.isalpha():
            continue  # digits are split off by pattern, never by counts
        in_dictionary = word in dictionary
        if len(word) <= 3 and not (rank < SHORT_WORD_RANK or (in_dictionary and rank < 2 * SHORT_WORD_RANK)):
            continue  # "ers", "ber": rare short words and abbreviations shred longer words
        if rank < top or (rank < dictionary_rank and in_dictionary):
            kept.append((word, int(count)))
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=20000, help="keep every word up to this rank")
    parser.add_argument("--dictionary", type=int, default=150000, help="keep dictionary words up to this rank")
    args = parser.parse_args()
    words = build(args.top, args.dictionary)
    header = (
        f"# from wordsegment 1.3.1 unigrams.txt (Apache-2.0); top {args.top}, dictionary words to {args.dictionary}\n"
    )
    body = "".join(f"{word}\t{count}\n" for word, count in words)
    OUT.write_bytes(gzip.compress((header + body).encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{OUT}: {len(words)} words, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
