"""HT002 off-topic-hashtag: a tag that is neither the brand's nor about anything the post says.

A tag's words (split from PascalCase, digits, underscores or by dictionary) are compared on word
forms with the post's words and the brand's name and pillars; words that say nothing about a
post (the `stop_words` list) are no evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from contentlint.config.wordlists import TermList
from contentlint.kinds.base import Kind, RuleContext, option
from contentlint.kinds.hashtags.tags import configured, tag_key, written_tags
from contentlint.model.violation import Finding


def _word_forms(word: str) -> set[str]:
    """Forms a word may appear in: itself, its English lemma, a Bengali stem without its ending."""
    from contentlint.text.wordforms import BENGALI_SUFFIXES, english_lemma, is_bengali

    lower = word.casefold()
    forms = {lower}
    if is_bengali(lower):
        forms.update(lower[: -len(s)] for s in BENGALI_SUFFIXES if lower.endswith(s) and len(lower) - len(s) >= 2)
    elif lower.isascii():
        forms.add(english_lemma(lower))
        if lower.endswith("s") and len(lower) > 3:
            forms.add(lower[:-1])  # "pens" when the lemma table lacks the word ("gelpens")
    return forms


@dataclass(frozen=True)
class _Evidence:
    """The words of a post (and of the brand's pillars) a tag may be matched against."""

    forms: frozenset[str]
    joined: frozenset[str]  # two to four adjacent words written together: "ঈদ সেল" -> "ঈদসেল"

    @classmethod
    def of(cls, texts: Iterable[str], extra_words: Iterable[str]) -> _Evidence:
        from contentlint.text.wordforms import tokenize

        forms: set[str] = set()
        joined: set[str] = set()
        for text in texts:
            words = [token.text.casefold() for token in tokenize(text)]
            for index, word in enumerate(words):
                forms.update(_word_forms(word))
                for size in (2, 3, 4):
                    if index + size <= len(words):
                        joined.add("".join(words[index : index + size]))
        for word in extra_words:
            forms.update(_word_forms(word))
        return cls(frozenset(forms), frozenset(joined))

    def supports(self, key: str, words: Iterable[str]) -> bool:
        if key in self.joined or _word_forms(key) & self.forms:
            return True
        if any(_word_forms(word) & self.forms for word in words):
            return True
        # compounds: #Handmade after "by hand", #দুর্গাপূজা after "পূজার"
        return any(len(form) >= 4 and (key.startswith(form) or key.endswith(form)) for form in self.forms)


def content_words(tag: str, stop_words: frozenset[str]) -> list[str]:
    """Words of a tag that could show what it is about (no stop-words, digits or single letters)."""
    from contentlint.text.hashtag_words import split_tag

    words = [w.casefold() for w in split_tag(tag).words]
    return [w for w in words if w not in stop_words and not w.isdigit() and len(w) > 1]


@dataclass(frozen=True)
class OffTopicHashtag(Kind):
    """A tag that is neither the brand's nor about anything the post says."""

    stop_words: TermList = option(
        "hashtag-stop-words.txt", "a word list of words that say nothing about what a post is about"
    )

    @cached_property
    def stop_word_set(self) -> frozenset[str]:
        return frozenset(word.casefold() for word in self.stop_words.terms)

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        known = configured(ctx, "brand", "approved", "banned")
        tags = [t for t in written_tags(doc, ctx) if tag_key(t.value) not in known]
        if not tags:
            return
        evidence = _Evidence.of([doc.plain[doc.body_start :], doc.title or ""], _brand_words(ctx))
        for tag in tags:
            words = content_words(tag.value, self.stop_word_set)
            if not words or evidence.supports(tag_key(tag.value), words):
                continue
            yield Finding(tag.start, tag.end, {"tag": tag.value, "words": ", ".join(dict.fromkeys(words))})


def _brand_words(ctx: RuleContext) -> list[str]:
    from contentlint.text.wordforms import tokenize

    brand = ctx.config.brand
    texts = [brand.name or ""] + [f"{name} {' '.join(words)}" for name, words in brand.pillars.items()]
    return [token.text for text in texts for token in tokenize(text)]
