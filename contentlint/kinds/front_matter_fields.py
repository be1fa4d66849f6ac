"""FM004-FM005: nothing passes unchecked. A post with no channel gets no length, hashtag or fold
check, so that is an error, not a silent pass; a front matter key contentlint does not read is
usually a typo (`chanel:`) that silently drops what it was meant to say."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from contentlint.config.errors import close_match
from contentlint.kinds.base import Kind, RuleContext
from contentlint.kinds.front_matter import KNOWN_FIELDS
from contentlint.model.violation import Finding, Fix

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _newline(text: str) -> str:
    found = _LINE_BREAK.search(text)
    return found.group() if found else "\n"


def folder_channel(path: str, channels: Mapping[str, Any]) -> str | None:
    """The channel a post's folder names (`posts/x/launch.md` -> x), nearest folder first."""
    folders = path.replace("\\", "/").split("/")[:-1]
    for folder in reversed(folders):
        if folder.lower() in channels:
            return folder.lower()
    return None


@dataclass(frozen=True)
class MissingChannel(Kind):
    """Report a post that names no channel (front matter, `--channel`, the config's
    `default_channel` or a folder override): every channel rule skips it."""

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        if doc.channels:
            return
        fm = doc.front_matter
        suggested = folder_channel(doc.path, ctx.profiles) or (
            ctx.config.default_channel if ctx.config.default_channel in ctx.profiles else None
        )
        hint = f"; this folder suggests `channel: {suggested}`" if suggested else ""
        start, end = (fm.start, fm.start + 3) if fm.end else (doc.body_start, doc.body_start)
        yield Finding(start, end, {"hint": hint}, fix=_insert_channel(doc, suggested) if suggested else None)


def _insert_channel(doc: Any, channel: str) -> Fix | None:
    """`channel: NAME` as the front matter's last line (front matter added when there is none)."""
    fm = doc.front_matter
    text = doc.text
    newline = _newline(text)
    if fm.error is not None or any(close_match(str(key), ("channel", "channels"), 0.75) for key in fm.data):
        return None  # a key that is, or is a typo of, `channel` (FM005 renames it): one fix, not two
    if not fm.end:
        return Fix(f"---{newline}channel: {channel}{newline}---{newline}", 0, 0)
    head = text[: fm.end]
    starts = [0, *(m.end() for m in _LINE_BREAK.finditer(head))]
    closing = [s for s in starts if s < fm.end][-1]
    return Fix(f"channel: {channel}{newline}", closing, closing)


@dataclass(frozen=True)
class UnknownField(Kind):
    """Report front matter keys that are neither contentlint's nor declared by the team
    (`front_matter: {fields: [...]}` in the config), with the known key a typo was meant to be."""

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        fm = doc.front_matter
        if fm.error or not fm.data:
            return
        declared = {str(name).lower() for name in ctx.config.front_matter_fields}
        for key in fm.data:
            name = str(key)
            if name in KNOWN_FIELDS or name.lower() in declared:
                continue
            position = fm.positions.get((name, "<key>"))
            start, end = (position.start, position.end) if position else fm.span(key)
            meant = close_match(name, KNOWN_FIELDS, cutoff=0.75)
            fix = None
            if meant and meant not in fm.data and doc.text[start:end] == name:
                fix = Fix(meant, start, end)
            hint = f"; did you mean `{meant}`?" if meant else ""
            yield Finding(start, end, {"field": name, "hint": hint}, fix=fix)
