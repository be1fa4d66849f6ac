"""HT001-HT008: hashtags counted, judged and placed the way each channel tags them.

Every rule works from the tags a platform would actually link (extract.py, per the channel's
`hashtag_syntax`), so a `#` the platform ignores is never counted as a tag, and HT007 explains
exactly those. Tags are compared case-insensitively after NFC normalisation.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import regex

from contentlint.config.files import UnreadableFile, read_text
from contentlint.kinds.base import OptionError, RuleContext, string_list, validate_options
from contentlint.model.violation import Finding, Fix
from contentlint.text.extract import Entity, looks_like_hashtags

# ---------------------------------------------------------------- shared helpers


def tag_key(tag: str) -> str:
    """What makes two tags the same tag: no '#', NFC, case-folded."""
    return unicodedata.normalize("NFC", tag.lstrip("#＃")).casefold()


def _channel_syntaxes(doc: Any, ctx: RuleContext) -> dict[str, list[str]]:
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
    syntaxes = sorted({"x" if s == "threads" else s for s in _channel_syntaxes(doc, ctx)}, key=lambda s: s != "x")
    for syntax in syntaxes:
        for entity in doc.hashtags(syntax):
            by_start.setdefault(entity.start, entity)
    return [by_start[start] for start in sorted(by_start)]


def _configured(ctx: RuleContext, *lists: str) -> dict[str, str]:
    """Configured tags (key -> tag as written in the config, without '#') from hashtags.<lists>."""
    found: dict[str, str] = {}
    for name in lists:
        for tag in getattr(ctx.config.hashtags, name):
            found.setdefault(tag_key(tag), tag.lstrip("#＃"))
    return found


def _channels_label(names: Iterable[str]) -> str:
    listed = list(names)
    return ", ".join(listed) if listed else "most platforms"


# ---------------------------------------------------------------- HT001


@dataclass(frozen=True)
class TooManyHashtags:
    """More tags than a channel takes: an error above a hard platform cap, else a warning."""

    needs_nlp: ClassVar[bool] = False
    caps: Mapping[str, int]  # channel -> recommended most tags, from the rule's options

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> TooManyHashtags:
        values = validate_options("too-many-hashtags", options, {"caps": dict})
        caps = values.get("caps") or {}
        for channel, cap in caps.items():
            if isinstance(cap, bool) or not isinstance(cap, int) or cap < 0:
                raise OptionError(f"option 'caps' expects channel: whole number, got {channel}: {cap!r}")
        return cls({str(k).lower(): v for k, v in caps.items()})

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


# ---------------------------------------------------------------- HT002

# Words that say nothing about what a post is about, so they never count as evidence.
STOP_WORDS = frozenset(
    """a about after all also am an and any are as at be been but by can day days do for from get go
    got has have he her his how i if in into is it its just let lets me more my new no not now of on
    one or our out over she so than that the their them then there they this to too up us via was we
    what when where which who why will with you your yours""".split()
)


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


def content_words(tag: str) -> list[str]:
    """Words of a tag that could show what it is about (no stop-words, digits or single letters)."""
    from contentlint.text.hashtag_words import split_tag

    words = [w.casefold() for w in split_tag(tag).words]
    return [w for w in words if w not in STOP_WORDS and not w.isdigit() and len(w) > 1]


@dataclass(frozen=True)
class OffTopicHashtag:
    """A tag that is neither the brand's nor about anything the post says."""

    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> OffTopicHashtag:
        validate_options("off-topic-hashtag", options, {})
        return cls()

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        known = _configured(ctx, "brand", "approved", "banned")
        tags = [t for t in written_tags(doc, ctx) if tag_key(t.value) not in known]
        if not tags:
            return
        evidence = _Evidence.of([doc.plain[doc.body_start :], doc.title or ""], _brand_words(ctx))
        for tag in tags:
            words = content_words(tag.value)
            if not words or evidence.supports(tag_key(tag.value), words):
                continue
            yield Finding(tag.start, tag.end, {"tag": tag.value, "words": ", ".join(dict.fromkeys(words))})


def _brand_words(ctx: RuleContext) -> list[str]:
    from contentlint.text.wordforms import tokenize

    brand = ctx.config.brand
    texts = [brand.name or ""] + [f"{name} {' '.join(words)}" for name, words in brand.pillars.items()]
    return [token.text for text in texts for token in tokenize(text)]


# ---------------------------------------------------------------- HT003


@dataclass(frozen=True)
class BannedHashtag:
    """A tag the team has banned (hashtags.banned and hashtags.banned_file)."""

    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> BannedHashtag:
        validate_options("banned-hashtag", options, {})
        return cls()

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        banned = _configured(ctx, "banned")
        file_name = ctx.config.hashtags.banned_file
        if file_name:
            from_file = _banned_file(ctx)
            if from_file is None:
                yield Finding(
                    doc.body_start,
                    doc.body_start,
                    {
                        "message": f"cannot read hashtags.banned_file {file_name!r} (relative to "
                        f"{ctx.config.root}); banned tags were not checked"
                    },
                    severity="error",
                )
                return
            banned.update((k, v) for k, v in from_file.items() if k not in banned)
        if not banned:
            return
        for tag in written_tags(doc, ctx):
            if tag_key(tag.value) in banned:
                yield Finding(tag.start, tag.end, {"tag": tag.value})


