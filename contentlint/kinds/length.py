"""BV001 and BV002: length counted exactly the way each channel counts, and the hook before the fold."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from contentlint.kinds.base import Kind, RuleContext
from contentlint.model.violation import Finding


def _published_span(doc: Any) -> tuple[int, int]:
    """File offsets of the published text when it stands verbatim in the file, else the body."""
    published = doc.published_text
    found = doc.text.find(published, doc.body_start) if published else -1
    if found >= 0:
        return found, found + len(published)
    return doc.body_start, len(doc.text)


def _first_over(text: str, unit: str, limit: int) -> int:
    """Smallest prefix length whose count exceeds the limit (counts only grow with the prefix).

    The search first doubles a prefix from the limit's length until it is over, so a long post
    is counted over about twice the part up to the cut, not over its whole length many times."""
    from contentlint.text.counting import count

    low, high = 0, len(text)
    probe = max(limit, 1)
    while probe < high:
        if count(text[: probe + 1], unit) > limit:
            high = probe
            break
        low, probe = probe + 1, probe * 2
    while low < high:
        middle = (low + high) // 2
        if count(text[: middle + 1], unit) > limit:
            high = middle
        else:
            low = middle + 1
    return low


@dataclass(frozen=True)
class ChannelLength(Kind):
    """Report a body or title longer than a channel accepts, in that channel's own unit."""

    message_keys = ("invalid_character",)

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        from contentlint.text.counting import UNIT_LABELS, measure, x_invalid_characters

        start, end = _published_span(doc)
        for profile in ctx.profiles_for(doc):
            fields = {"body": doc.published_text}
            if doc.title is not None:
                fields["title"] = doc.title
            for field, text in fields.items():
                for result in measure(text, profile, field):
                    if not result.over:
                        continue
                    label = UNIT_LABELS.get(result.unit, result.unit)
                    where = "" if field == "body" else f" ({field})"
                    args = {
                        "count": result.count,
                        "limit": result.limit,
                        "unit": label,
                        "channel": profile.name,
                        "field": field,
                        "where": where,
                        "over": result.count - result.limit,
                    }
                    if field == "title":
                        t_start, t_end = doc.front_matter.span("title")
                        yield Finding(t_start, t_end, args)
                    else:
                        cut = _first_over(text, result.unit, result.limit)
                        yield Finding(min(start + cut, end), end, args)
            if profile.name == "x":
                for offset in x_invalid_characters(doc.published_text):
                    char = doc.published_text[offset]
                    yield Finding(
                        start + offset,
                        start + offset + 1,
                        {"code_point": f"U+{ord(char):04X}", "channel": profile.name},
                        message="invalid_character",
                    )


@dataclass(frozen=True)
class HookBeforeFold(Kind):
    """Report a first sentence that is cut off by the channel's "see more" fold."""

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        folds = [(profile.name, profile.fold) for profile in ctx.profiles_for(doc) if profile.fold]
        if not folds:
            return
        from contentlint.text.sentences import sentences

        start, end = _published_span(doc)
        published_length = end - start
        first = next(iter(sentences(doc.prose, doc.lang, start, end)), None)
        if first is None:
            return
        hook_length = first.end - start
        for channel, fold in folds:
            if published_length > fold and hook_length > fold:
                yield Finding(first.start, first.end, {"length": hook_length, "fold": fold, "channel": channel})
