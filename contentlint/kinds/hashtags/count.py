"""HT001 too-many-hashtags: more tags than a channel takes, counted the way the channel tags them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from contentlint.kinds.base import Kind, RuleContext, option
from contentlint.model.violation import Finding


@dataclass(frozen=True)
class TooManyHashtags(Kind):
    """More tags than a channel takes: an error above a hard platform cap, else a warning."""

    caps: Mapping[str, int] = option(
        {}, "channel -> recommended most tags, over the channel profile's hashtag_cap", minimum=0, lower=True
    )

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        found: dict[tuple[int, str], list[tuple[str, str]]] = {}
        for profile in ctx.profiles_for(doc):
            tags = doc.hashtags(profile.hashtag_syntax)
            hard = profile.hashtag_cap if profile.hashtag_cap_hard else None
            advised = self.caps.get(profile.name, None if hard is not None else profile.hashtag_cap)
            if hard is not None and len(tags) > hard:
                reason = f"{profile.name} allows at most {hard}"
                found.setdefault((hard, "error"), []).append((profile.name, reason))
            elif advised is not None and len(tags) > advised:
                reason = f"{profile.name} recommends at most {advised}"
                found.setdefault((advised, "warning"), []).append((profile.name, reason))
        for (cap, severity), channels in sorted(found.items()):
            tags = doc.hashtags(ctx.profiles[channels[0][0]].hashtag_syntax)
            first_over = tags[cap]
            yield Finding(
                first_over.start,
                first_over.end,
                {
                    "count": len(tags),
                    "cap": cap,
                    "channel": ", ".join(name for name, _ in channels),
                    "reason": "; ".join(reason for _, reason in channels),
                    "tag": first_over.value,
                },
                severity="error" if severity == "error" else None,
            )
