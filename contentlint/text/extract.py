"""Hashtags, mentions, URLs, cashtags and emoji, found the way each platform finds them.

X (and the platforms that copy it) follow twitter-text: a `#` inside a URL is no hashtag and a
URL counts 23 towards the limit, so URL and hashtag extraction must agree with it exactly or
lengths and hashtag rules drift. Bluesky and Mastodon have their own, simpler rules.

All offsets are code-point offsets into the text passed in (a prose mask of the file keeps
offsets valid for the file). `regex` is used instead of `re` because `re`'s `\\w` does not match
the vowel signs of Bengali and other Indic scripts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import regex

from contentlint.text.urls import LATIN_ACCENTS as _LATIN_ACCENTS
from contentlint.text.urls import PUNCT as _PUNCT
from contentlint.text.urls import SPACES as _SPACES
from contentlint.text.urls import Entity, ascii_domains, load_tlds, tco_pattern, url_matches

__all__ = ["HASHTAG_PLATFORMS", "Entity", "load_tlds"]

HASHTAG_PLATFORMS = ("x", "bluesky", "mastodon", "threads")
_HASHTAG_SPECIAL = (
    "_\\u200c\\u200d\\ua67e\\u05be\\u05f3\\u05f4\\uff5e\\u301c\\u309b\\u309c\\u30a0\\u30fb\\u3003\\u0f0b\\u0f0c\\u00b7"
)
_MAX_URL_LENGTH = 4096
_MAX_TCO_SLUG = 40
_MAX_LABEL = 63

_DOT_BEFORE_TLD = regex.compile("\\.[^\\W\\d_]")


def _valid_host(domain: str) -> bool:
    """twitter-text's idna.toAscii check: every label 1..63 characters once punycoded."""
    if domain[:4].lower() == "xn--" and not ascii_domains(domain):
        return False
    for label in domain.split("."):
        try:
            encoded = label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii")
        except UnicodeError:
            return False
        if not 1 <= len(encoded) <= _MAX_LABEL:
            return False
    return True


def dot_windows(
    text: str, dots: regex.Pattern[str], last_space: regex.Pattern[str], run: regex.Pattern[str]
) -> list[tuple[int, int]]:
    """One window per whitespace-free run of `text` that holds a match of `dots`: from the
    space before the run (or the text's start) to the run's end. URL and domain patterns never
    cross a space, so trying them only here finds what a scan of the whole text finds, without
    visiting every word. `last_space` searches backwards (regex.REVERSE); `run` matches the run
    from a dot on."""
    windows: list[tuple[int, int]] = []
    for dot in dots.finditer(text):
        if windows and dot.start() < windows[-1][1]:
            continue  # another dot of a run already taken
        space = last_space.search(text, 0, dot.start())
        windows.append((space.start() if space else 0, run.match(text, dot.start()).end()))  # type: ignore[union-attr]
    return windows


def extract_urls(text: str, *, without_protocol: bool = True) -> list[Entity]:
    """URLs as twitter-text extracts them; `without_protocol=False` is Mastodon's counting mode."""
    return list(_cached_urls(text, without_protocol))


@lru_cache(maxsize=16)
def _cached_urls(text: str, without_protocol: bool) -> tuple[Entity, ...]:
    """Several rules and the hashtag extractors ask for the URLs of the same prose."""
    return tuple(_extract_urls(text, without_protocol))


