"""Language codes in a config (`lang`, an override's `lang`): a code, not a name.

`lang: english` used to be accepted and then matched no rule's language, so English posts lost
their grade and their hashtag splits without a word. A value must be a BCP 47 language tag as
posts and rules use it (`en`, `bn`, `es`, `pt-BR`); a language's English name gets its code as
"did you mean".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from contentlint.config.checker import Checker

_TAG = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")
_NAMES = {
    "english": "en",
    "bengali": "bn",
    "bangla": "bn",
    "spanish": "es",
    "portuguese": "pt",
    "french": "fr",
    "german": "de",
    "italian": "it",
    "dutch": "nl",
    "hindi": "hi",
    "arabic": "ar",
    "russian": "ru",
    "chinese": "zh",
    "japanese": "ja",
}
EXAMPLES = "en, bn, es, pt-BR"


def code(check: Checker, value: Any, path: tuple[Any, ...]) -> str:
    """The tag in lower case, or the checker's error naming valid codes."""
    text = check.string(value, path).strip()
    lowered = text.lower()
    if _TAG.fullmatch(lowered):
        return lowered
    meant = _NAMES.get(lowered)
    hint = f" (did you mean {meant!r}?)" if meant else ""
    raise check.fail(path, f"expected a language code such as {EXAMPLES}, got {text!r}{hint}")
