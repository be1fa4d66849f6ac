"""HT004 hashtag-casing: a multi-word tag not in PascalCase, with a fix."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from contentlint.kinds.base import Kind, RuleContext
from contentlint.kinds.hashtags.tags import configured, tag_key, written_tags
from contentlint.model.violation import Finding, Fix

_LATIN_TAG = regex.compile(r"[A-Za-z0-9]+")


def pascal_case(tag: str) -> str | None:
    """The PascalCase spelling of a multi-word tag, or None when it is fine or not sure.

    All-lower-case tags (#backtoschool) are split by dictionary and only when the split is
    confident; camelCase (#backToSchool) only needs its first letter. A capitalised tag
    (#Chattogram, #Jamdani) was written as one word on purpose: both precision audits found
    every such "fix" wrong (place names, loanwords) and every useful one all-lower-case. Tags
    with capitals inside are left as the writer chose (#SkincareRoutine); acronyms (#NASA),
    underscores and non-Latin tags are left alone.
    """
    from contentlint.text.hashtag_words import split_tag

    if not _LATIN_TAG.fullmatch(tag) or not any(c.islower() for c in tag):
        return None
    if tag[0].isupper() and not any(c.isupper() for c in tag[1:]):
        return None
    if any(c.isupper() for c in tag[1:]):
        # camelCase: "backToSchool"; "iPhone" keeps its lower-case i
        if tag[0].islower() and not (len(tag) > 1 and tag[1].isupper()):
            return tag[0].upper() + tag[1:]
        return None
    split = split_tag(tag)
    alpha_words = [w for w in split.words if w.isalpha()]
    if not split.segmented or not split.confident or len(alpha_words) < 2:
        return None
    fixed = "".join(w[:1].upper() + w[1:] for w in split.words)
    return fixed if fixed != tag else None


@dataclass(frozen=True)
class HashtagCasing(Kind):
    """A multi-word tag not in PascalCase: screen readers read #backtoschool as one long word."""

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        as_written = configured(ctx, "brand", "approved")
        banned = configured(ctx, "banned")
        for tag in written_tags(doc, ctx):
            if tag_key(tag.value) in banned:
                continue  # HT003 says to remove it; recasing a banned tag is noise
            as_configured = as_written.get(tag_key(tag.value))
            if as_configured is not None:
                # only a multi-word form is worth a fix: #inkwell -> #InkWell, not #stationery -> #Stationery
                multi_word = any(c.isupper() for c in as_configured[1:])
                fixed = as_configured if multi_word and as_configured != tag.value else None
                reason = "as the config writes it"
            else:
                fixed = pascal_case(tag.value)
                reason = "capitalise each word so readers and screen readers can tell the words apart"
            if fixed:
                yield Finding(
                    tag.start,
                    tag.end,
                    {"tag": tag.value, "fixed": fixed, "reason": reason},
                    fix=Fix(fixed, tag.start + 1, tag.end),
                )