def _extract_urls(text: str, without_protocol: bool) -> list[Entity]:
    if (not without_protocol and ":" not in text) or not _DOT_BEFORE_TLD.search(text):
        return []  # every URL has a dot followed by its TLD's first letter
    tco_re = tco_pattern()
    found: list[Entity] = []
    for m in url_matches(text):
        url, domain = text[m.start : m.end], text[m.domain_start : m.domain_end]
        start, end, proto = m.start, m.end, m.proto
        if not _valid_host(domain) or len(proto or "https://") + len(url) > _MAX_URL_LENGTH:
            continue
        if not proto:
            if not without_protocol or m.before[-1:] in ("-", "_", ".", "/"):
                continue
            last: list[int] | None = None
            for a_start, a_end in ascii_domains(domain):
                last = [m.domain_start + a_start, m.domain_start + a_end]
                found.append(Entity("url", last[0], last[1], domain[a_start:a_end]))
            if last is None:
                continue
            if m.has_path:
                found[-1] = Entity("url", last[0], end, text[last[0] : end])
            continue
        t = tco_re.match(url)
        if t:
            if len(t.group(1)) > _MAX_TCO_SLUG:
                continue
            end = start + len(t.group())
            url = t.group()
        found.append(Entity("url", start, end, url))
    return found


# --- mentions ------------------------------------------------------------------------------
_MENTION = regex.compile(
    "(?:^|[^a-zA-Z0-9_!#$%&*@＠]|(?:^|[^a-zA-Z0-9_+~.-])(?:rt|RT|rT|Rt):?)"
    "(?P<at>[@＠])(?P<name>[a-zA-Z0-9_]{1,20})(?P<list>/[a-zA-Z][a-zA-Z0-9_-]{0,24})?"
)
_END_MENTION = regex.compile(f"[@＠{_LATIN_ACCENTS}]|://")
# Mastodon's Account::MENTION_RE, restricted to the remote form @user@domain.
_FEDI_MENTION = regex.compile(
    "(?<![=/\\p{L}\\p{M}\\p{N}\\p{Pc}])@(?P<handle>[a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?"
    "@[\\p{L}\\p{M}\\p{N}\\p{Pc}.-]+[\\p{L}\\p{M}\\p{N}\\p{Pc}])",
    regex.IGNORECASE,
)


def _twitter_mentions(text: str) -> list[Entity]:
    out = []
    for m in _MENTION.finditer(text):
        if m.group("list") or _END_MENTION.match(text, m.end()):
            continue
        out.append(Entity("mention", m.start("at"), m.end("name"), m.group("name")))
    return out


def _fedi_mentions(text: str) -> list[Entity]:
    return [
        Entity("mention", m.start(), m.end(), m.group("handle"))
        for m in _FEDI_MENTION.finditer(text)
        if "." in m.group("handle").split("@", 1)[1]
    ]


def extract_mentions(text: str) -> list[Entity]:
    """twitter-text @mentions, plus fediverse `@user@domain` handles as one mention each.

    A handle like `@test@example.com` is no mention on X (twitter-text drops it as too close
    to an e-mail address) but is one on Mastodon; brand and length rules need its span.
    """
    if "@" not in text and "＠" not in text:
        return []
    fedi = _fedi_mentions(text)
    plain = [e for e in _twitter_mentions(text) if not any(f.start <= e.start < f.end for f in fedi)]
    return sorted(fedi + plain, key=lambda e: e.start)


# --- cashtags ------------------------------------------------------------------------------
_CASHTAG = regex.compile(
    f"(?:^|[{_SPACES}])\\$(?P<tag>[a-z]{{1,6}}(?:[._][a-z]{{1,2}})?)(?=\\Z|\\s|[{_PUNCT}])",
    regex.IGNORECASE,
)


def extract_cashtags(text: str) -> list[Entity]:
    """$TICKER symbols as twitter-text extracts them."""
    if "$" not in text:
        return []
    return [Entity("cashtag", m.start("tag") - 1, m.end("tag"), m.group("tag")) for m in _CASHTAG.finditer(text)]


