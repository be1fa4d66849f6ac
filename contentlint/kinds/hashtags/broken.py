"""HT007 broken-hashtag: text written as a hashtag that the channel will not link, or links only in part.

Each way a tag breaks has its own wording in the rule YAML's `messages:` (the finding names it):
`partial` and `partial_invisible` (tagged only up to a character), `no_letter` (a year alone),
`glued` (word#tag), `bluesky_start`, `starts_with`, `untagged`, and `threads_one` /
`threads_many` (Threads links one topic tag a post).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from contentlint.kinds.base import Kind, RuleContext
from contentlint.kinds.hashtags.tags import channel_syntaxes, channels_label
from contentlint.model.violation import Finding
from contentlint.text.extract import Entity, looks_like_hashtags

# What a writer means as part of a tag: letters, marks, digits, joiners, and the characters that
# silently end a tag on some platform (hyphen, apostrophe, ampersand, dot, invisible characters).
_INTENDED = regex.compile(r"[\p{L}\p{M}\p{N}_\u200b-\u200d\u2060\u00ad\ufeff\-'’&.]*")
_TRAILING = regex.compile(r"(?:['’]s|[\-'’&.\u200b-\u200d\u2060\u00ad\ufeff])+$", regex.IGNORECASE)
_YEAR = regex.compile(r"(?:19|20)\d\d")
_INVISIBLE = {
    "\u200b": "U+200B ZERO WIDTH SPACE",
    "\u200c": "U+200C ZERO WIDTH NON-JOINER",
    "\u200d": "U+200D ZERO WIDTH JOINER",
    "\u2060": "U+2060 WORD JOINER",
    "\u00ad": "U+00AD SOFT HYPHEN",
    "\ufeff": "U+FEFF ZERO WIDTH NO-BREAK SPACE",
}
_GLUE = regex.compile(r"[\p{L}\p{M}\p{N}_&]")


def intended_tag(candidate: str) -> str:
    """The tag a writer meant by `#...` up to the next space: #summer-sale! -> summer-sale."""
    meant = _INTENDED.match(candidate)
    return _TRAILING.sub("", meant.group()) if meant is not None else ""  # `*` always matches


Why = tuple[str, dict[str, str]]  # a message key of the rule YAML, and its arguments


@dataclass(frozen=True)
class BrokenHashtag(Kind):
    """Text written as a hashtag that the channel will not link, or links only in part."""

    message_keys = (
        "partial",
        "partial_invisible",
        "no_letter",
        "glued",
        "bluesky_start",
        "starts_with",
        "untagged",
        "threads_one",
        "threads_many",
    )

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        candidates = looks_like_hashtags(doc.prose)
        if not candidates:
            return
        reported: set[tuple[int, str, tuple[tuple[str, str], ...]]] = set()
        for syntax, channels in channel_syntaxes(doc, ctx).items():
            label = channels_label(channels)
            if syntax == "threads":
                yield from self._threads_extras(doc, label)
                continue
            real = {tag.start: tag for tag in doc.hashtags(syntax)}
            for candidate in candidates:
                why = self._explain(doc.prose, candidate, real.get(candidate.start), syntax, label)
                if why is None:
                    continue
                key, args = why
                seen = (candidate.start, key, tuple(sorted(args.items())))
                if seen not in reported:
                    reported.add(seen)
                    end = candidate.start + 1 + len(intended_tag(candidate.value))
                    yield Finding(candidate.start, end, args, message=key)

    @staticmethod
    def _explain(text: str, candidate: Entity, tag: Entity | None, syntax: str, label: str) -> Why | None:
        meant = intended_tag(candidate.value)
        if not meant:
            return None
        args = {"meant": meant, "channels": label}
        if tag is not None:
            if len(tag.value) >= len(meant):
                return None
            cut = meant[len(tag.value)]
            if cut in _INVISIBLE:
                return "partial_invisible", {**args, "tag": tag.value, "invisible": _INVISIBLE[cut]}
            return "partial", {**args, "tag": tag.value, "cut": cut, "joined": _joined(meant)}
        if not any(c.isalpha() for c in meant):
            if not _YEAR.fullmatch(meant):
                return None  # "our #1 pen", "#10": numbers, not attempted tags
            return "no_letter", args
        before = text[candidate.start - 1] if candidate.start else " "
        if _GLUE.match(before):
            return "glued", args
        if syntax == "bluesky" and not before.isspace():
            return "bluesky_start", args
        if meant[0] in _INVISIBLE or meant[0] in "-'’&.":
            return "starts_with", {**args, "first": meant[0]}
        return "untagged", args

    @staticmethod
    def _threads_extras(doc: Any, label: str) -> Iterator[Finding]:
        tags = doc.hashtags("x")
        if len(tags) < 2:
            return
        extra = ", ".join(f"#{t.value}" for t in tags[1:])
        args = {"channels": label, "first": tags[0].value, "extra": extra}
        yield Finding(tags[1].start, tags[1].end, args, message="threads_one" if len(tags) == 2 else "threads_many")


def _joined(meant: str) -> str:
    parts = regex.split(r"[\-'’&.\u200b-\u200d\u2060\u00ad\ufeff]+", meant)
    return "".join(p[:1].upper() + p[1:] for p in parts if p)
