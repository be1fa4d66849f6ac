"""The passages two posts share, for the page's side-by-side view of a repeat (RP001, RP002).

The repetition rules decide *whether* two posts repeat each other (containment of word 3-grams,
`text.similarity`); this module only shows a writer *where*: every run of three or more words
that appears in both bodies, compared the way the rules compare them (case folded, URLs,
mentions, hashtags, cashtags and e-mail addresses set aside, emoji and punctuation ignored).
It does not drop boilerplate as the rules do, so a shared sign-off is marked too: the view is
"these words are in both", the verdict stays the rule's.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from contentlint.text.document import Document

RUN = 3  # words: the repetition rules' shingle size

_WORD = regex.compile(r"\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*")
_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u2032`", "'"))  # one for one: offsets stay


@dataclass(frozen=True)
class Word:
    start: int  # code-point offsets into the document text
    end: int
    key: str  # what is compared


def words(doc: Document) -> list[Word]:
    """The body's words as the repetition rules see them, with where each one is."""
    found = []
    for match in _WORD.finditer(doc.plain.translate(_APOSTROPHES), doc.body_start):
        found.append(Word(match.start(), match.end(), unicodedata.normalize("NFKC", match.group()).casefold()))
    return found


def _runs(items: list[Word]) -> set[tuple[str, ...]]:
    return {tuple(w.key for w in items[i : i + RUN]) for i in range(len(items) - RUN + 1)}


def _marked(items: list[Word], shared: set[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Spans covering every word of a shared run; two neighbouring words join in one span only
    when one shared run holds both (the end of one run and the start of the next stay apart)."""
    starts = [i for i in range(len(items) - RUN + 1) if tuple(w.key for w in items[i : i + RUN]) in shared]
    marked = [False] * len(items)
    linked = [False] * len(items)  # word i and word i + 1 are in one shared run
    for i in starts:
        for j in range(i, i + RUN):
            marked[j] = True
        for j in range(i, i + RUN - 1):
            linked[j] = True
    spans: list[tuple[int, int]] = []
    for i, word in enumerate(items):
        if not marked[i]:
            continue
        if i and linked[i - 1]:
            spans[-1] = (spans[-1][0], word.end)
        else:
            spans.append((word.start, word.end))
    return spans


def shared_passages(a: Document, b: Document) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans (code-point offsets into each document's text) of the runs of three or more words
    both bodies hold: first for `a`, then for `b`."""
    words_a, words_b = words(a), words(b)
    shared = _runs(words_a) & _runs(words_b)
    if not shared:
        return [], []
    return _marked(words_a, shared), _marked(words_b, shared)
