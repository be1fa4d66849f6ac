"""Text from posts and file names, made safe for a terminal, a CI log or a JSON document.

A post or a file name can hold control characters: ESC starts terminal sequences that clear the
screen, move the cursor up to erase the finding above, set the window title or hide a link (OSC 8),
BEL rings, C1 controls (U+0080-U+009F) act as ESC sequences on some terminals, and a line break
in a message could fake a finding of its own. Human-facing formats show each of them as a visible
escape (`\\x1b`, `\\u009b`), as ruff and git do. A file name that is not UTF-8 reaches Python as
lone surrogates (`\\udce9` for the byte 0xE9); they can be written nowhere as they are, so the
human formats show them escaped too, and JSON writes them as JSON escapes.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls and lone surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_UNSAFE_KEEP_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_text(text: str) -> str:
    """`text` with every control character and lone surrogate shown as a backslash escape."""
    return _UNSAFE.sub(_visible, text) if _UNSAFE.search(text) else text


def escape_keeping_newlines(text: str) -> str:
    """`escape_text`, but line feeds stay (a format that escapes them itself, such as GitHub's)."""
    return _UNSAFE_KEEP_NEWLINE.sub(_visible, text) if _UNSAFE_KEEP_NEWLINE.search(text) else text


def json_surrogates(document: str) -> str:
    """A JSON text from `json.dumps(..., ensure_ascii=False)` with each lone surrogate written
    as a JSON escape (`\\udce9`): the text is then valid UTF-8, and a JSON reader gets the same
    string back. Other characters are untouched."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", document) if _SURROGATE.search(document) else document


def visible_surrogates(text: str) -> str:
    """Each lone surrogate shown as `\\udce9` (a format whose own escaping leaves them alone)."""
    return _SURROGATE.sub(_visible, text) if _SURROGATE.search(text) else text
