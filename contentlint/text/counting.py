"""Post lengths counted the way each platform counts them.

"280 characters" means different things: X weighs code points (twitter-text config v3),
Bluesky counts graphemes and bytes, Instagram and LinkedIn count UTF-16 units, Mastodon counts
graphemes after shortening URLs and remote handles. A Bengali post that fits one platform can
be rejected by another, so every limit carries its unit and is counted here in that unit.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from contentlint.text.extract import extract_emoji, extract_urls

if TYPE_CHECKING:
    from contentlint.text.channels import ChannelProfile

UNITS = ("weighted", "code-points", "graphemes", "utf16", "utf8-bytes", "mastodon")
UNIT_LABELS = {
    "weighted": "weighted characters",
    "code-points": "characters",
    "graphemes": "graphemes",
    "utf16": "UTF-16 code units",
    "utf8-bytes": "bytes",
    "mastodon": "characters",
}

# twitter-text config v3: these code-point ranges weigh 1, every other code point 2; a URL
# weighs 23 and an emoji sequence 2, whatever their length.
X_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
X_URL_WEIGHT = 23
X_EMOJI_WEIGHT = 2
X_INVALID_CHARACTERS = frozenset("\ufffe\ufeff\uffff")
_HEAVY = regex.compile("[^" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in X_LIGHT_RANGES) + "]")
_FIRST_HEAVY = "\u1100"  # the lowest code point outside the first light range

MASTODON_URL_WEIGHT = 23
# Mastodon's Account::MENTION_RE (v4): local @user and remote @user@domain.
_MASTODON_MENTION = regex.compile(
    "(?<![=/\\p{L}\\p{M}\\p{N}\\p{Pc}])@(?P<user>[a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)"
    "(?:@[\\p{L}\\p{M}\\p{N}\\p{Pc}.-]+[\\p{L}\\p{M}\\p{N}\\p{Pc}])?",
    regex.IGNORECASE,
)
_MASTODON_END_MENTION = regex.compile(
    "[@＠\\xC0-\\xD6\\xD8-\\xF6\\xF8-\\xFF\\u0100-\\u024F\\u0253\\u0254\\u0256\\u0257\\u0259"
    "\\u025B\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF]|://"
)
_GRAPHEME = regex.compile("\\X")


def _heavy_count(text: str) -> int:
    return len(_HEAVY.findall(text)) if text and max(text) >= _FIRST_HEAVY else 0


def x_weighted_length(text: str) -> int:
    """Length on X as twitter-text v3 `parseTweet` computes `weightedLength`."""
    text = unicodedata.normalize("NFC", text)
    spans = [(u.start, u.end, X_URL_WEIGHT) for u in extract_urls(text)]
    if text and max(text) >= _FIRST_HEAVY:  # below U+1100 no emoji discount can apply
        taken = {i for s, e, _ in spans for i in range(s, e)}
        spans += [(e.start, e.end, X_EMOJI_WEIGHT) for e in extract_emoji(text) if e.start not in taken]
    total, pos = 0, 0
    for start, end, weight in sorted(spans):
        if start < pos:
            continue
        segment = text[pos:start]
        total += len(segment) + _heavy_count(segment) + weight
        pos = end
    rest = text[pos:]
    return total + len(rest) + _heavy_count(rest)


def x_invalid_characters(text: str) -> list[int]:
    """Offsets of characters twitter-text refuses (U+FFFE, U+FEFF, U+FFFF): the post is invalid."""
    return [i for i, ch in enumerate(text) if ch in X_INVALID_CHARACTERS]


def graphemes(text: str) -> int:
    """Extended grapheme clusters by current Unicode rules (`ক্ষ` is one)."""
    return len(_GRAPHEME.findall(text))


def mastodon_length(text: str) -> int:
    """Length on Mastodon (v4 `StatusLengthValidator`), content warning not included.

    Mastodon counts grapheme clusters (`each_grapheme_cluster.size`, not code points) after
    replacing every URL that has a protocol with 23 characters and every mention
    `@user@domain` with `@user`. Protocol-less `example.com` is counted as written.
    """
    entities = [(u.start, u.end, "x" * MASTODON_URL_WEIGHT) for u in extract_urls(text, without_protocol=False)]
    if "@" in text:
        for m in _MASTODON_MENTION.finditer(text):
            if not _MASTODON_END_MENTION.match(text, m.end()):
                entities.append((m.start(), m.end(), "@" + m.group("user")))
    if not entities:
        return graphemes(text)
    parts, pos = [], 0
    for start, end, replacement in sorted(entities):
        if start < pos:  # twitter-text's removeOverlappingEntities
            continue
        parts += [text[pos:start], replacement]
        pos = end
    parts.append(text[pos:])
    return graphemes("".join(parts))


def count(text: str, unit: str) -> int:
    """The length of `text` in `unit` (one of UNITS)."""
    if unit == "weighted":
        return x_weighted_length(text)
    if unit == "code-points":
        return len(text)
    if unit == "graphemes":
        return graphemes(text)
    if unit == "utf16":
        return len(text.encode("utf-16-le", "surrogatepass")) // 2  # a lone surrogate (API text) is one unit
    if unit == "utf8-bytes":
        return len(text.encode("utf-8", "surrogatepass"))
    if unit == "mastodon":
        return mastodon_length(text)
    raise ValueError(f"unknown unit {unit!r}; expected one of {', '.join(UNITS)}")


@dataclass(frozen=True)
class Measure:
    """One length limit of one field on one channel, and how the text measures against it."""

    channel: str
    field: str  # "body" | "title" | "alt"
    count: int
    limit: int
    unit: str

    @property
    def over(self) -> bool:
        return self.count > self.limit


def measure(text: str, profile: ChannelProfile, field: str = "body") -> list[Measure]:
    """Measure `text` against every limit `profile` sets for `field` (Bluesky has two)."""
    if field == "alt":
        if profile.alt_text_limit is None:
            return []
        return [Measure(profile.name, field, graphemes(text), profile.alt_text_limit, "graphemes")]
    return [
        Measure(profile.name, field, count(text, lim.unit), lim.limit, lim.unit)
        for lim in profile.limits
        if lim.field == field
    ]
