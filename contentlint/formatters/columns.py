"""How many terminal columns text takes, so a caret lands under what it marks.

Counting code points put the caret three columns off after three emoji: an emoji (a sequence
joined by ZWJ too) is drawn two columns wide, as are CJK ideographs and full-width letters, and
marks that do not space and joiners take none.
"""

from __future__ import annotations

import unicodedata

import regex

_GRAPHEME = regex.compile(r"\X")
_WIDE_EMOJI = regex.compile(r"\p{Emoji_Presentation}|\uFE0F|\p{Regional_Indicator}")


def columns(text: str) -> int:
    """Terminal columns of `text`: an emoji grapheme takes 2; otherwise each code point as
    terminals count it (wcwidth): wide and full-width 2, marks that do not space and format
    characters 0, everything else 1 (a Bengali vowel sign that spaces counts, a virama not)."""
    total = 0
    for grapheme in _GRAPHEME.findall(text):
        if _WIDE_EMOJI.search(grapheme):
            total += 2
            continue
        for char in grapheme:
            if unicodedata.category(char) in ("Mn", "Me", "Cf"):
                continue
            total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total
