"""What the hashtag rules share: which tags a post has on its channels, and the configured ones."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from contentlint.kinds.base import RuleContext
from contentlint.text.extract import Entity


def tag_key(tag: str) -> str:
    """What makes two tags the same tag: no '#', NFC, case-folded."""
    return unicodedata.normalize("NFC", tag.lstrip("#＃")).casefold()


def channel_syntaxes(doc: Any, ctx: RuleContext) -> dict[str, list[str]]:
    """Hashtag syntax -> the post's channels using it; "x" (twitter-text) when no channel is known."""
    groups: dict[str, list[str]] = {}
    for profile in ctx.profiles_for(doc):
        groups.setdefault(profile.hashtag_syntax, []).append(profile.name)
    return groups or {"x": []}


def written_tags(doc: Any, ctx: RuleContext) -> list[Entity]:
    """Every tag a reader sees as one on any of the post's channels, once each, in text order.

    Threads links only its first tag, but readers still see the others as tags, so content rules
    (banned, duplicate, casing, off-topic) read Threads posts with X's syntax.
    """
    by_start: dict[int, Entity] = {}
    syntaxes = sorted({"x" if s == "threads" else s for s in channel_syntaxes(doc, ctx)}, key=lambda s: s != "x")
    for syntax in syntaxes:
        for entity in doc.hashtags(syntax):
            by_start.setdefault(entity.start, entity)
    return [by_start[start] for start in sorted(by_start)]


def configured(ctx: RuleContext, *lists: str) -> dict[str, str]:
    """Configured tags (key -> tag as written in the config, without '#') from hashtags.<lists>."""
    found: dict[str, str] = {}
    for name in lists:
        for tag in getattr(ctx.config.hashtags, name):
            found.setdefault(tag_key(tag), tag.lstrip("#＃"))
    return found


def channels_label(names: Iterable[str]) -> str:
    listed = list(names)
    return ", ".join(listed) if listed else "most platforms"
