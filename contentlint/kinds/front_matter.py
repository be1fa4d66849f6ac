"""FM001-FM003: the front matter a post is routed by must be valid, or the other rules guess."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from contentlint.kinds.base import RuleContext, validate_options
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
    "sponsored": ((bool,), "true or false"),
    "images": ((list,), "a list of {src, alt}"),
    "contentlint": ((dict,), "a mapping such as {disable: [HT002]}"),
}
KNOWN_FIELDS = tuple(_FIELD_TYPES)  # the keys contentlint reads (FM005 reports others)


@dataclass(frozen=True)
class FrontMatterValid:
    """Report YAML that does not parse, front matter that is not key: value, and wrong types."""

    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> FrontMatterValid:
        validate_options("front-matter", options, {})
        return cls()

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
            elif key == "images":
                yield from _check_images(fm, value)
            elif key in ("channels", "audience", "audiences") and isinstance(value, list):
                for index, item in enumerate(value):
                    if not isinstance(item, str):
                        start, end = fm.span(key, index)
                        yield Finding(start, end, {"problem": f"`{key}` items should be names, got {_describe(item)}"})
            elif key == "contentlint":
                unknown = [k for k in value if k != "disable"]
                if unknown:
                    start, end = fm.span(key, unknown[0])
                    yield Finding(
                        start, end, {"problem": f"unknown key `contentlint.{unknown[0]}`; only `disable` is supported"}
                    )


def _check_images(fm: Any, images: list) -> Iterator[Finding]:
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
class KnownChannel:
    """Report a channel that has no profile: its length, fold and hashtag limits are unknown."""

    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> KnownChannel:
        validate_options("known-channel", options, {})
        return cls()

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
            alias = {"twitter": "x", "ig": "instagram", "fb": "facebook", "yt": "youtube", "gmb": "google-business"}
            close = difflib.get_close_matches(channel, [*ctx.profiles, *alias], n=1)
            hint = alias.get(channel) or (alias.get(close[0], close[0]) if close else None)
            yield Finding(
                start,
                end,
                {
                    "channel": channel,
                    "hint": f"; did you mean '{hint}'?" if hint else "",
                    "known": ", ".join(sorted(ctx.profiles)),
                },
            )


@dataclass(frozen=True)
class ValidDate:
    """Report a publish_at that is not ISO 8601: scheduling and the repetition window need it."""

    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> ValidDate:
        validate_options("valid-date", options, {})
        return cls()

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        value = doc.meta.get("publish_at")
        if value is None or doc.publish_at is not None:
            return
        start, end = doc.front_matter.span("publish_at")
        yield Finding(start, end, {"value": str(value)})