def _banned_file(ctx: RuleContext) -> dict[str, str] | None:
    """Tags of the banned file, one a line; `# comment` lines (a '#' then a space) are skipped."""
    path = Path(ctx.config.hashtags.banned_file or "")
    path = path if path.is_absolute() else ctx.config.root / path
    cache_key = ("banned-hashtag-file", str(path))
    if cache_key not in ctx.memo:
        try:
            lines = read_text(path, "utf-8-sig").splitlines()  # bounded, never a pipe or device
        except UnreadableFile:
            ctx.memo[cache_key] = None
        else:
            tags = [line.strip() for line in lines]
            tags = [t for t in tags if t and not regex.match(r"[#＃](?:\s|$)", t)]
            ctx.memo[cache_key] = {tag_key(t): t.lstrip("#＃") for t in tags}
    return ctx.memo[cache_key]


# ---------------------------------------------------------------- HT004

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
class HashtagCasing:
    """A multi-word tag not in PascalCase: screen readers read #backtoschool as one long word."""

    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> HashtagCasing:
        validate_options("hashtag-casing", options, {})
        return cls()

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        configured = _configured(ctx, "brand", "approved")
        banned = _configured(ctx, "banned")
        for tag in written_tags(doc, ctx):
            if tag_key(tag.value) in banned:
                continue  # HT003 says to remove it; recasing a banned tag is noise
            as_configured = configured.get(tag_key(tag.value))
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


# ---------------------------------------------------------------- HT005


@dataclass(frozen=True)
class DuplicateHashtag:
    """The same tag twice (case-insensitively): the second adds nothing but clutter."""

    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> DuplicateHashtag:
        validate_options("duplicate-hashtag", options, {})
        return cls()

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        first: dict[str, Entity] = {}
        for tag in written_tags(doc, ctx):
            key = tag_key(tag.value)
            if key in first:
                yield Finding(tag.start, tag.end, {"tag": tag.value, "first": first[key].value})
            else:
                first[key] = tag


# ---------------------------------------------------------------- HT006


@dataclass(frozen=True)
class MissingBrandHashtag:
    """A channel in hashtags.require_brand_on whose post carries none of the brand's tags."""

    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> MissingBrandHashtag:
        validate_options("missing-brand-hashtag", options, {})
        return cls()

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        brand = _configured(ctx, "brand")
        required = set(ctx.config.hashtags.require_brand_on)
        if not brand or not required:
            return
        missing = []
        for channel in doc.channels:
            if channel not in required:
                continue
            profile = ctx.profiles.get(channel)
            tags = doc.hashtags(profile.hashtag_syntax if profile else "x")
            if not any(tag_key(t.value) in brand for t in tags):
                missing.append(channel)
        if not missing:
            return
        start, end = _channel_span(doc, missing[0])
        yield Finding(
            start,
            end,
            {
                "channel": ", ".join(missing),
                "brand": " or ".join(f"#{tag}" for tag in brand.values()),
            },
        )


def _channel_span(doc: Any, channel: str) -> tuple[int, int]:
    """Where the post names the channel in its front matter; the body start when it does not."""
    meta = doc.meta
    if isinstance(meta.get("channel"), str):
        return doc.front_matter.span("channel")
    if isinstance(meta.get("channels"), list):
        for index, name in enumerate(meta["channels"]):
            if str(name).strip().lower() == channel:
                return doc.front_matter.span("channels", index)
        return doc.front_matter.span("channels")
    return doc.body_start, doc.body_start


# ---------------------------------------------------------------- HT007

# What a writer means as part of a tag: letters, marks, digits, joiners, and the characters that
# silently end a tag on some platform (hyphen, apostrophe, ampersand, dot, invisible characters).
_INTENDED = regex.compile(r"[\p{L}\p{M}\p{N}_\u200b-\u200d\u2060\u00ad\ufeff\-'’&.]*")
_TRAILING = regex.compile(r"(?:['’]s|[\-'’&.\u200b-\u200d\u2060\u00ad\ufeff])+$", regex.IGNORECASE)
_YEAR = regex.compile(r"(?:19|20)\d\d")
_INVISIBLE = {
    "\u200b": "U+200B ZERO WIDTH SPACE",
    "\u200c": "U+200C ZERO WIDTH NON-JOINER",
    "\u200d": "U+200D ZERO WIDTH JOINER",
    "\u2060": "U+2060 WORD JOINER",
    "\u00ad": "U+00AD SOFT HYPHEN",
    "\ufeff": "U+FEFF ZERO WIDTH NO-BREAK SPACE",
}
_GLUE = regex.compile(r"[\p{L}\p{M}\p{N}_&]")


