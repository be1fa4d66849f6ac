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
from functools import cached_property
from typing import Any

import regex

from contentlint.config.wordlists import TermList
from contentlint.kinds import shared
from contentlint.kinds.base import Kind, RuleContext, option
from contentlint.model.violation import Finding

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
    return str(data["en"]).strip(":").replace("_", " ")


@dataclass(frozen=True)
class EmojiUse(Kind):
    """Report more emoji than a channel's cap, emoji runs, and emoji used in place of words."""

    message_keys = ("cap", "run", "word")

    caps: Mapping[str, int] = option({}, "channel -> most emoji, over the channel profile's emoji_cap", minimum=0)
    max_run: int = option(3, "most emoji in a row", minimum=1)
    word_substitutes: bool = option(True, 'report an emoji standing in for a word ("We 💙 pens")')
    function_words: TermList = option(
        "emoji-function-words.txt", "a word list of words after which an emoji followed by a word stands in for one"
    )
    call_to_action_verbs: TermList = option(
        "emoji-call-to-action-verbs.txt", 'a word list of verbs that ask for the emoji ("Drop a ❤️")'
    )
    slang: TermList = option("emoji-slang.txt", 'a word list of emoji used as another word ("🔥 deals")')

    @cached_property
    def function_word_set(self) -> frozenset[str]:
        return frozenset(word.casefold() for word in self.function_words.terms)

    @cached_property
    def call_to_action_set(self) -> frozenset[str]:
        return frozenset(word.casefold() for word in self.call_to_action_verbs.terms)

    @cached_property
    def slang_set(self) -> frozenset[str]:
        return frozenset(self.slang.terms)

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
            first_extra.start, first_extra.end, {"count": len(found), "cap": cap, "channel": channel}, message="cap"
        )

    def _runs(self, doc: Any, found: list[Any]) -> Iterator[Finding]:
        run = [found[0]]
        for item in found[1:] + [None]:
            if item is not None and _GAP.match(doc.prose[run[-1].end : item.start]):
                run.append(item)
                continue
            if len(run) > self.max_run:
                names = ", ".join(_emoji_name(e.value) for e in run)
                yield Finding(run[0].start, run[-1].end, {"count": len(run), "names": names}, message="run")
            if item is not None:
                run = [item]

    def _word_substitutes(self, doc: Any, found: list[Any]) -> Iterator[Finding]:
        text = doc.prose
        line_start = _line_starts(text)
        for item in found:
            before = words_before(text, line_start(item.start), item.start)
            if not before or before.group(2).casefold() not in self.function_word_set:
                continue
            if (before.group(1) or "").casefold() in self.call_to_action_set:
                continue
            if not _WORD_AFTER.match(text[item.end : item.end + 2]):
                continue
            name = _emoji_name(item.value)
            if " " not in name and item.value.replace("\ufe0f", "") not in self.slang_set:
                continue  # "the 🔑 to", "A 🧵 on": read as "key", "thread", the very word
            yield Finding(
                item.start,
                item.end,
                {"emoji": item.value, "word": before.group(2), "name": name},
                severity="suggestion",
                message="word",
            )
