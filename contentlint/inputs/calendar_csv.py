"""Posts from a scheduler's bulk-upload or export CSV: each row becomes a Document like any other.

A content calendar often lives in Buffer, Hootsuite, Later or a spreadsheet, not in Markdown
files, so contentlint reads the CSV those tools export and import. Each row is one post: the text
cell is the Document's text, and channel, date, audience, title and language come from the other
columns instead of front matter. Because rules only see Documents, every rule (repetition
included) checks rows exactly as it checks files.

Placement: a finding's offsets are offsets into the text cell. `CellOrigin` maps them to the line
and column of the CSV file itself (quoted multi-line cells, doubled quotes and Windows line
endings included), so `calendar.csv:LINE:COLUMN` opens on the offending character.

Decisions (see docs/ci.md for the user-facing version):
- Encoding: `source.decode` (UTF-8, or any UTF-8/16/32 with a BOM: Excel's "CSV UTF-8" and
  "Unicode Text" exports both write one). Anything else is refused, never guessed.
- Delimiter: the most frequent of `, ; TAB |` outside quotes on the header line (ties in that
  order). `csv.Sniffer` was not used: on a single line it can pick a quote character or a
  delimiter from inside a quoted header name, and its answer changes with the sample.
- Dates: ISO 8601, `YYYY/MM/DD`, and month names (`1 Dec 2026`, `Dec 1, 2026 10:00 AM`) are
  unambiguous. `DD/MM/YYYY` vs `MM/DD/YYYY` (also with `.` or `-`) is decided per file by the
  file's own unambiguous dates (a day above 12); a scheduler writes one convention per file. When
  the file never settles it, or contradicts itself, an ambiguous date is left unparsed and FM003
  invalid-date reports it; the row is still checked.
"""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from contentlint.config.model import CsvLayout
from contentlint.config.profiles import builtin_channel_aliases
from contentlint.inputs.schedule_dates import date_order, parse_schedule_date
from contentlint.inputs.source import SourceError, decode
from contentlint.model.defaults import Defaults
from contentlint.model.violation import FileError
from contentlint.text.document import Document, FrontMatter, guess_lang
from contentlint.text.markdown_mask import mask_comments

CALENDAR_SUFFIXES = (".csv", ".tsv")
DELIMITERS = ",;\t|"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_NAME_SPACES = re.compile(r"[\s_-]+")
_LIST_SEPARATORS = re.compile(r"[,;|]")
_PARENTHESES = re.compile(r"\([^)]*\)")

# Words a scheduler adds after the network ("LinkedIn Page", "Instagram Business"): dropped.
_QUALIFIERS = ("page", "pages", "profile", "business", "account", "company", "personal", "group", "creator")


@dataclass(frozen=True)
class CellOrigin:
    """Where a cell's text sits in its CSV file, so findings open at the right line and column.

    `anchors[i]` is a cell offset from which characters follow each other on one file line,
    starting at (`lines[i]`, `columns[i]`), which is offset `offsets[i]` of the file; a new anchor
    starts at each line break inside the cell and after each doubled quote `""` (two file
    characters, one cell character).
    """

    anchors: tuple[int, ...]
    lines: tuple[int, ...]
    columns: tuple[int, ...]
    offsets: tuple[int, ...]

    def line_col(self, offset: int) -> tuple[int, int]:
        index = max(0, bisect.bisect_right(self.anchors, offset) - 1)
        return self.lines[index], self.columns[index] + max(0, offset - self.anchors[index])

    def file_offset(self, offset: int) -> int:
        index = max(0, bisect.bisect_right(self.anchors, offset) - 1)
        return self.offsets[index] + max(0, offset - self.anchors[index])


@dataclass(frozen=True)
class _Record:
    line: int  # physical line (1-based) where the record starts
    values: tuple[str, ...]
    origins: tuple[CellOrigin, ...]  # one per value
    unclosed: bool = False  # a quoted cell ran to the end of the file


def read_calendar(
    data: bytes, display: str, layout: CsvLayout, defaults: Defaults
) -> tuple[list[Document], list[FileError]]:
    """Read a scheduler CSV into one Document per post row, and the problems that stop a row or the file."""
    try:
        text = decode(data).text
    except SourceError as exc:
        return [], [FileError(display, str(exc))]
    return calendar_documents(text, display, layout, defaults)


