"""Words to compare posts by, for the repetition rules: what a cross-post changes anyway is set
aside (URLs, mentions, hashtags, cashtags, emoji, punctuation, case, font tricks), and Bengali
words stay whole: words are `regex` `[\\p{L}\\p{M}\\p{N}]+` runs, because Python's `re` `\\w` stops
at vowel signs and the virama. spaCy is not imported here (it costs 0.7 s at start-up); a test
shows the tokens equal spaCy's blank `en`/`bn` word tokens. `text.similarity` hashes them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

# Symbols removed before NFKC: NFKC turns "InkWell™" into "InkWellTM", one new word.
_SYMBOLS = regex.compile(
    r"[0-9#*]\ufe0f?\u20e3"  # keycaps: 1️⃣ is an emoji, not the word "1"
    r"|[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\p{So}\ufe0f\u20e3]"
)
_FORMAT_CHARS = regex.compile(r"\p{Cf}")  # ZWJ/ZWNJ inside Bengali words, bidi controls
_APOSTROPHES = regex.compile(r"[\u2019\u2018\u02bc\u2032`]")
_TLDS = (
    "com|org|net|io|co|in|bd|uk|app|dev|shop|store|ly|me|info|biz|ai|gl|gd|link|page|site|xyz|us|"
    "ca|au|de|fr|edu|gov|tv|news|blog|online|social|art|design|studio|club|live"
)
_TLD_PART = rf"(?:[a-z]{{2,24}}/\S*|(?:{_TLDS})(?![\p{{L}}\p{{M}}\p{{N}}]))"
_DOMAIN = regex.compile(r"(?<![\p{L}\p{M}\p{N}@.])(?:[\p{L}\p{N}-]++\.)+" + _TLD_PART)
# Not prose, removed in this order; each pattern runs only when its marker character occurs
# (one combined alternation cost 94 us a post, these about 25 us).
_NOT_PROSE = (
    # e-mail; it starts where its run of local-part characters does, or where the last match
    # ended (\G): from later in a run it reads to the same "@" and fails or matches alike, and
    # trying every position of a long word without an "@" was quadratic.
    ("@", regex.compile(r"(?:(?<![\p{L}\p{N}._%+-])|\G)[\p{L}\p{N}._%+-]++@[\p{L}\p{N}-]++(?:\.[\p{L}\p{N}-]++)+")),
    ("/", regex.compile(r"(?:https?://|www\.)\S+")),  # URL
    (".", regex.compile(r"www\.\S+")),
    (".", _DOMAIN),  # example.xyz/path, inkwell.in
    ("@", regex.compile(r"(?<![\p{L}\p{M}\p{N}_])@[\p{L}\p{M}\p{N}_.]+(?:@[\p{L}\p{N}.-]+)?")),  # @user@host
    ("#", regex.compile(r"(?<![\p{L}\p{M}\p{N}_&])#[\p{L}\p{M}\p{N}_]+")),  # hashtag
    ("$", regex.compile(r"(?<![\p{L}\p{N}_])\$[a-z][a-z0-9_]{0,14}(?:\.[a-z]{1,2})?(?![\p{L}\p{N}])")),  # cashtag
)
_WORD = regex.compile(r"\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*")


def similarity_tokens(body: str) -> list[str]:
    """Words of `body` that survive a cross-post: what a reader would call "the same text". The
    same rules serve every language: the `regex` classes cover all scripts."""
    if body.isascii():  # no symbol, format character or NFKC change can occur: skip those passes
        text = body.lower().replace("`", "'")
    else:
        text = _SYMBOLS.sub(" ", body)
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        text = _FORMAT_CHARS.sub("", text.casefold())
        text = _APOSTROPHES.sub("'", text)
    for marker, pattern in _NOT_PROSE:
        if marker in text:
            text = _blank_domains(text) if pattern is _DOMAIN else pattern.sub(" ", text)
    return _WORD.findall(text)


# `_DOMAIN` in pieces: where one may start, the dotted chain of labels from there, a dot with a
# TLD after it (`_TLD_PART` reads at most 26 characters past the dot to say so) and the TLD.
_DOMAIN_START = regex.compile(r"(?<![\p{L}\p{M}\p{N}@.])[\p{L}\p{N}-]")
_DOMAIN_CHAIN = regex.compile(r"[\p{L}\p{N}-]++(?:\.[\p{L}\p{N}-]++)*+")
_TLD_DOT = regex.compile(rf"\.(?=[a-z]{{2,24}}/|(?:{_TLDS})(?![\p{{L}}\p{{M}}\p{{N}}]))")
_TLD_LOOKAHEAD = 26
_AFTER_DOT = regex.compile(_TLD_PART)
_DOT_LETTER = regex.compile(r"\.[a-z]")
_SPACE_BEFORE = regex.compile(r"\s", regex.REVERSE)
_NON_SPACE_RUN = regex.compile(r"\S*")


def _blank_domains(text: str) -> str:
    """`_DOMAIN.sub(" ", text)`, tried only in the windows around whitespace-free runs holding a
    dot and a letter (every match has one: its TLD's first letter follows a dot). Tried from
    every position of every word, it cost a third of `similarity_tokens`."""
    from contentlint.text.extract import dot_windows

    out: list[str] = []
    last = 0
    for start, end in dot_windows(text, _DOT_LETTER, _SPACE_BEFORE, _NON_SPACE_RUN):
        for match_start, match_end in _domain_spans(text, start, end):
            out.append(text[last:match_start])
            out.append(" ")
            last = match_end
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _domain_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The spans of `_DOMAIN.finditer(text, start, end)`, in time linear in the text.

    From a start the expression takes the dotted chain of labels after it and backs off label by
    label to the last dot a TLD follows: here that dot is found by one scan of the chain (the
    expression's backing off cost about 5 µs a label). When there is none, every later start in
    the chain fails too (its labels are a suffix of these), so the next try is after the chain:
    tried from every start after a "-" ("-a.-a.-a...") the expression was quadratic."""
    pos = start
    while True:
        found = _DOMAIN_START.search(text, pos, end)
        if found is None:
            return
        first = found.start()
        chain_end = _DOMAIN_CHAIN.match(text, first, end).end()  # type: ignore[union-attr]
        last_dot = None
        for dot in _TLD_DOT.finditer(text, first, min(end, chain_end + _TLD_LOOKAHEAD)):
            if dot.start() >= chain_end:
                break
            last_dot = dot.start()
        if last_dot is None:
            pos = max(chain_end, first + 1)
            continue
        tld = _AFTER_DOT.match(text, last_dot + 1, end)
        yield first, tld.end()  # type: ignore[union-attr]
        pos = tld.end()  # type: ignore[union-attr]
