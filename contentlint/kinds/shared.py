"""Exact cheap pre-checks that rule kinds share: "can this text hold any emoji at all?"

Answered in one C-speed pass, so a post without emoji never runs the `emoji` package's
tokenizer (a Python loop over every character); tests/test_rule_speed_paths.py checks that the
fast path gives the same emoji as `doc.emoji`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _emoji_chars() -> frozenset[str]:
    """Characters one of which every emoji `extract.extract_emoji` reports must contain.

    The `emoji` tokenizer starts a match only at the first character of an emoji; a match that
    starts with an ASCII character or with ©/®/™ (dropped when alone) goes on with U+FE0F or
    U+20E3, or with U+200D in a sequence it joins; the keycap pattern needs U+20E3.
    """
    import emoji

    ascii_like = "©®™"
    starts = {key[0] for key in emoji.EMOJI_DATA if not key[0].isascii() and key[0] not in ascii_like}
    seconds = {key[1] for key in emoji.EMOJI_DATA if len(key) > 1 and (key[0].isascii() or key[0] in ascii_like)}
    return frozenset(starts | seconds | {"\u20e3", "\u200d", "\ufe0f"})


def may_have_emoji(text: str) -> bool:
    """False only when `extract_emoji(text)` is certainly empty (no emoji package call needed)."""
    return not text.isascii() and not _emoji_chars().isdisjoint(text)


def emoji(doc: Any) -> list[Any]:
    """`doc.emoji`, without running the emoji tokenizer over a post that holds no emoji."""
    return doc.emoji if may_have_emoji(doc.prose) else []
