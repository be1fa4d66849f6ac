"""Blank what is not prose in a Markdown body, keeping every offset where it was.

Rules read the mask instead of the raw body, so words inside code, link targets, HTML comments
and image syntax are never linted, and every finding still points at the original file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<(?:https?|mailto):[^<>\s]*>")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]*)\]\((?P<src>[^)\s]*)(?:\s+\"[^\"\n]*\")?\)")
_LINK = re.compile(r"\[(?P<label>[^\]\n]*)\](?P<target>\([^)\n]*\)|\[[^\]\n]*\])")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.M)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)


@dataclass(frozen=True)
class MarkdownImage:
    src: str
    alt: str
    start: int  # offset of the `!` in the text given
    end: int
    alt_start: int


def blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] with spaces, keeping line breaks so lines and columns hold."""
    segment = text[start:end]
    return text[:start] + re.sub(r"[^\r\n]", " ", segment) + text[end:]


def _blank_into(chars: list[str], start: int, end: int) -> None:
    for index in range(start, end):
        if chars[index] not in "\r\n":
            chars[index] = " "


def mask_comments(text: str) -> str:
    chars = list(text)
    for match in _COMMENT.finditer(text):
        _blank_into(chars, match.start(), match.end())
    return "".join(chars)


def mask_markdown(text: str) -> tuple[str, tuple[MarkdownImage, ...]]:
    """Return (prose mask, images). `text` is the whole file with non-body parts already blanked.

    Each pass runs only when the character its syntax starts with occurs (most posts have no
    code, comments or HTML), and the mask is re-joined only after a pass blanked something:
    this runs for every post of a full run."""
    chars = list(text)
    current = text
    if "```" in text or "~~~" in text:  # fenced code blocks, line by line
        offset = 0
        fence: str | None = None
        for line in text.splitlines(keepends=True):
            match = _FENCE.match(line)
            if fence is None and match:
                fence = match.group(1)[0] * len(match.group(1))
                _blank_into(chars, offset, offset + len(line))
            elif fence is not None:
                _blank_into(chars, offset, offset + len(line))
                if match and match.group(1).startswith(fence):
                    fence = None
            offset += len(line)
        current = "".join(chars)
    for marker, pattern in (("<!--", _COMMENT), ("`", _CODE_SPAN)):
        if marker in current:
            current = _blank_matches(chars, current, pattern)
    images: list[MarkdownImage] = []
    if "![" in current:
        for match in _IMAGE.finditer(current):
            images.append(
                MarkdownImage(match.group("src"), match.group("alt"), match.start(), match.end(), match.start("alt"))
            )
            _blank_into(chars, match.start(), match.end())
        current = "".join(chars) if images else current
    if "[" in current:
        links = list(_LINK.finditer(current))
        for match in links:
            _blank_into(chars, match.start(), match.start() + 1)  # "["
            _blank_into(chars, match.end("label"), match.end())  # "](target)"
        current = "".join(chars) if links else current
    for marker, pattern in (("]:", _REF_DEF), ("<", _HTML_TAG)):
        if marker in current:
            current = _blank_matches(chars, current, pattern)
    return current, tuple(images)


def _blank_matches(chars: list[str], current: str, pattern: re.Pattern[str]) -> str:
    """Blank every match of `pattern` in `current` (whose characters `chars` holds); the new mask."""
    matches = [match.span() for match in pattern.finditer(current)]
    for start, end in matches:
        _blank_into(chars, start, end)
    return "".join(chars) if matches else current