def calendar_documents(
    text: str, display: str, layout: CsvLayout, defaults: Defaults
) -> tuple[list[Document], list[FileError]]:
    """`read_calendar` for text already decoded (the linter decodes every file once)."""
    delimiter = sniff_delimiter(text)
    try:
        records = list(_records(text, delimiter))
    except csv.Error as exc:
        return [], [FileError(display, f"not a readable CSV file: {exc}")]
    records = [record for record in records if any(value.strip() for value in record.values)]
    if not records:
        return [], [FileError(display, "empty CSV file: expected a header row naming a text column")]
    header, rows = records[0], records[1:]
    columns = _match_columns(header.values, layout)
    if "text" not in columns:
        expected = ", ".join(repr(name) for name in layout.text)
        found = ", ".join(repr(value.strip()) for value in header.values)
        return [], [
            FileError(
                display,
                f"line {header.line}: no text column; expected a header named one of {expected} "
                f"(case does not matter), found {found}; or name yours in the config: "
                "csv: {columns: {text: [...]}}",
            )
        ]
    day_first = date_order(_cell(row, columns.get("date", ())) for row in rows)
    documents: list[Document] = []
    errors: list[FileError] = []
    text_column = columns["text"][0]
    for row in rows:
        if row.unclosed:
            errors.append(
                FileError(
                    display,
                    f"line {row.line}: a quoted cell is never closed, so the rest of the file was "
                    "read as part of this row; check for a stray double quote",
                )
            )
        if text_column >= len(row.values) or not row.values[text_column].strip():
            name = header.values[text_column].strip()
            errors.append(FileError(display, f"line {row.line}: the {name!r} cell is empty; the row was not checked"))
            continue
        documents.append(_document(row, columns, text_column, display, defaults, day_first))
    return documents, errors


def sniff_delimiter(text: str) -> str:
    """The delimiter of the header line: the most frequent of `, ; TAB |` outside quotes."""
    first = _LINE.match(text)
    header = first.group(0) if first else ""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: (counts[d], -DELIMITERS.index(d)))
    return best if counts[best] else ","


def normalise_channel(name: str) -> str:
    """A channel name as users write it in a scheduler ("X (Twitter)", "LinkedIn Page") -> ours,
    through the channel profiles' `aliases` (rules/channels.yaml)."""
    aliases = builtin_channel_aliases()
    words = " ".join(_PARENTHESES.sub(" ", name).lower().split())
    if words in aliases:
        return aliases[words]
    parts = words.split()
    while len(parts) > 1 and parts[-1] in _QUALIFIERS:
        parts.pop()
    words = " ".join(parts)
    return aliases.get(words, words.replace(" ", "-"))


def split_names(cell: str) -> list[str]:
    """Several channels or audiences in one cell, separated by `,`, `;` or `|`."""
    return [part.strip() for part in _LIST_SEPARATORS.split(cell) if part.strip()]


# ---------------------------------------------------------------- reading records


def _records(text: str, delimiter: str) -> Iterator[_Record]:
    """Records with the physical line each starts on; multi-line quoted cells span several lines."""
    lines = _LINE.findall(text)
    reader = csv.reader(lines, delimiter=delimiter, quotechar='"', doublequote=True, strict=False)
    consumed = 0
    raw_start = 0  # the record's offset in the file
    for values in reader:
        start = consumed
        consumed = reader.line_num
        raw = "".join(lines[start:consumed])
        positions, unclosed = _scan(raw, delimiter)
        yield _Record(start + 1, tuple(values), _origins(raw, start + 1, raw_start, positions, values), unclosed)
        raw_start += len(raw)


def _origins(
    raw: str, first_line: int, raw_start: int, positions: list[tuple[list[int], int]], values: Sequence[str]
) -> tuple[CellOrigin, ...]:
    """Each value's place in the raw record text, checked against what the csv module read."""
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", raw)]
    origins = []
    for index, value in enumerate(values):
        cell = positions[index] if index < len(positions) else None
        if cell is None or "".join(raw[i] for i in cell[0]) != value:
            cell = None  # the scanner disagrees with the csv module: fall back to the record's first line
        origins.append(_origin(cell, line_starts, first_line, raw_start))
    return tuple(origins)


