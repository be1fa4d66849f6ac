"""Invisible format characters, and the places where they are legitimate.

Copy pasted from design tools, "blank line" tricks and hidden-text tricks leave characters that
show nothing but change what search, hashtags and screen readers get. Some of the same characters
are needed: ZWJ joins emoji sequences (👨‍👩‍👧) and, with ZWNJ, shapes Bengali and other Indic
and Arabic-script conjuncts (র‍্য, ক্‌ষ); ZWSP marks word breaks in Thai, Lao, Khmer and Myanmar
text; bidi marks belong in right-to-left text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

SPLITS_WORDS = "it is invisible but splits or hides part of a word, so search, hashtags and screen readers get it wrong"
GLUED = "it is invisible but glued to a word, so search and hashtags may miss that word"
REORDERS = "it silently reorders the text around it, so what readers see can differ from what is published"
HIDES_TEXT = "it is invisible and can carry hidden text that readers never see but machines and search do"
SOFT_HYPHEN = "it shows up as a stray hyphen in some apps and breaks search and hashtags for the word"
INVISIBLE = "it is invisible, breaks search and hashtags, and some screen readers announce it"

_FIXED_REASONS: dict[str, str] = {
    "\u00ad": SOFT_HYPHEN,
    "\u034f": SPLITS_WORDS,
    "\u115f": INVISIBLE,
    "\u1160": INVISIBLE,
    "\u180e": SPLITS_WORDS,
    "\u200b": SPLITS_WORDS,
    "\u200c": SPLITS_WORDS,
    "\u200d": SPLITS_WORDS,
    "\u200e": REORDERS,
    "\u200f": REORDERS,
    "\u061c": REORDERS,
    "\u2060": SPLITS_WORDS,
    "\u2061": INVISIBLE,
    "\u2062": INVISIBLE,
    "\u2063": INVISIBLE,
    "\u2064": INVISIBLE,
    "\u3164": INVISIBLE,
    "\ufeff": SPLITS_WORDS,
    "\uffa0": INVISIBLE,
}
_BIDI_EMBEDDINGS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_OVERRIDES = "\u202d\u202e"  # LRO/RLO display text backwards: never needed in a post
_RTL_MARKS = "\u200e\u200f\u061c" + _BIDI_EMBEDDINGS

CANDIDATES = regex.compile(
    "[" + "".join(_FIXED_REASONS) + _BIDI_EMBEDDINGS + "\U000e0000-\U000e007f\U000e0100-\U000e01ef\ufff9-\ufffb]+"
)

# Scripts whose spelling needs ZWJ/ZWNJ between letters and signs.
_JOINER_SCRIPT = regex.compile(
    r"[\p{Bengali}\p{Devanagari}\p{Gurmukhi}\p{Gujarati}\p{Oriya}\p{Tamil}\p{Telugu}\p{Kannada}"
    r"\p{Malayalam}\p{Sinhala}\p{Arabic}\p{Syriac}\p{Thaana}\p{Nko}\p{Myanmar}\p{Khmer}\p{Tibetan}\p{Mongolian}]"
)
# Scripts written without spaces, where ZWSP marks the word breaks.
_ZWSP_SCRIPT = regex.compile(r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Tibetan}]")
_PICTOGRAPHIC = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u20E3]")
_RTL_SCRIPT = regex.compile(r"(?=\p{L})[\p{Arabic}\p{Hebrew}\p{Syriac}\p{Thaana}\p{Nko}]")
_IDEOGRAPH = regex.compile(r"\p{Han}")
_WORD = regex.compile(r"[\w#@]")  # a letter, digit or mark of a word, or the start of a tag or handle


@dataclass(frozen=True)
class InvisibleChar:
    offset: int
    char: str
    reason: str

    @property
    def label(self) -> str:
        return f"U+{ord(self.char):04X} {unicodedata.name(self.char, 'FORMAT CHARACTER')}"


def _reason(char: str) -> str:
    if char in _FIXED_REASONS:
        return _FIXED_REASONS[char]
    if char in _BIDI_EMBEDDINGS:
        return REORDERS
    return HIDES_TEXT


def _legitimate(text: str, index: int, char: str, has_rtl: bool) -> bool:
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if char in "\u200c\u200d":
        if _PICTOGRAPHIC.match(before or " ") or _PICTOGRAPHIC.match(after or " "):
            return True  # an emoji sequence, perhaps one newer than our emoji data
        return bool(_JOINER_SCRIPT.match(before or " ") or _JOINER_SCRIPT.match(after or " "))
    if char == "\u200b":
        return bool(_ZWSP_SCRIPT.match(before or " ") and _ZWSP_SCRIPT.match(after or " "))
    if char in _RTL_MARKS and char not in _OVERRIDES:
        return has_rtl
    if "\U000e0100" <= char <= "\U000e01ef":
        return bool(_IDEOGRAPH.match(before or " "))  # an ideographic variation sequence
    if "\U000e0020" <= char <= "\U000e007f":
        return False  # tags in a valid flag sequence are inside an emoji span
    return False


def find_invisible(text: str, skip: frozenset[int] = frozenset()) -> list[InvisibleChar]:
    """Every invisible character in `text` that is not where a script or an emoji needs it.

    `skip` holds offsets covered by recognised emoji sequences (their ZWJs and tag characters).
    """
    has_rtl = bool(_RTL_SCRIPT.search(text))
    found: list[InvisibleChar] = []
    for match in CANDIDATES.finditer(text):
        word_before = match.start() > 0 and _WORD.match(text[match.start() - 1]) is not None
        word_after = match.end() < len(text) and _WORD.match(text[match.end()]) is not None
        for index in range(match.start(), match.end()):
            char = text[index]
            if index in skip or _legitimate(text, index, char, has_rtl):
                continue
            reason = _reason(char)
            if reason == SPLITS_WORDS and not (word_before and word_after):
                if not (word_before or word_after):
                    continue  # after an emoji at a line's end, between spaces: it splits and hides nothing
                reason = GLUED
            found.append(InvisibleChar(index, char, reason))
    return found
