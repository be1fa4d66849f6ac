"""HT004 hashtag-casing: a multi-word tag not in PascalCase, with a fix."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from contentlint.kinds.base import Kind, RuleContext
from contentlint.kinds.hashtags.tags import configured, tag_key, written_tags
from contentlint.model.violation import Finding, Fix
from contentlint.text.document import NON_LATIN_LANGS
from contentlint.text.hashtag_words import safe_to_fix

_LATIN_TAG = regex.compile(r"[A-Za-z0-9]+")


def pascal_case(tag: str, *, dictionary: bool = True) -> str | None:
    """The PascalCase spelling of a multi-word tag, or None when it is fine or not sure.

    All-lower-case tags (#backtoschool) are split by dictionary and only when the split is
    confident; camelCase (#backToSchool) only needs its first letter. A capitalised tag
    (#Chattogram, #Jamdani) was written as one word on purpose: both precision audits found
    every such "fix" wrong (place names, loanwords) and every useful one all-lower-case. Tags
    with capitals inside are left as the writer chose (#SkincareRoutine); acronyms (#NASA),
    underscores and non-Latin tags are left alone. `dictionary=False` (a post not in English):
    an all-lower-case tag is not split with the English vocabulary.
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
    if not dictionary:
        return None
    split = split_tag(tag)
    alpha_words = [w for w in split.words if w.isalpha()]
    if not split.segmented or not split.confident or len(alpha_words) < 2:
        return None
    fixed = "".join(w[:1].upper() + w[1:] for w in split.words)
    return fixed if fixed != tag else None


def fold(text: str) -> str:
    """Lower case, accents dropped, letters and digits only: "Nestlé" -> "nestle"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


Name = tuple[str, frozenset[int]]  # a name folded, and where its own spelling has capitals


def name_of(written: str) -> Name | None:
    """A brand name as `around_name` finds it in a tag ("InkWell" keeps its capital W)."""
    folded = fold(written)
    if len(folded) < 3:
        return None
    letters = [c for c in written if c.isalnum()]
    own = (
        frozenset(i for i, c in enumerate(letters) if c.isupper() and i > 0)
        if len(letters) == len(folded)
        else frozenset()
    )
    return folded, own


def around_name(tag: str, names: tuple[Name, ...], dictionary: bool) -> str | None:
    """The PascalCase of a tag that holds the brand's name, the name kept whole and spelt with
    its own capitals (#danonekids -> #DanoneKids, never #DanOneKids), or None when it holds no
    name, the words around it are not clear, or it is fine as written."""
    from contentlint.text.hashtag_words import split_tag

    if not _LATIN_TAG.fullmatch(tag) or any(c.isupper() for c in tag):
        return None
    folded = fold(tag)
    for name, own in names:
        start = folded.find(name)
        if start == -1 or len(folded) != len(tag):
            continue
        end = start + len(name)
        spelt = "".join(c.upper() if i == 0 or i in own else c for i, c in enumerate(tag[start:end]))
        around = []
        for part in (tag[:start], tag[end:]):
            split = split_tag(part) if part else None
            if split is not None and len(split.words) > 1 and not (dictionary and split.confident):
                return None
            around.append("".join(w[:1].upper() + w[1:] for w in split.words) if split else "")
        fixed = around[0] + spelt + around[1]
        return fixed if fixed != tag and (around[0] or around[1] or own) else None
    return None


@dataclass(frozen=True)
class HashtagCasing(Kind):
    """A multi-word tag not in PascalCase: screen readers read #backtoschool as one long word.
    The brand's name is never cut (#danone -> #DanOne was a real suggestion)."""

    @staticmethod
    def _names(ctx: RuleContext) -> tuple[Name, ...]:
        def build() -> tuple[Name, ...]:
            name = name_of(ctx.config.brand.name) if ctx.config.brand.name else None
            return (name,) if name else ()

        return ctx.cached(("hashtag-casing", "brand-names"), build)  # type: ignore[no-any-return]

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        as_written = configured(ctx, "brand", "approved")
        banned = configured(ctx, "banned")
        for tag in written_tags(doc, ctx):
            if tag_key(tag.value) in banned:
                continue  # HT003 says to remove it; recasing a banned tag is noise
            as_configured = as_written.get(tag_key(tag.value))
            sure = True  # whether --fix may write it
            if as_configured is not None:
                # only a multi-word form is worth a fix: #inkwell -> #InkWell, not #stationery -> #Stationery
                multi_word = any(c.isupper() for c in as_configured[1:])
                fixed = as_configured if multi_word and as_configured != tag.value else None
                reason = "as the config writes it"
            else:
                # English words split a Latin tag of an English post, and of a post in a script
                # other than Latin (#packingtips in a Bengali post), never of a Spanish one (#vegano)
                english = doc.lang.lower().startswith("en") or doc.lang.lower() in NON_LATIN_LANGS
                names = self._names(ctx)
                reason = "capitalise each word so readers and screen readers can tell the words apart"
                if names and any(name in fold(tag.value) for name, _ in names):
                    fixed = around_name(tag.value, names, english)  # the brand is one word
                    reason = "the brand's name as the brand writes it, each other word capitalised"
                else:
                    fixed = pascal_case(tag.value, dictionary=english)
                    # a dictionary split with a rare short piece (#queso -> #QueSo) is only suggested
                    sure = tag.value != tag.value.lower() or safe_to_fix(tag.value)
            if fixed:
                yield Finding(
                    tag.start,
                    tag.end,
                    {"tag": tag.value, "fixed": fixed, "reason": reason},
                    fix=Fix(fixed, tag.start + 1, tag.end) if sure else None,
                )