def _scan(raw: str, delimiter: str) -> tuple[list[tuple[list[int], int]], bool]:
    """Per field: the raw index of each value character and where the field starts; and whether
    a quoted field was never closed (a stray `"` makes the csv module read on to the end of file).

    The same state machine as the csv module with doublequote and strict=False, kept only to
    know positions; `_origins` verifies it against the csv module's values.
    """
    fields: list[tuple[list[int], int]] = []
    index, size = 0, len(raw)
    unclosed = False
    while True:
        chars: list[int] = []
        if index < size and raw[index] == '"':
            start = index + 1
            index += 1
            unclosed = True
            while index < size:
                if raw[index] == '"':
                    if index + 1 < size and raw[index + 1] == '"':
                        chars.append(index)
                        index += 2
                        continue
                    index += 1
                    unclosed = False
                    break
                chars.append(index)
                index += 1
        else:
            start = index
        while index < size and raw[index] != delimiter and raw[index] not in "\r\n":
            chars.append(index)
            index += 1
        fields.append((chars, start))
        if index < size and raw[index] == delimiter:
            index += 1
            continue
        return fields, unclosed


def _origin(cell: tuple[list[int], int] | None, line_starts: list[int], first_line: int, raw_start: int) -> CellOrigin:
    if cell is None:
        return CellOrigin((0,), (first_line,), (1,), (raw_start,))
    chars, start = cell

    def place(raw_index: int) -> tuple[int, int]:
        line_index = bisect.bisect_right(line_starts, raw_index) - 1
        return first_line + line_index, raw_index - line_starts[line_index] + 1

    anchors, lines, columns, offsets = [0], [], [], [raw_start + (chars[0] if chars else start)]
    line, column = place(chars[0] if chars else start)
    lines.append(line)
    columns.append(column)
    for offset in range(1, len(chars)):
        line, column = place(chars[offset])
        expected = (lines[-1], columns[-1] + offset - anchors[-1])
        if (line, column) != expected:
            anchors.append(offset)
            lines.append(line)
            columns.append(column)
            offsets.append(raw_start + chars[offset])
    return CellOrigin(tuple(anchors), tuple(lines), tuple(columns), tuple(offsets))


# ---------------------------------------------------------------- rows to documents


def _header_key(name: str) -> str:
    return " ".join(_NAME_SPACES.split(name.strip().lower())).strip()


def _match_columns(header: Sequence[str], layout: CsvLayout) -> dict[str, tuple[int, ...]]:
    """Role -> column indexes, matched on trimmed, case-insensitive names (`_`, `-` = space)."""
    keys = [_header_key(name) for name in header]
    columns: dict[str, tuple[int, ...]] = {}
    for role in ("text", "channel", "date", "audience", "title", "lang"):
        names = {_header_key(name) for name in getattr(layout, role)}
        found = tuple(index for index, key in enumerate(keys) if key in names)
        if found:
            columns[role] = found
    return columns


def _cell(record: _Record, indexes: Sequence[int]) -> str:
    """The cells of a role joined with a space: a separate Date and Time column make one moment."""
    return " ".join(record.values[i].strip() for i in indexes if i < len(record.values) and record.values[i].strip())


def _document(
    row: _Record,
    columns: dict[str, tuple[int, ...]],
    text_column: int,
    display: str,
    defaults: Defaults,
    day_first: bool | None,
) -> Document:
    text = row.values[text_column]
    meta: dict[str, object] = {}
    channels = tuple(normalise_channel(name) for name in split_names(_cell(row, columns.get("channel", ()))))
    audiences = tuple(name.lower() for name in split_names(_cell(row, columns.get("audience", ()))))
    if channels:
        meta["channels"] = list(channels)
    if audiences:
        meta["audience"] = list(audiences)
    date_text = _cell(row, columns.get("date", ()))
    moment = parse_schedule_date(date_text, day_first) if date_text else None
    if date_text:
        meta["publish_at"] = moment.isoformat() if moment else date_text  # unparsed: FM003 reports it
    title = _cell(row, columns.get("title", ()))
    if title:
        meta["title"] = title
    lang_text = _cell(row, columns.get("lang", ()))
    if lang_text:
        meta["lang"] = lang_text
    lang = lang_text.lower().split("-")[0] if lang_text else guess_lang(text) or defaults.lang or "en"
    return Document(
        path=display,
        text=text,
        front_matter=FrontMatter(meta, {}, 0, 0),
        body_start=0,
        prose=mask_comments(text),
        markdown_images=(),
        channels=channels or defaults.channels,
        audiences=audiences or defaults.audiences,
        lang=lang,
        publish_at=moment,
        is_markdown=False,
        row=row.line,
        origin=row.origins[text_column],
    )


__all__ = [
    "CALENDAR_SUFFIXES",
    "CellOrigin",
    "calendar_documents",
    "normalise_channel",
    "parse_schedule_date",
    "read_calendar",
    "sniff_delimiter",
    "split_names",
]
