"""AX003: words written in "fancy fonts" (𝐛𝐨𝐥𝐝, 𝓈𝒸𝓇𝒾𝓅𝓉, ＦＵＬＬＷＩＤＴＨ, ⓒⓘⓡⓒⓛⓔⓓ, sᴍᴀʟʟ ᴄᴀᴘs).

Only whole fancy words are reported, and the fix rewrites only those runs, never the rest of the
post (NFKC on the whole text would also fold ™, ½ and Bengali and CJK forms). A lone math letter
(𝑥, ℝ), ℃, ™ and circled list numbers (①) are left alone; so are fullwidth letters in a post
with CJK text, where they are ordinary typography.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from contentlint.kinds.base import Kind, RuleContext
from contentlint.kinds.fancy_letters import STRONG, may_be_fancy, plain_form, strength, style_name
from contentlint.kinds.published_fields import published_fields
from contentlint.model.violation import Finding, Fix

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}\u249C-\u24E9\U0001F130-\U0001F189]+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_FULLWIDTH_ALNUM = regex.compile(r"[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]")
_EMOJI_PRESENTATION = "\ufe0f"


@dataclass(frozen=True)
class FancyRun:
    start: int
    end: int
    original: str
    plain: str
    style: str


def _fancy_levels(word: str, next_char: str, allow_fullwidth: bool) -> list[str | None]:
    """Strength of each character of a word; 🅿️ (with U+FE0F) is an emoji, not a letter."""
    levels: list[str | None] = []
    for index, char in enumerate(word):
        following = word[index + 1] if index + 1 < len(word) else next_char
        level = strength(char)
        if following == _EMOJI_PRESENTATION or (not allow_fullwidth and _FULLWIDTH_ALNUM.match(char)):
            level = None
        levels.append(level)
    return levels


def _is_fancy_word(word: str, levels: list[str | None]) -> bool:
    """Mostly fancy letters, with at least one that is never ordinary text (or three weak letters)."""
    fancy = sum(1 for level in levels if level)
    strong = sum(1 for level in levels if level == STRONG)
    plain_letters = sum(1 for char, level in zip(word, levels, strict=False) if not level and char.isalpha())
    if fancy == 0 or fancy <= plain_letters:
        return False
    if strong:
        return fancy >= 2 or len(word) == 1
    return fancy >= 3 and fancy == len(word) and word.isalpha()


def find_fancy_runs(text: str, allow_fullwidth: bool = True) -> list[FancyRun]:
    """Runs of fancy words on one line; words between them must be fancy too (𝐀 𝐧𝐞𝐰 𝐩𝐞𝐧)."""
    runs: list[FancyRun] = []
    if not may_be_fancy(text):
        return runs  # the usual post: not one fancy character, so no word to look at
    current: list[tuple[int, int, bool, list[str | None]]] = []

    def close() -> None:
        if current and any(multi for _, _, multi, _ in current):
            start, end = current[0][0], current[-1][1]
            original = text[start:end]
            levels_by_offset = {s + i: lv for s, _, _, levels in current for i, lv in enumerate(levels)}
            plain = "".join(
                (plain_form(ch) or ch) if levels_by_offset.get(start + i) else ch for i, ch in enumerate(original)
            )
            first_strong = next(
                (text[s + i] for s, _, _, levels in current for i, lv in enumerate(levels) if lv == STRONG),
                original[0],
            )
            runs.append(FancyRun(start, end, original, plain, style_name(first_strong)))
        current.clear()

    for match in _WORD.finditer(text):
        word = match.group()
        next_char = text[match.end()] if match.end() < len(text) else ""
        levels = _fancy_levels(word, next_char, allow_fullwidth)
        if current and "\n" in text[current[-1][1] : match.start()]:
            close()
        if _is_fancy_word(word, levels):
            current.append((match.start(), match.end(), len(word) > 1, levels))
        else:
            close()
    close()
    return runs


@dataclass(frozen=True)
class FancyText(Kind):
    """Report words written in Unicode look-alike "fonts"; fix them to plain letters."""

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        if not may_be_fancy(doc.text):
            return  # prose and published fields are all made of the file's characters
        sources = [(doc.prose, 0)] + [(value, offset) for value, offset in published_fields(doc)]
        sources = [(text, shift) for text, shift in sources if may_be_fancy(text)]
        if not sources:
            return
        allow_fullwidth = not _CJK.search(doc.text)
        for text, shift in sources:
            for run in find_fancy_runs(text, allow_fullwidth):
                start, end = run.start + shift, run.end + shift
                yield Finding(
                    start,
                    end,
                    {"match": run.original, "plain": run.plain, "style": run.style},
                    fix=Fix(run.plain, start, end),
                )
