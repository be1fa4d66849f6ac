"""CL001 hard-to-read, CL002 long-sentence, CL008 wall-of-text and BV004 missing-title.

All of them read the post's clean prose (URLs, mentions, hashtags blanked; emoji are not words),
split into sentences once per post and shared between the rules.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from contentlint.kinds.base import Kind, OptionError, RuleContext, option
from contentlint.model.violation import Finding
from contentlint.text.reading_level import WORD, MeasuredSentence, has_formula, measured_sentences, measures_of

DEFAULT_MAX_GRADE = 9.0
SURFACE_LIMITS = ("max_words_per_sentence", "max_long_word_share")


def document_sentences(doc: Any) -> list[MeasuredSentence]:
    """The body's sentences with their words, computed once per post for every clarity rule."""
    cache = doc.__dict__.setdefault("_clarity_cache", {})
    if "sentences" not in cache:
        cache["sentences"] = measured_sentences(doc.plain, doc.lang, doc.body_start)
    found: list[MeasuredSentence] = cache["sentences"]
    return found


def _quote(sentence: MeasuredSentence, written: str, words: int = 6) -> str:
    """The sentence's first words as the writer wrote them, to find it by eye: measured on the
    masked text, quoted from `written` (the post itself, same offsets), so hashtags, handles and
    links show as written, not as the runs of spaces that mask them."""
    end = sentence.end
    if len(sentence.words) > words:
        end = sentence.start + [match.end() for match in WORD.finditer(sentence.text)][words - 1]
    shown = " ".join(written[sentence.start : end].split())
    return f'"{shown}…"' if end < sentence.end else f'"{shown}"'


def _longest(found: list[MeasuredSentence], count: int = 2) -> list[MeasuredSentence]:
    return sorted(found, key=lambda s: (-len(s.words), s.start))[:count]


@dataclass(frozen=True)
class HardToRead(Kind):
    """Report a post whose readability is above its audience's target grade.

    English and the languages with a validated formula are measured by grade; other languages
    (Bengali) only by surface measures, and their message never mentions a grade.
    """

    message_keys = ("surface",)

    max_grade: float | None = option(
        None, "the grade to stay under; unset: the audience's max_grade, else 9", maximum=30
    )
    margin: float = option(1.0, "how far over the target a post must be (grades are noisy)", minimum=0)
    min_words: int = option(0, "posts with fewer words are not measured")
    min_sentences: int = option(0, "posts with fewer sentences are not measured")
    surface: Mapping[str, float] = option(
        {}, "limits for languages without a grade formula: max_words_per_sentence, max_long_word_share"
    )
    bn: Mapping[str, float] = option({}, "the same limits for Bengali, over `surface`")

    def validate(self) -> None:
        if self.max_grade is not None and not self.max_grade > 0:
            raise OptionError("option 'max_grade' must be between 0 and 30")
        for name in ("surface", "bn"):
            unknown = [key for key in getattr(self, name) if key not in SURFACE_LIMITS]
            if unknown:
                known = ", ".join(SURFACE_LIMITS)
                raise OptionError(f"unknown option '{unknown[0]}' in '{name}' of kind hard-to-read (options: {known})")

    def target_grade(self, doc: Any, ctx: RuleContext) -> tuple[float, str]:
        """The grade to stay under and whose it is: the option, else the strictest audience."""
        if self.max_grade is not None:
            return self.max_grade, "this rule's max_grade"
        targets = [
            (audience.max_grade, name)
            for name in doc.audiences
            if (audience := ctx.config.audiences.get(name)) is not None and audience.max_grade is not None
        ]
        if targets:
            grade, name = min(targets)
            return float(grade), f"audience {name}"
        return DEFAULT_MAX_GRADE, "the default"

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        found = document_sentences(doc)
        words = sum(len(s.words) for s in found)
        if words < self.min_words or len(found) < self.min_sentences:
            return
        values = measures_of(found, doc.lang)
        longest = _longest(found)
        start_with = ", ".join(f"{_quote(s, doc.text)} ({len(s.words)} words)" for s in longest)
        place = longest[0]
        if has_formula(doc.lang):
            target, whose = self.target_grade(doc, ctx)
            grade = values["grade"]
            if grade > target + self.margin:
                yield Finding(
                    place.start,
                    place.end,
                    {
                        "grade": f"{grade:.1f}",
                        "target": f"{target:g}",
                        "whose": whose,
                        "start_with": start_with,
                    },
                )
            return
        limits = {**self.surface, **(self.bn if doc.lang == "bn" else {})}
        problems = []
        if (
            "max_words_per_sentence" in limits
            and values["words_per_sentence"] > limits["max_words_per_sentence"] + self.margin
        ):
            problems.append(
                f"sentences average {values['words_per_sentence']:g} words "
                f"(at most {limits['max_words_per_sentence']:g})"
            )
        if "max_long_word_share" in limits and values.get("long_word_share", 0.0) > limits["max_long_word_share"]:
            problems.append(
                f"{values['long_word_share']:.0%} of words are long (at most {limits['max_long_word_share']:.0%})"
            )
        if problems:
            yield Finding(
                place.start,
                place.end,
                {"problems": "; ".join(problems), "start_with": start_with},
                message="surface",
            )


