"""Which characters are Latin letters and digits dressed up as a "font", and their plain form.

Generators of "bold" or "cursive" text for social posts swap ordinary letters for look-alikes
from Unicode's mathematical, fullwidth, enclosed and phonetic blocks. Screen readers spell those
out ("mathematical bold capital S") or skip them, and search and hashtags do not match them.

Strong characters are never ordinary text in a post. Weak ones have real uses on their own
(ℝ, ℓ, ①, 1ˢᵗ) and only count when they sit in a word with strong ones.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

STRONG = "strong"
WEAK = "weak"

# (first, last, strength) for the blocks fancy-text generators draw from.
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x1D400, 0x1D7FF, STRONG),  # Mathematical Alphanumeric Symbols (bold, italic, script, ...)
    (0xFF10, 0xFF19, STRONG),  # fullwidth digits
    (0xFF21, 0xFF3A, STRONG),  # fullwidth capitals
    (0xFF41, 0xFF5A, STRONG),  # fullwidth small letters
    (0x249C, 0x24B5, STRONG),  # parenthesized small letters
    (0x24B6, 0x24E9, STRONG),  # circled letters
    (0x1F130, 0x1F149, STRONG),  # squared capitals
    (0x1F150, 0x1F169, STRONG),  # negative circled capitals
    (0x1F170, 0x1F189, STRONG),  # negative squared capitals (🅰️🅱️🅾️🅿️ with U+FE0F are emoji)
    (0x2100, 0x214F, WEAK),  # letterlike symbols: the holes in the math alphabets (ℋ ℍ ℝ ℓ)
    (0x2460, 0x2473, WEAK),  # circled digits 1-20: list numbering on their own
    (0x24EA, 0x24EA, WEAK),  # circled digit zero
)

_SMALL_CAPITAL = regex.compile(r"^LATIN LETTER SMALL CAPITAL ([A-Z])$")
_MODIFIER = regex.compile(r"^(?:MODIFIER LETTER (?:SMALL|CAPITAL)|SUPERSCRIPT LATIN SMALL LETTER) ([A-Z])$")
_LETTER_NAME = regex.compile(r"(?:CAPITAL|SMALL) (?:LETTER )?([A-Z])$")
_DIGIT_NAME = regex.compile(r"DIGIT (ZERO|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE)$")
_DIGITS = ("ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE")
_STYLE = regex.compile(
    r"^(.*?) (?:LATIN |GREEK )?(?:CAPITAL|SMALL|DIGIT|LETTER|NABLA|PARTIAL|EPSILON|THETA|KAPPA|PHI|RHO|PI)\b"
)


@lru_cache(maxsize=4096)
def strength(char: str) -> str | None:
    """STRONG, WEAK or None (an ordinary character) for one code point."""
    code = ord(char)
    for first, last, level in _RANGES:
        if first <= code <= last:
            return level if plain_form(char) is not None else None
    name = unicodedata.name(char, "")
    if _SMALL_CAPITAL.match(name):
        return STRONG
    if _MODIFIER.match(name):
        return WEAK
    return None


@lru_cache(maxsize=4096)
def plain_form(char: str) -> str | None:
    """The plain letter or digit a fancy character stands for, or None when it stands for none.

    NFKC handles most of them; enclosed-negative letters and small capitals have no
    compatibility mapping, so their Unicode names say which letter they are.
    """
    name = unicodedata.name(char, "")
    small_capital = _SMALL_CAPITAL.match(name)
    if small_capital:
        return small_capital.group(1).lower()
    folded = unicodedata.normalize("NFKC", char)
    if folded != char:
        inner = folded.strip("()")
        if len(inner) == 1 and (inner.isalnum()):
            return inner
        return None
    letter = _LETTER_NAME.search(name)
    if letter and ("NEGATIVE" in name or "SQUARED" in name):
        return letter.group(1) if "CAPITAL" in name else letter.group(1).lower()
    digit = _DIGIT_NAME.search(name)
    if digit and "NEGATIVE" in name:
        return str(_DIGITS.index(digit.group(1)))
    return None


# Blocks that hold no fancy character (Latin, Indic scripts, punctuation, currency, arrows,
# symbols, CJK, Hangul, variation selectors, emoji); tests/test_rule_speed_paths.py checks each
# of their code points with `strength`.
NEVER_FANCY_RANGES = (
    (0x0000, 0x024F),
    (0x0900, 0x0DFF),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2190, 0x23FF),
    (0x2500, 0x27BF),
    (0x3000, 0x303F),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xFE00, 0xFE0F),
    (0x1F300, 0x1FAFF),
)
_MAYBE_FANCY = regex.compile(
    "[^" + "".join(f"\\U{first:08X}-\\U{last:08X}" for first, last in NEVER_FANCY_RANGES) + "]"
)


def may_be_fancy(text: str) -> bool:
    """False only when no character of `text` is fancy (strong or weak). The usual post (ASCII,
    Bengali, emoji, curly quotes) is answered by one pass in C; otherwise one cached lookup per
    distinct character outside the blocks above."""
    if text.isascii() or _MAYBE_FANCY.search(text) is None:
        return False
    return any(strength(char) for char in set(text) if not char.isascii())


def style_name(char: str) -> str:
    """A reader-facing name for the "font" a fancy character comes from ("mathematical bold")."""
    name = unicodedata.name(char, "")
    if _SMALL_CAPITAL.match(name):
        return "small capital"
    if _MODIFIER.match(name):
        return "superscript"
    match = _STYLE.match(name)
    return match.group(1).lower() if match else "decorative"


def to_plain(text: str) -> str:
    """`text` with every fancy character (strong or weak) replaced by its plain form."""
    return "".join((plain_form(c) or c) if strength(c) else c for c in text)
