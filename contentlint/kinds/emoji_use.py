"""AX002: emoji that a screen reader turns into noise.

Screen readers read every emoji by its full name ("smiling face with heart-eyes"), so more emoji
than the channel's habit, runs of emoji and emoji standing in for a word ("We 💙 pens") make a
post long and confusing to listen to. An emoji sequence (ZWJ family, flag, skin tone, keycap)
is one emoji, because it is read as one name.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from contentlint.kinds import shared
from contentlint.kinds.base import OptionError, RuleContext, validate_options
from contentlint.model.violation import Finding

# Words after which a sentence cannot end, so an emoji right after one, followed by another
# word, stands in for a word. Verbs and prepositions are left out on purpose: "Thank you 🙏 see
# you soon" and "what we're working on 👀 stay tuned" are emoji between clauses.
FUNCTION_WORDS = frozenset(
    "a an the your our my their its we i and every "
    "আমার আমাদের তোমার তোমাদের আপনার আপনাদের তাদের ওদের এই সেই ওই একটি একটা".split()
)
# "Drop a ❤️ if you agree", "Hit the 🔔": the emoji is the thing the reader is asked to use.
CALL_TO_ACTION_VERBS = frozenset(
    "add comment drop give hit leave post press react reply send smash tap type use with".split()
)
# Emoji read as one literal noun that posts use as another word ("🔥 deals" is not "fire deals").
SLANG_EMOJI = frozenset({"🔥", "🐐", "💀", "🧢"})
_WORD_BEFORE = regex.compile(r"(?:^|[^\p{L}\p{M}'’])(?:([\p{L}\p{M}'’]+)[ \t]+)?([\p{L}\p{M}'’]+)[ \t]+$")
_WORD_AFTER = regex.compile(r"^[ \t]+[\p{L}]")
_GAP = regex.compile(r"^[ \t\uFE0F]*$")
_LETTER_LIKE_EMOJI = regex.compile(r"^[\U0001F170-\U0001F189]$")  # AX003's negative squared letters
_WORD_CHAR = regex.compile(r"[\p{L}\p{M}'’]")
_LINE_BREAK = regex.compile("\n")


def words_before(text: str, line_start: int, end: int) -> Any:
    """`_WORD_BEFORE` searched in text[line_start:end], on only the stretch it can match.

    Its match ends at `end` and holds at most two words, their spaces and one character before
    them, so the search runs on that stretch (found by stepping back over spaces, a word, spaces,
    a word) and not on the whole line: the regex tries every start, and lines can be long.
    """
    start = end
    for is_part in (_is_gap, _is_word_char, _is_gap, _is_word_char):
        while start > line_start and is_part(text[start - 1]):
            start -= 1
    return _WORD_BEFORE.search(text[max(line_start, start - 1) : end])


def _is_gap(char: str) -> bool:
    return char == " " or char == "\t"


def _is_word_char(char: str) -> bool:
    return _WORD_CHAR.match(char) is not None


def _line_starts(text: str) -> Callable[[int], int]:
    """The start of the line holding an offset, by bisecting the line breaks: a search back from
    every emoji read its whole line, quadratic in a long line of emoji."""
    breaks = [match.start() for match in _LINE_BREAK.finditer(text)]

    def line_start(offset: int) -> int:
        index = bisect.bisect_left(breaks, offset)
        return breaks[index - 1] + 1 if index else 0

    return line_start


def _is_bullet(text: str, item: Any, line_start: int) -> bool:
    """An emoji that starts a line of text ("✅ Refillable") marks a list item, not decoration."""
    before = item.start
    while before > line_start and text[before - 1].isspace():
        before -= 1
    return before == line_start and bool(_WORD_AFTER.match(text[item.end : item.end + 2]))


def _emoji_name(value: str) -> str:
    import emoji

    data = emoji.EMOJI_DATA.get(value) or emoji.EMOJI_DATA.get(value.replace("\ufe0f", ""))
    if not data:
        return value
    return data["en"].strip(":").replace("_", " ")


@dataclass(frozen=True)
class EmojiUse:
    """Report more emoji than a channel's cap, emoji runs, and emoji used in place of words."""

    caps: Mapping[str, int]
    max_run: int
    word_substitutes: bool
    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> EmojiUse:
        validate_options("emoji-use", options, {"caps": dict, "max_run": int, "word_substitutes": bool})
        caps = options.get("caps") or {}
        if not all(
            isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and v >= 0 for k, v in caps.items()
        ):
            raise OptionError("option 'caps' expects a mapping of channel name to a whole number >= 0")
        max_run = options.get("max_run", 3)
        if max_run is None or max_run < 1:
            raise OptionError("option 'max_run' must be a whole number >= 1")
        word_substitutes = options.get("word_substitutes", True)
        return cls(dict(caps), max_run, bool(word_substitutes))

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        found = [e for e in shared.emoji(doc) if not _LETTER_LIKE_EMOJI.match(e.value)]
        if not found:
            return
        yield from self._over_cap(doc, ctx, found)
        yield from self._runs(doc, found)
        if self.word_substitutes:
            yield from self._word_substitutes(doc, found)

    def _over_cap(self, doc: Any, ctx: RuleContext, found: list[Any]) -> Iterator[Finding]:
        line_start = _line_starts(doc.prose)
        found = [e for e in found if not _is_bullet(doc.prose, e, line_start(e.start))]
        caps = []
        for profile in ctx.profiles_for(doc):
            cap = self.caps.get(profile.name, profile.emoji_cap)
            if cap is not None and len(found) > cap:
                caps.append((cap, profile.name))
        if not caps:
            return
        cap, channel = min(caps)
        first_extra = found[cap]
        yield Finding(
            first_extra.start,
            first_extra.end,
            {
                "kind": "cap",
                "count": len(found),
                "cap": cap,
                "channel": channel,
                "message": f"{len(found)} emoji; posts on {channel} should use at most {cap}: screen readers "
                f"read each one out by name, so keep the ones that add meaning",
            },
        )

    def _runs(self, doc: Any, found: list[Any]) -> Iterator[Finding]:
        run = [found[0]]
        for item in found[1:] + [None]:
            if item is not None and _GAP.match(doc.prose[run[-1].end : item.start]):
                run.append(item)
                continue
            if len(run) > self.max_run:
                names = ", ".join(_emoji_name(e.value) for e in run)
                yield Finding(
                    run[0].start,
                    run[-1].end,
                    {
                        "kind": "run",
                        "count": len(run),
                        "message": f'{len(run)} emoji in a row: a screen reader reads "{names}"; keep one',
                    },
                )
            if item is not None:
                run = [item]

    def _word_substitutes(self, doc: Any, found: list[Any]) -> Iterator[Finding]:
        text = doc.prose
        line_start = _line_starts(text)
        for item in found:
            before = words_before(text, line_start(item.start), item.start)
            if not before or before.group(2).casefold() not in FUNCTION_WORDS:
                continue
            if (before.group(1) or "").casefold() in CALL_TO_ACTION_VERBS:
                continue
            if not _WORD_AFTER.match(text[item.end : item.end + 2]):
                continue
            name = _emoji_name(item.value)
            if " " not in name and item.value.replace("\ufe0f", "") not in SLANG_EMOJI:
                continue  # "the 🔑 to", "A 🧵 on": read as "key", "thread", the very word
            yield Finding(
                item.start,
                item.end,
                {
                    "kind": "word",
                    "message": f"{item.value} stands in for a word after '{before.group(2)}': a screen "
                    f'reader says "{name}" here; write the word',
                },
                severity="suggestion",
            )