# --- hashtags ------------------------------------------------------------------------------
_X_ALNUM = f"[\\p{{L}}\\p{{M}}\\p{{Nd}}{_HASHTAG_SPECIAL}]"
_X_HASHTAG = regex.compile(
    f"(?:^|\\uFE0E|\\uFE0F|(?!{_X_ALNUM}|&)(?s:.))"
    f"(?P<hash>[#＃])(?!\\uFE0F|\\u20E3)(?P<tag>{_X_ALNUM}*[\\p{{L}}\\p{{M}}]{_X_ALNUM}*)"
)
_X_END_HASHTAG = regex.compile("[#＃]|://")
_BSKY_STOP = "\\s\\u00AD\\u2060\\u200A\\u200B\\u200C\\u200D\\u20E2"
_BSKY_HASHTAG = regex.compile(
    f"(?:^|\\s)(?P<hash>[#＃])(?P<tag>(?!\\uFE0F)[^{_BSKY_STOP}]*[^0-9\\p{{P}}{_BSKY_STOP}]+[^{_BSKY_STOP}]*)"
)
_BSKY_TRAILING_PUNCT = regex.compile("\\p{P}+$")
_BSKY_MAX_TAG_UTF16 = 64
_MASTO_SEP = "_\\u00B7\\u30FB\\u200c"
# Mastodon's Tag::HASHTAG_RE. In Ruby `\w` is ASCII-only and `[[:word:]]` is Unicode
# letters, marks, numbers and connectors: neither includes ZWJ/ZWNJ, unlike `regex`'s `\w`.
_MASTO_WORD = "\\p{L}\\p{M}\\p{N}\\p{Pc}"
_MASTO_HASHTAG = regex.compile(
    "(?<![/)A-Za-z0-9_])#(?P<tag>"
    f"[{_MASTO_WORD}][{_MASTO_WORD}{_MASTO_SEP}]*[\\p{{Alphabetic}}{_MASTO_SEP}][{_MASTO_WORD}{_MASTO_SEP}]*[{_MASTO_WORD}]"
    f"|[{_MASTO_WORD}]*\\p{{Alphabetic}}[{_MASTO_WORD}]*)",
)


_HASH_SIGN = re.compile("[#＃]")


def _x_hashtag_matches(text: str) -> Iterator[regex.Match[str]]:
    """What `_X_HASHTAG.finditer(text)` yields, tried only next to each `#`: every match takes
    the one character before its `#` (or starts the text), so it can only start there, and a
    scan from every position of a long post costs several times more."""
    scanned_to = 0
    for sign in _HASH_SIGN.finditer(text):
        start = max(sign.start() - 1, 0)
        if start < scanned_to:
            continue
        m = _X_HASHTAG.match(text, start)
        if m:
            scanned_to = m.end()
            yield m


def _x_hashtags(text: str) -> list[Entity]:
    tags = []
    for m in _x_hashtag_matches(text):
        if _X_END_HASHTAG.match(text, m.end()):
            continue
        tags.append(Entity("hashtag", m.start("hash"), m.end("tag"), m.group("tag")))
    if not tags:
        return tags
    urls = extract_urls(text)
    if not urls:
        return tags
    # twitter-text's removeOverlappingEntities: by start, drop whatever overlaps the one kept.
    kept: list[Entity] = []
    for e in sorted(tags + urls, key=lambda e: e.start):
        if kept and kept[-1].end > e.start:
            continue
        kept.append(e)
    return [e for e in kept if e.kind == "hashtag"]


def _bluesky_hashtags(text: str) -> list[Entity]:
    tags = []
    for m in _BSKY_HASHTAG.finditer(text):
        tag = _BSKY_TRAILING_PUNCT.sub("", m.group("tag").strip())
        if not tag or len(tag.encode("utf-16-le", "surrogatepass")) // 2 > _BSKY_MAX_TAG_UTF16:
            continue
        start = m.start("hash")
        tags.append(Entity("hashtag", start, start + 1 + len(tag), tag))
    return tags


def _mastodon_hashtags(text: str) -> list[Entity]:
    return [Entity("hashtag", m.start(), m.end("tag"), m.group("tag")) for m in _MASTO_HASHTAG.finditer(text)]