@dataclass(frozen=True)
class LongSentence(Kind):
    """Report a sentence with more words than `max_words` (per language with `max_words_by_lang`)."""

    max_words: int = option(30, "most words a sentence may have", minimum=1)
    max_words_by_lang: Mapping[str, int] = option(
        {}, "per language code, over max_words, such as {bn: 20}", minimum=1, lower=True
    )

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        limit = self.max_words_by_lang.get(doc.lang, self.max_words)
        for sentence in document_sentences(doc):
            if len(sentence.words) > limit and _longest_unit(sentence) > limit:
                yield Finding(
                    sentence.start,
                    sentence.end,
                    {"count": len(sentence.words), "max": limit, "start_with": _quote(sentence, doc.text)},
                )


_LIST_AFTER_COLON = regex.compile(r"[:：]\s+(?=[^:：]*,[^:：]*,)")


def _longest_unit(sentence: MeasuredSentence) -> int:
    """Words a reader holds at once. A list of short items after a colon ("we cover: pacing,
    fuelling and race-week nerves") is read as the lead-in plus one item at a time, so it counts
    as the words before the colon plus its longest item (bracketed asides left out); the
    precision audits found 31-36-word sentences of that shape that read fine. Long items are
    clauses, and the whole sentence counts."""
    colon = _LIST_AFTER_COLON.search(sentence.text)
    if colon is None:
        return len(sentence.words)
    sizes = [
        len(WORD.findall(item)) for item in _LIST_SEPARATOR.split(_BRACKETED.sub(" ", sentence.text[colon.end() :]))
    ]
    sizes = [size for size in sizes if size]
    if not sizes or sum(sizes) > SHORT_LIST_ITEM_WORDS * len(sizes):
        return len(sentence.words)  # clauses, not a list: "... at that scale: routing in Dhaka traffic, ..."
    return len(WORD.findall(sentence.text[: colon.start()])) + max(sizes)


_LIST_SEPARATOR = regex.compile(r",|;|\band\b|\bor\b")
_BRACKETED = regex.compile(r"\([^()]*\)")
SHORT_LIST_ITEM_WORDS = 4  # a list's items average at most this many words


_HEADING = regex.compile(r"^[ ]{0,3}#{1,6}[ \t]", regex.M)
_LIST_ITEM = regex.compile(r"^[ ]{0,3}(?:[-*+•]|\p{N}{1,3}[.)])[ \t]", regex.M)
_PARAGRAPH_BREAK = regex.compile(r"\n[ \t]*\n")
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")


@dataclass(frozen=True)
class WallOfText(Kind):
    """Report a paragraph of a long-form post over `max_words` words with no heading or list."""

    max_words: int = option(150, "most words a paragraph may have", minimum=1)

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        if not any(profile.long_form for profile in ctx.profiles_for(doc)):
            return
        body = doc.prose.replace("\r\n", "\n ")  # same length: offsets hold
        plain = doc.plain
        start = doc.body_start
        for block_end in [m.start() for m in _PARAGRAPH_BREAK.finditer(body, doc.body_start)] + [len(body)]:
            block = body[start:block_end]
            if block.strip() and not _HEADING.search(block) and not _LIST_ITEM.search(block):
                words = len(_WORD.findall(plain, start, block_end))
                if words > self.max_words:
                    first = start + len(block) - len(block.lstrip())
                    yield Finding(first, first + 1, {"count": words, "max": self.max_words})
            start = block_end


@dataclass(frozen=True)
class MissingTitle(Kind):
    """Report a post for a channel that requires a title (YouTube, blog, LinkedIn article) without one."""

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        if doc.title is not None and doc.title.strip():
            return
        needing = [profile.name for profile in ctx.profiles_for(doc) if profile.title_required]
        if needing:
            start, end = doc.front_matter.span("title") if "title" in doc.meta else (doc.body_start, doc.body_start)
            yield Finding(start, end, {"channels": ", ".join(needing)})
