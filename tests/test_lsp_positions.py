"""The editor counts columns in UTF-16 units (or UTF-8 bytes, or code points, as negotiated);
contentlint counts code points. Emoji are two UTF-16 units, Bengali one, CRLF ends a line."""

from __future__ import annotations

import pytest
from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from contentlint.lsp.documents import clean_text
from contentlint.lsp.positions import Lines, apply_change

UTF16 = PositionCodec(types.PositionEncodingKind.Utf16)
UTF8 = PositionCodec(types.PositionEncodingKind.Utf8)
UTF32 = PositionCodec(types.PositionEncodingKind.Utf32)


def position(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


def test_an_emoji_is_two_utf16_units_and_one_code_point() -> None:
    text = "New 😀 Inkwell pens\n"
    lines = Lines(text, UTF16)
    offset = text.index("Inkwell")  # 6 code points in
    assert lines.position(offset) == position(0, 7)
    assert lines.point(1, offset + 1) == position(0, 7)
    assert lines.offset(position(0, 7)) == offset
    assert lines.line_column(position(0, 7)) == (1, 7)


def test_utf8_and_utf32_encodings() -> None:
    text = "😀 ক Inkwell"
    offset = text.index("Inkwell")  # emoji, space, ক, space: 4 code points
    assert Lines(text, UTF8).position(offset) == position(0, 4 + 1 + 3 + 1)
    assert Lines(text, UTF32).position(offset) == position(0, 4)
    assert Lines(text, UTF8).offset(position(0, 9)) == offset
    assert Lines(text, UTF32).offset(position(0, 4)) == offset


def test_bengali_is_one_utf16_unit_a_code_point() -> None:
    text = "---\nlang: bn\n---\nআমাদের নতুন কলম Inkwell\n"
    lines = Lines(text, UTF16)
    offset = text.index("Inkwell")
    assert lines.position(offset) == position(3, len("আমাদের নতুন কলম "))
    assert lines.offset(position(3, len("আমাদের নতুন কলম "))) == offset


def test_crlf_and_cr_end_lines_and_an_offset_inside_crlf_is_the_line_end() -> None:
    text = "one\r\ntwo\rthree\nfour"
    lines = Lines(text, UTF16)
    assert lines.starts == [0, 5, 9, 15]
    assert lines.position(text.index("two")) == position(1, 0)
    assert lines.position(text.index("four")) == position(3, 0)
    assert lines.position(4) == position(0, 3)  # between \r and \n
    assert lines.offset(position(2, 99)) == text.index("three") + 5  # past the end: the end of the line
    assert lines.offset(position(9, 0)) == len(text)


def test_unicode_line_separators_do_not_end_a_line() -> None:
    """U+2028, NEL and form feed are text to both LSP and contentlint (Python's splitlines disagrees)."""
    text = "a\u2028b\x85c\x0cd Inkwell\nnext"
    lines = Lines(text, UTF16)
    assert len(lines.starts) == 2
    assert lines.position(text.index("Inkwell")) == position(0, text.index("Inkwell"))


def test_a_column_inside_a_surrogate_pair_rounds_forward() -> None:
    lines = Lines("😀x", UTF16)
    assert lines.offset(position(0, 1)) == 1
    assert lines.offset(position(0, 2)) == 1
    assert lines.offset(position(0, 3)) == 2


def test_a_span_never_ends_before_it_starts() -> None:
    lines = Lines("abc\n", UTF16)
    assert lines.span(1, 3, 1, 1) == types.Range(start=position(0, 2), end=position(0, 2))


@pytest.mark.parametrize(
    ("start", "end", "new", "expected"),
    [
        (position(0, 4), position(0, 4), "X", "New X😀 Inkwell\r\nপেন ✍️\r\n"),  # before the emoji
        (position(0, 6), position(0, 7), "", "New 😀Inkwell\r\nপেন ✍️\r\n"),  # after it: the emoji is 2 units
        (position(1, 0), position(1, 3), "কলম", "New 😀 Inkwell\r\nকলম ✍️\r\n"),
        (position(0, 14), position(1, 0), " ", "New 😀 Inkwell পেন ✍️\r\n"),  # joins lines across CRLF
        (position(2, 0), position(2, 0), "end", "New 😀 Inkwell\r\nপেন ✍️\r\nend"),
    ],
)
def test_incremental_changes_in_utf16(start: types.Position, end: types.Position, new: str, expected: str) -> None:
    text = "New 😀 Inkwell\r\nপেন ✍️\r\n"
    change = types.TextDocumentContentChangePartial(range=types.Range(start=start, end=end), text=new)
    assert apply_change(text, change, UTF16) == expected


def test_a_whole_text_change_replaces_everything() -> None:
    change = types.TextDocumentContentChangeWholeDocument(text="fresh")
    assert apply_change("old text", change, UTF16) == "fresh"


def test_unpaired_surrogates_become_replacement_characters_without_moving_anything() -> None:
    broken = "a\ud83dInkwell"
    cleaned = clean_text(broken)
    assert cleaned == "a\ufffdInkwell"
    assert Lines(cleaned, UTF16).position(cleaned.index("Inkwell")) == position(0, 2)