def intended_tag(candidate: str) -> str:
    """The tag a writer meant by `#...` up to the next space: #summer-sale! -> summer-sale."""
    meant = _INTENDED.match(candidate).group()
    return _TRAILING.sub("", meant)


@dataclass(frozen=True)
class BrokenHashtag:
    """Text written as a hashtag that the channel will not link, or links only in part."""

    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> BrokenHashtag:
        validate_options("broken-hashtag", options, {})
        return cls()

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        candidates = looks_like_hashtags(doc.prose)
        if not candidates:
            return
        reported: set[tuple[int, str]] = set()
        for syntax, channels in _channel_syntaxes(doc, ctx).items():
            label = _channels_label(channels)
            if syntax == "threads":
                yield from self._threads_extras(doc, label)
                continue
            real = {tag.start: tag for tag in doc.hashtags(syntax)}
            for candidate in candidates:
                message = self._explain(doc.prose, candidate, real.get(candidate.start), syntax, label)
                if message and (candidate.start, message) not in reported:
                    reported.add((candidate.start, message))
                    yield Finding(
                        candidate.start, candidate.start + 1 + len(intended_tag(candidate.value)), {"message": message}
                    )

    @staticmethod
    def _explain(text: str, candidate: Entity, tag: Entity | None, syntax: str, label: str) -> str | None:
        meant = intended_tag(candidate.value)
        if not meant:
            return None
        if tag is not None:
            if len(tag.value) >= len(meant):
                return None
            cut = meant[len(tag.value)]
            if cut in _INVISIBLE:
                return f"#{meant} is tagged only as #{tag.value} on {label}: the invisible {_INVISIBLE[cut]} ends it"
            return (
                f"#{meant} is tagged only as #{tag.value} on {label} ('{cut}' ends a hashtag); "
                f"join the words, e.g. #{_joined(meant)}"
            )
        if not any(c.isalpha() for c in meant):
            if not _YEAR.fullmatch(meant):
                return None  # "our #1 pen", "#10": numbers, not attempted tags
            return f"#{meant} is not a hashtag on {label}: a tag needs at least one letter"
        before = text[candidate.start - 1] if candidate.start else " "
        if _GLUE.match(before):
            return f"#{meant} is glued to the word before it and is not tagged on {label}; put a space before '#'"
        if syntax == "bluesky" and not before.isspace():
            return f"#{meant} is not tagged on {label}: Bluesky tags a '#' only at the start or after a space"
        if meant[0] in _INVISIBLE or meant[0] in "-'’&.":
            return f"#{meant} is not tagged on {label}: it starts with '{meant[0]}'"
        return f"#{meant} is not tagged on {label}"

    @staticmethod
    def _threads_extras(doc: Any, label: str) -> Iterator[Finding]:
        tags = doc.hashtags("x")
        if len(tags) < 2:
            return
        extra = ", ".join(f"#{t.value}" for t in tags[1:])
        verb = "stays" if len(tags) == 2 else "stay"
        yield Finding(
            tags[1].start,
            tags[1].end,
            {"message": f"{label} links only one topic tag a post (#{tags[0].value}); {extra} {verb} plain text"},
        )


def _joined(meant: str) -> str:
    parts = regex.split(r"[\-'’&.\u200b-\u200d\u2060\u00ad\ufeff]+", meant)
    return "".join(p[:1].upper() + p[1:] for p in parts if p)


# ---------------------------------------------------------------- HT008

_SENTENCE_END = "!?.…।॥:;"


@dataclass(frozen=True)
class HashtagMidSentence:
    """A tag inside a sentence on a channel where tags belong at the end: "Our #BackToSchool sale"."""

    needs_nlp: ClassVar[bool] = False
    channels: tuple[str, ...]

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> HashtagMidSentence:
        values = validate_options("hashtag-mid-sentence", options, {"channels": list})
        return cls(tuple(c.lower() for c in string_list(values.get("channels"), "channels")))

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        channels = [name for name in doc.channels if name in self.channels]
        if not channels:
            return
        text = doc.prose
        for tag in written_tags(doc, ctx):
            line_start = text.rfind("\n", 0, tag.start) + 1
            line_end = text.find("\n", tag.end)
            before = text[line_start : tag.start]
            after = text[tag.end : len(text) if line_end < 0 else line_end]
            if _words_follow(after) and _words_precede(before):
                yield Finding(tag.start, tag.end, {"tag": tag.value, "channel": ", ".join(channels)})


def _words_precede(before: str) -> bool:
    """A word of the same sentence stands before the tag (not only other tags or emoji)."""
    stripped = regex.sub(r"[#＃][\p{L}\p{M}\p{N}_]+", " ", before).rstrip()
    return bool(stripped) and stripped[-1] not in _SENTENCE_END and bool(regex.search(r"\p{L}", stripped))


def _words_follow(after: str) -> bool:
    """The sentence goes on after the tag with a word (a comma is fine, another tag is not)."""
    match = regex.match(r"[ \t,]*(\S)", after)
    return bool(match) and bool(regex.match(r"[\p{L}\p{N}]", match.group(1)))