def extract_hashtags(text: str, platform: str = "x") -> list[Entity]:
    """Hashtags exactly as `platform` links them ("x", "bluesky", "mastodon" or "threads").

    Threads links only one topic tag per post: the first valid one.
    """
    if "#" not in text and "＃" not in text:
        return []
    if platform == "x":
        return _x_hashtags(text)
    if platform == "threads":
        return _x_hashtags(text)[:1]
    if platform == "bluesky":
        return _bluesky_hashtags(text)
    if platform == "mastodon":
        return _mastodon_hashtags(text)
    raise ValueError(f"unknown hashtag syntax {platform!r}; expected one of {', '.join(HASHTAG_PLATFORMS)}")


_HASH_CANDIDATE = regex.compile("[#＃](?![\\s#＃\\uFE0F\\u20E3])\\S*")


def looks_like_hashtags(text: str) -> list[Entity]:
    """Every `#` followed by a non-space character, with `value` the run up to whitespace.

    These are what a reader takes for hashtags; HT007 compares them with the real ones to
    explain why `#2024` or `#summer-sale` does not tag what the writer meant. A `#` inside a
    URL (`example.com/#top`) or a keycap (`#️⃣`) is no candidate.
    """
    if "#" not in text and "＃" not in text:
        return []
    urls = extract_urls(text)
    out = []
    for m in _HASH_CANDIDATE.finditer(text):
        if any(u.start <= m.start() < u.end for u in urls):
            continue
        out.append(Entity("hashtag", m.start(), m.end(), m.group()[1:]))
    return out


# --- emoji ---------------------------------------------------------------------------------
_TEXT_DEFAULT = frozenset("©®™")
_KEYCAP = regex.compile("[0-9#*]\\uFE0F?\\u20E3")


@lru_cache(maxsize=1)
def _emoji_runs() -> re.Pattern[str]:
    """Runs of non-ASCII characters that occur in some emoji sequence. `emoji.emoji_list` walks
    every character in Python (most of the cost of a post with one emoji); a character outside
    every sequence ends any match and resets its tokenizer, so listing each run alone finds the
    same emoji at the same offsets. ASCII parts (the digit, `#` or `*` of a keycap) are left out
    so numbers do not start runs; `_KEYCAP` finds keycaps. The class is written as ranges and
    compiled with `re`, which tests a large class several times faster than `regex`."""
    import emoji

    chars = {char for sequence in emoji.EMOJI_DATA for char in sequence} | {"\u200d", "\ufe0e", "\ufe0f"}
    ranges: list[list[int]] = []
    for point in sorted(ord(char) for char in chars if not char.isascii()):
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return re.compile(
        "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges) + "]+"
    )


def extract_emoji(text: str) -> list[Entity]:
    """Emoji sequences (ZWJ, skin tone, flag, keycap each one entity), via the `emoji` package.

    `emoji` also reports ©, ® and ™ written as text; no platform draws those as emoji unless
    U+FE0F follows, so they are left out.
    """
    if text.isascii():
        return []
    import emoji  # lazily: about 30 ms to import

    out = []
    data = emoji.EMOJI_DATA
    for run in _emoji_runs().finditer(text):
        value = run.group()
        if value in data:  # one whole sequence (most runs): what emoji_list would find, tested
            if value not in _TEXT_DEFAULT:
                out.append(Entity("emoji", run.start(), run.end(), value))
            continue
        for item in emoji.emoji_list(value):
            value = item["emoji"]
            if value in _TEXT_DEFAULT or (len(value) == 1 and value in "0123456789#*"):
                continue
            out.append(Entity("emoji", run.start() + item["match_start"], run.start() + item["match_end"], value))
    if "\u20e3" in text:  # every keycap ends with the combining keycap
        covered = {i for e in out for i in range(e.start, e.end)}
        for m in _KEYCAP.finditer(text):
            if m.start() not in covered:
                out.append(Entity("emoji", m.start(), m.end(), m.group()))
    return sorted(out, key=lambda e: e.start)
