"""Sentences of social copy per language, and spaCy pipelines for the rules that want a parse.

Sentences come from a small rule-based splitter, not from spaCy's sentencizer: the sentencizer
ends a sentence at every "." token ("approx. 5", "H.A. Shah" after tokenising), never at an
emoji ("New pens 🎉 Grab yours") and cannot tell "wait... and" from "wait... The", and `import
spacy` alone costs a pre-commit hook about 0.7 s. The rules here, measured on brand posts:
- a line break always ends a sentence (social copy breaks lines where prose uses a full stop);
- `!`, `?`, `।` (Bengali dari), `॥` and runs of them ("!!!", "?!") end one when space follows;
- `.` ends one when space follows, except after a known abbreviation ("e.g.", "approx.", "Dr."),
  initials ("H.A.", "U.S.") or a list number at the start of a line ("1. Open the box");
  "a.m."/"p.m." end one before a capitalised word and "U.S."/"U.K." before a common one
  ("in the U.S. If you" but "the U.S. Open");
  "etc." and "Inc." end one only before a capital;
- an ellipsis ("..." or "…") ends one unless a lower-case word follows ("wait... and");
- an emoji followed by a capitalised word ends one ("Out now 🎉 Grab yours");
- decimals, URLs and e-mails never end one (no space follows their dots);
- a fragment with no letters or digits (a trailing emoji, "!!!") joins the sentence before it.

`trained_pipeline(name)` loads spaCy, an extra (`contentlint[spacy]`), for the one rule that can
use a trained pipeline a team names (config `nlp`, or `CONTENTLINT_SPACY_EN`; see config/nlp.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

_LINE = regex.compile(r"[^\r\n]+")
# A candidate end: a run of terminators (and closing quotes/brackets) followed by a space, or an
# emoji run followed by spaces and a capital. The runs are matched whole and possessively and the
# follower is checked in `_cuts`: a lookahead inside the pattern made every position of a long
# run ("!!!!...", 20,000 emoji) rescan the rest of it, quadratic in the run. A run that fails
# from its first character fails from every later one (they all end where it ends), so trying
# each run once finds the same ends.
_CANDIDATE = regex.compile(
    r"(?P<term>[.!?…।॥]++)(?P<close>[\"'”’»)\]]*+)"
    r"|(?P<emoji>\p{Extended_Pictographic}[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D]*+)"
)
# Invisible format characters count as nothing between an end and what follows: "it.\u2060Then"
# is two sentences (a word joiner after a full stop hid a break in a real post).
_INVISIBLE = "\u200b\u2060\ufeff"
_SPACE = regex.compile(rf"[{_INVISIBLE}]*(?:\s|(?<=[{_INVISIBLE}])(?=\p{{Lu}}))")
_SPACES_THEN_CAPITAL = regex.compile(rf"[\s{_INVISIBLE}]+\p{{Lu}}")
_NEXT_WORD = regex.compile(rf"[\s{_INVISIBLE}]*(?<=[\s{_INVISIBLE}])([^\s{_INVISIBLE}])")
# The Bengali (and Devanagari) full stops end a sentence whatever follows: writers often leave no
# space after them ("আমরা এসেছি।তোমরা কোথায়?").
_DANDA = regex.compile(r"[।॥]")
_BENGALI_LETTER = regex.compile(r"[\p{Bengali}\p{Devanagari}]")
_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}\p{N}.]+)$")
# The same run matched backwards from its end: found in the length of the word, where a forward
# search for `_WORD_BEFORE` tries every start from the line's beginning.
_WORD_ENDING = regex.compile(r"[\p{L}\p{M}\p{N}.]+", regex.REVERSE)
# "H.A", "U.S", "p.m" (final dot excluded) at the end of a word: matched backwards from the end,
# so a long dotted word ("a.a.a....aa") is read once, not once per starting position.
_INITIALS = regex.compile(r"(?:\p{L}\.)+\p{L}?\Z", regex.REVERSE)
# A list number from the line's start to the full stop: matched in place (with pos/endpos), since
# slicing the line's beginning for every full stop on a long line is quadratic in the line.
_LIST_NUMBER = regex.compile(r"\s*(?:[-*+]\s+)?\(?\p{N}{1,3}\Z")
_HAS_WORD = regex.compile(r"[\p{L}\p{N}]")

# Never end a sentence: they introduce what follows ("e.g. pens", "Dr. Rao", "Rs. 499").
_ALWAYS_CONTINUE = frozenset("approx appx ca cf dept dr esp excl incl jr mr mrs ms mt prof rs sr st tk viz vs".split())
# Continue only before a number ("No. 1", "Vol. 2", "Jan. 5", "est. 1998").
_BEFORE_NUMBER = frozenset("apr aug dec est feb fig jan jul jun mar no nos nov oct p pp sep sept vol".split())
# End a sentence only before a capital ("... etc. The", but "pens, inks etc. and more";
# "ready in 5 min. Grab one").
_END_CAPABLE = frozenset("ave co corp etc ft hr hrs inc llc ltd min mins pvt rd sec sq wt yr yrs".split())


# Initials that often end a sentence: "... at 10:30 p.m. Silent disco", "... in the U.S. If you".
_TIME_INITIALS = frozenset({"am", "pm"})
_PLACE_INITIALS = frozenset({"us", "uk", "usa", "eu", "uae"})
_NEXT_TOKEN = regex.compile(r"\s+(\p{L}+)")
COMMON_STARTERS = 150  # the most common English words: function words that start sentences


def _initials_end_sentence(text: str, after: int, bare: str) -> bool:
    """After "p.m." a capitalised word starts a new sentence (time zones are all capitals: "p.m.
    ET"); after "U.S." only a common word does ("U.S. If you" but "U.S. Open", "U.S. Army")."""
    found = _NEXT_TOKEN.match(text, after)
    if not found:
        return False
    word = found.group(1)
    if not (word[0].isupper() and word[1:].islower()) and word not in ("I", "A"):
        return False
    return bare in _TIME_INITIALS or word.lower() in _common_starters()


@lru_cache(maxsize=1)
def _common_starters() -> frozenset[str]:
    from contentlint.text.hashtag_words import word_counts

    counts = word_counts()
    return frozenset(sorted(counts, key=counts.__getitem__, reverse=True)[:COMMON_STARTERS])


@dataclass(frozen=True)
class Sentence:
    start: int  # offsets into the text given
    end: int
    text: str


class PipelineError(Exception):
    """A trained spaCy pipeline a config names cannot be loaded (reported for the post)."""


@lru_cache(maxsize=4)
def trained_pipeline(name: str) -> Any:
    """The trained spaCy pipeline `name` (a package or a folder, as config `nlp` gives it), which
    must have a dependency parser; never a download. spaCy is imported here and only here."""
    try:
        import spacy
    except ImportError:
        raise PipelineError(f"the spaCy pipeline {name!r} needs spaCy: pip install 'contentlint[spacy]'") from None
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise PipelineError(f"the spaCy pipeline {name!r} cannot be loaded: {exc}") from None
    if "parser" not in nlp.pipe_names:
        raise PipelineError(f"the spaCy pipeline {name!r} has no dependency parser, which passive-voice needs")
    return nlp


def sentences(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of text[start:end] with offsets into `text`; blank stretches are skipped.

    `lang` is accepted for the API's sake: the rules above hold for every script we lint (the
    abbreviation list is English; Bengali ends sentences at the dari, which needs no list).
    """
    end = len(text) if end is None else end
    found: list[Sentence] = []
    for line in _LINE.finditer(text, start, end):
        line_start = line.start()
        pieces: list[tuple[int, int]] = []
        piece_start = line_start
        for cut in _cuts(text, line_start, line.end()):
            pieces.append((piece_start, cut))
            piece_start = cut
        pieces.append((piece_start, line.end()))
        for piece_start, piece_end in pieces:
            sentence = _trimmed(text, piece_start, piece_end)
            if not sentence.text:
                continue
            if found and not _HAS_WORD.search(sentence.text) and found[-1].end >= line_start:
                previous = found.pop()
                sentence = _trimmed(text, previous.start, piece_end)
            found.append(sentence)
    return found


def _cuts(text: str, line_start: int, line_end: int) -> list[int]:
    """Offsets within one line where a new sentence starts (just after an end)."""
    cuts: list[int] = []
    for match in _CANDIDATE.finditer(text, line_start, line_end):
        term = match.group("term") or ""
        glued = match.end() < line_end and _HAS_WORD.match(text, match.end())
        if glued and term and (_DANDA.search(term) or (term[-1] in "?!" and _BENGALI_LETTER.match(text, match.end()))):
            cuts.append(match.end())  # "এসেছি।তোমরা", "কোথায়?আজ": it ends there, space or not
            continue
        follower = _SPACES_THEN_CAPITAL if match.group("emoji") else _SPACE
        if not follower.match(text, match.end(), line_end):
            continue
        next_match = _NEXT_WORD.match(text, match.end(), line_end)
        if not next_match:
            continue
        next_char = next_match.group(1)
        sentence_start = cuts[-1] if cuts else line_start
        if match.group("emoji") or _ends_sentence(text, line_start, sentence_start, match, next_char):
            cuts.append(match.end())
    return cuts


def _ends_sentence(text: str, line_start: int, sentence_start: int, match: Any, next_char: str) -> bool:
    term = match.group("term")
    if any(mark in term for mark in "!?।॥"):
        return True
    if term.startswith("…") or term.startswith(".."):
        return not next_char.islower()
    # A single full stop: look at the word it ends.
    before = _WORD_ENDING.match(text, line_start, match.start())
    word = before.group() if before else ""
    bare = word.replace(".", "").lower()
    if bare in ("eg", "ie") or (bare in _ALWAYS_CONTINUE and "." not in word):
        return False
    if bare in _BEFORE_NUMBER and next_char.isdigit():
        return False
    if bare in _END_CAPABLE:
        return next_char.isupper()
    if bare in _TIME_INITIALS or bare in _PLACE_INITIALS:
        return _initials_end_sentence(text, match.end(), bare)
    if _INITIALS.search(word):
        return False
    # "1. Open the box. 2. Fill the pen.": a list number at the start of a sentence ends nothing
    return not _LIST_NUMBER.match(text, sentence_start, match.start())


def _trimmed(text: str, start: int, end: int) -> Sentence:
    while start < end and (text[start].isspace() or text[start] in _INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
        end -= 1
    return Sentence(start, end, text[start:end])
