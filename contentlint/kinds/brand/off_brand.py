"""BR005 off-brand: a post that touches none of the brand pillars (off by default)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from contentlint.kinds.base import Kind, RuleContext, option
from contentlint.kinds.brand.matching import LETTER, find_terms, first_line_span
from contentlint.model.violation import Finding


def _squashed(text: str) -> str:
    return regex.sub(rf"[^{LETTER}]", "", text).lower()


@dataclass(frozen=True)
class OffBrand(Kind):
    """Report a post that touches none of the brand pillars (a pillar word, its name, a brand hashtag)."""

    min_words: int = option(0, "posts with fewer words are left alone", minimum=0)

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        pillars = ctx.config.brand.pillars
        if not pillars:
            return
        words = tuple(dict.fromkeys([*pillars, *(w for ws in pillars.values() for w in ws)]))
        from contentlint.text.wordforms import cached_tokens

        if len(cached_tokens(doc.plain)) < self.min_words:
            return
        if find_terms(doc, ctx, "off-brand", words):
            return
        brand_tags = {tag.lstrip("#＃").lower() for tag in ctx.config.hashtags.brand}
        squashed_words = ctx.cached(
            ("off-brand", "squashed", words), lambda: [s for s in (_squashed(w) for w in words) if len(s) >= 4]
        )
        for tag in doc.hashtags("x"):
            value = tag.value.lower()
            if value in brand_tags or any(word in value for word in squashed_words):
                return
        start, end = first_line_span(doc)
        yield Finding(start, end, {"pillars": ", ".join(pillars)})
