"""Positions: contentlint counts 1-based lines and columns in code points; an editor counts 0-based
lines and columns in the encoding negotiated at `initialize` (UTF-16 unless the client offers
another). Units are counted by pygls's position codec.

Lines break at CRLF, CR and LF only, as both the protocol and contentlint say. pygls's own text
documents split with `str.splitlines`, which also breaks at U+2028, U+0085 and form feeds: a post
pasted from a social network can hold those, so the server keeps its own lines.
"""

from __future__ import annotations

import bisect
import re

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Offsets where each line of `text` starts (the first is 0)."""
    return [0, *(match.end() for match in _LINE_BREAK.finditer(text))]


class Lines:
    """One text's line starts, to turn code-point offsets into client positions and back."""

    def __init__(self, text: str, codec: PositionCodec) -> None:
        self.text = text
        self.codec = codec
        self.starts = line_starts(text)

    def line(self, index: int) -> str:
        """Line `index` (0-based) without its line break; "" past the end."""
        if not 0 <= index < len(self.starts):
            return ""
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[index] : end].rstrip("\r\n")

    def _units(self, text: str) -> int:
        return int(self.codec.client_num_units(text))

    # ------------------------------------------------------------ contentlint -> client

    def position(self, offset: int) -> types.Position:
        """The client position of a code-point offset into the text."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self.starts, offset) - 1
        content = self.line(index)
        column = min(offset - self.starts[index], len(content))  # inside a CRLF: the end of the line
        return types.Position(line=index, character=self._units(content[:column]))

    def point(self, line: int, column: int) -> types.Position:
        """The client position of contentlint's 1-based line and code-point column."""
        if line > len(self.starts):
            return self.position(len(self.text))
        index = max(line, 1) - 1
        content = self.line(index)
        return types.Position(line=index, character=self._units(content[: max(column, 1) - 1]))

    def span(self, line: int, column: int, end_line: int, end_column: int) -> types.Range:
        start = self.point(line, column)
        end = self.point(end_line, end_column)
        if (end.line, end.character) < (start.line, start.character):
            end = start
        return types.Range(start=start, end=end)

    def range_of(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(max(start, end)))

    # ------------------------------------------------------------ client -> contentlint

    def offset(self, position: types.Position) -> int:
        """The code-point offset of a client position. As the protocol says, a character past the
        end of its line means the end of the line, and a line past the end means the end."""
        if position.line < 0:
            return 0
        if position.line >= len(self.starts):
            return len(self.text)
        content = self.line(position.line)
        wanted = max(position.character, 0)
        if self._units(content) == len(content):  # one unit per code point: ASCII, and BMP in UTF-16
            return self.starts[position.line] + min(wanted, len(content))
        units = 0
        for index, char in enumerate(content):
            if units >= wanted:
                return self.starts[position.line] + index
            units += self._units(char)
        return self.starts[position.line] + len(content)

    def line_column(self, position: types.Position) -> tuple[int, int]:
        """contentlint's 1-based line and code-point column of a client position."""
        offset = self.offset(position)
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


def apply_change(text: str, change: types.TextDocumentContentChangeEvent, codec: PositionCodec) -> str:
    """The text after one change sent by the client: a whole new text, or a range replaced."""
    change_range = getattr(change, "range", None)
    if change_range is None:
        return change.text
    lines = Lines(text, codec)
    start = lines.offset(change_range.start)
    end = max(start, lines.offset(change_range.end))
    return text[:start] + change.text + text[end:]
