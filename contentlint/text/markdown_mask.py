"""Blank what is not prose in a Markdown body, keeping every offset where it was.

Rules read the mask instead of the raw body, so words inside code, link targets, HTML comments
and image syntax are never linted, and every finding still points at the original file.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_CLOSED_COMMENT = re.compile(r"<!--.*?-->", re.S)
_AFTER_COMMENT = re.compile(r"[ \t]*\r?\n?")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<(?:https?|mailto):[^<>\s]*>")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.M)
_BACKTICKS = re.compile(r"`+")
_INDENTED = re.compile(r"(?: {4}|\t)")
_ANY_INDENTED_LINE = re.compile(r"^(?: {4}|\t)[ \t]*\S", re.M)  # one C search before the line loop
_LIST_ITEM = re.compile(r"[ ]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")

# Links and images are `[label](target)`; the expressions
#   _LINK = \[(?P<label>[^\]\n]*)\](?P<target>\([^)\n]*\)|\[[^\]\n]*\])
#   _IMAGE = !\[(?P<alt>[^\]\n]*)\]\((?P<src>[^)\s]*)(?:\s+"[^"\n]*")?\)
# are tried from every `[`, and each try reads to the next `]` (and its target to the next `)`):
# quadratic in a run of `[` or of unclosed targets. `_bracketed` gives the same matches reading
# each stretch once. The pieces, anchored where they start:
_LABEL_REST = re.compile(r"[^\]\n]*")
_LINK_TARGET = re.compile(r"\([^)\n]*\)|\[[^\]\n]*\]")
_IMAGE_TARGET = re.compile(r"\((?P<src>[^)\s]*)(?:\s+\"[^\"\n]*\")?\)")
# Where a target's first run stops (the target fails or succeeds from the same stop).
_TARGET_STOPS = {"(": re.compile(r"[^)\n]*"), "[": re.compile(r"[^\]\n]*")}
_IMAGE_STOP = re.compile(r"[^)\s]*")


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


def strip_comments(body: str) -> str:
    """`re.sub(r"<!--.*?-->[ \\t]*\\r?\\n?", "", body, flags=re.S)`, searched only up to the last
    `-->`: every `<!--` after it would read to the end of the text and fail, each of them."""
    close = body.rfind("-->")
    if close < 0 or "<!--" not in body:
        return body
    parts: list[str] = []
    last = 0
    for match in _CLOSED_COMMENT.finditer(body, 0, close + 3):
        parts.append(body[last : match.start()])
        last = _AFTER_COMMENT.match(body, match.end()).end()  # type: ignore[union-attr]
    parts.append(body[last:])
    return "".join(parts)


@dataclass(frozen=True)
class Bracketed:
    """A link or image: `[label](target)` or `![alt](src "title")`."""

    start: int
    label_start: int
    label_end: int  # at the `]`
    end: int
    src: str = ""  # images only


def _bracketed(text: str, image: bool) -> list[Bracketed]:
    """The matches of `_IMAGE` (or `_LINK`) in order, each stretch of text read once or twice.

    Every `[` before the same `]` gets the same label end and target, so after a try fails the
    next one starts at that `]`; a target that failed fails again from any later start before
    its first stop (the same run is read up to the same character)."""
    opener = "![" if image else "["
    found: list[Bracketed] = []
    failed: dict[str, tuple[int, int]] = {}  # target kind -> (start, stop) of a failed target
    pos = 0
    while True:
        start = text.find(opener, pos)
        if start < 0:
            return found
        label_start = start + len(opener)
        label_end = _LABEL_REST.match(text, label_start).end()  # type: ignore[union-attr]
        target_at = label_end + 1
        kind = text[target_at : target_at + 1] if text[label_end : label_end + 1] == "]" else ""
        if (image and kind != "(") or kind not in ("(", "["):
            pos = max(label_end, start + 1)
            continue
        key = "image" if image else kind
        failed_start, failed_stop = failed.get(key, (-1, -1))
        match = None
        if not failed_start < target_at <= failed_stop:
            match = (_IMAGE_TARGET if image else _LINK_TARGET).match(text, target_at)
            if match is None:
                stop = (_IMAGE_STOP if image else _TARGET_STOPS[kind]).match(text, target_at + 1).end()  # type: ignore[union-attr]
                failed[key] = (target_at, stop)
        if match is None:
            pos = max(label_end, start + 1)
            continue
        found.append(Bracketed(start, label_start, label_end, match.end(), match.group("src") if image else ""))
        pos = match.end()


def _code_spans(text: str) -> list[tuple[int, int]]:
    """The matches of `(?<!`)(`+)(?!`)(.+?)(?<!`)\\1(?!`)` (re.S): each run of backticks opens a
    span that the next run of the same length closes. Searched for from every run, the
    expression reads to the end of the text for each run that is never closed."""
    runs = [match.span() for match in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        later = bisect.bisect_right(same, index)
        if later == len(same):
            index += 1
            continue
        closer = same[later]
        spans.append((start, runs[closer][1]))
        index = closer + 1
    return spans


def indented_code(text: str) -> list[tuple[int, int]]:
    """Indented code blocks as CommonMark has them: lines indented by four spaces or a tab after a
    blank line (an indented line cannot interrupt a paragraph), and not a list item's own
    continued text. Social copy is rarely indented, so the rule is kept that strict."""
    ranges: list[tuple[int, int]] = []
    offset = 0
    previous_blank, in_list = True, False
    start: int | None = None
    last_code_end = 0  # the end of the block's last non-blank line: trailing blank lines are not code
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        blank = not content.strip()
        indented = not blank and _INDENTED.match(content) is not None
        if start is not None and not blank and not indented:
            ranges.append((start, last_code_end))
            start = None
        if start is None and indented and previous_blank and not in_list:
            start = offset
        if start is not None and indented:
            last_code_end = offset + len(line)
        if not blank and not indented:
            in_list = _LIST_ITEM.match(content) is not None
        previous_blank = blank
        offset += len(line)
    if start is not None:
        ranges.append((start, last_code_end))
    return ranges


def code_ranges(text: str) -> list[tuple[int, int]]:
    """Where code is: fenced blocks and code spans, as `mask_markdown` finds them. A suppression
    comment written inside code is an example of one, not a directive."""
    ranges: list[tuple[int, int]] = []
    chars = list(text)
    current = text
    if "```" in text or "~~~" in text:
        offset = 0
        fence: str | None = None
        block_start = 0
        for line in text.splitlines(keepends=True):
            match = _FENCE.match(line)
            if fence is None and match:
                fence, block_start = match.group(1)[0] * len(match.group(1)), offset
            elif fence is not None and match and match.group(1).startswith(fence):
                fence = None
                ranges.append((block_start, offset + len(line)))
            offset += len(line)
        if fence is not None:
            ranges.append((block_start, len(text)))  # an unclosed fence runs to the end
        for start, end in ranges:
            _blank_into(chars, start, end)
        current = "".join(chars)
    indented = indented_code(current) if _ANY_INDENTED_LINE.search(current) else []
    if indented:
        ranges.extend(indented)
        for start, end in indented:
            _blank_into(chars, start, end)
        current = "".join(chars)
    if "`" in current:
        ranges.extend(_code_spans(current))
    return ranges


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
    if _ANY_INDENTED_LINE.search(current):
        current = _blank_spans(chars, current, indented_code(current))
    if "<!--" in current:
        current = _blank_spans(chars, current, [match.span() for match in _COMMENT.finditer(current)])
    if "`" in current:
        current = _blank_spans(chars, current, _code_spans(current))
    images: list[MarkdownImage] = []
    if "![" in current:
        for image in _bracketed(current, image=True):
            alt = current[image.label_start : image.label_end]
            images.append(MarkdownImage(image.src, alt, image.start, image.end, image.label_start))
            _blank_into(chars, image.start, image.end)
        current = "".join(chars) if images else current
    if "[" in current:
        links = _bracketed(current, image=False)
        for link in links:
            _blank_into(chars, link.start, link.start + 1)  # "["
            _blank_into(chars, link.label_end, link.end)  # "](target)"
        current = "".join(chars) if links else current
    for marker, pattern in (("]:", _REF_DEF), ("<", _HTML_TAG)):
        if marker in current:
            current = _blank_matches(chars, current, pattern)
    return current, tuple(images)


def _blank_matches(chars: list[str], current: str, pattern: re.Pattern[str]) -> str:
    """Blank every match of `pattern` in `current` (whose characters `chars` holds); the new mask."""
    return _blank_spans(chars, current, [match.span() for match in pattern.finditer(current)])


def _blank_spans(chars: list[str], current: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        _blank_into(chars, start, end)
    return "".join(chars) if spans else current
