"""FM001-FM003: the front matter a post is routed by must be valid, or the other rules guess."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from contentlint.kinds.base import Kind, RuleContext
from contentlint.model.violation import Finding

# Known fields and what they must hold; other fields are the team's own and are left alone.
_FIELD_TYPES: dict[str, tuple[tuple[type, ...], str]] = {
    "channel": ((str,), "a channel name"),
    "channels": ((list, str), "a list of channel names"),
    "audience": ((str, list), "an audience name or a list of them"),
    "audiences": ((str, list), "an audience name or a list of them"),
    "publish_at": ((str,), "an ISO 8601 date or date-time"),
    "lang": ((str,), "a language tag such as en or bn"),
    "title": ((str,), "text"),
    "campaign": ((str,), "text"),
    "in_reply_to": ((str,), "the post or account this replies to"),
    "sponsored": ((bool,), "true or false"),
    "images": ((list,), "a list of {src, alt}"),
    "contentlint": ((dict,), "a mapping such as {disable: [HT002]}"),
}
KNOWN_FIELDS = tuple(_FIELD_TYPES)  # the keys contentlint reads (FM005 reports others)


@dataclass(frozen=True)
class FrontMatterValid(Kind):
    """Report YAML that does not parse, front matter that is not key: value, and wrong types."""

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        fm = doc.front_matter
        if fm.error:
            offset = fm.error_offset or 0
            yield Finding(offset, offset, {"problem": fm.error})
            return
        for key, (types, wanted) in _FIELD_TYPES.items():
            if key not in fm.data:
                continue
            value = fm.data[key]
            if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
                start, end = fm.span(key)
                yield Finding(start, end, {"problem": f"`{key}` should be {wanted}, got {_describe(value)}"})
            elif key == "images" and isinstance(value, list):
                yield from _check_images(fm, value)
            elif key in ("channels", "audience", "audiences") and isinstance(value, list):
                for index, item in enumerate(value):
                    if not isinstance(item, str):
                        start, end = fm.span(key, index)
                        yield Finding(start, end, {"problem": f"`{key}` items should be names, got {_describe(item)}"})
            elif key == "contentlint" and isinstance(value, dict):
                unknown = [k for k in value if k != "disable"]
                if unknown:
                    start, end = fm.span(key, unknown[0])
                    yield Finding(
                        start, end, {"problem": f"unknown key `contentlint.{unknown[0]}`; only `disable` is supported"}
                    )


def _check_images(fm: Any, images: list[Any]) -> Iterator[Finding]:
    for index, image in enumerate(images):
        if isinstance(image, str):
            continue
        if not isinstance(image, dict) or not isinstance(image.get("src", ""), str):
            start, end = fm.span("images", index)
            yield Finding(start, end, {"problem": f"each image should be {{src, alt}}, got {_describe(image)}"})


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "a mapping"}.get(
        type(value), type(value).__name__
    )


@dataclass(frozen=True)
class KnownChannel(Kind):
    """Report a channel that has no profile: its length, fold and hashtag limits are unknown."""

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        fm = doc.front_matter
        key = "channels" if "channels" in fm.data else "channel"
        for index, channel in enumerate(doc.channels):
            if channel in ctx.profiles:
                continue
            if key in fm.data:
                start, end = fm.span(key, index) if isinstance(fm.data[key], list) else fm.span(key)
            else:
                start, end = doc.body_start, doc.body_start
            aliases = _aliases(ctx)
            close = difflib.get_close_matches(channel, [*ctx.profiles, *aliases], n=1)
            hint = aliases.get(channel) or (aliases.get(close[0], close[0]) if close else None)
            yield Finding(
                start,
                end,
                {
                    "channel": channel,
                    "hint": f"; did you mean '{hint}'?" if hint else "",
                    "known": ", ".join(sorted(ctx.profiles)),
                },
            )


def _aliases(ctx: RuleContext) -> dict[str, str]:
    """Other names of the channels ("twitter", "ig"), from the `aliases` of the channel profiles."""
    aliases: dict[str, str] = ctx.cached(
        ("known-channel", "aliases"),
        lambda: {alias: profile.name for profile in ctx.profiles.values() for alias in profile.aliases},
    )
    return aliases


@dataclass(frozen=True)
class ValidDate(Kind):
    """Report a publish_at that is not ISO 8601: scheduling and the repetition window need it."""

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        value = doc.meta.get("publish_at")
        if value is None or doc.publish_at is not None:
            return
        start, end = doc.front_matter.span("publish_at")
        yield Finding(start, end, {"value": str(value)})
