"""Scheduler CSVs (issue 7, item 5): every row a post, every finding placed in the CSV file itself."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import contentlint
from contentlint.config.load import CsvLayout
from contentlint.inputs.calendar_csv import (
    CellOrigin,
    normalise_channel,
    parse_schedule_date,
    read_calendar,
    sniff_delimiter,
    split_names,
)
from contentlint.model.defaults import Defaults

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "calendar.csv"


LAYOUT, DEFAULTS = CsvLayout(), Defaults()


def read(text: str | bytes, layout: CsvLayout = LAYOUT, defaults: Defaults = DEFAULTS):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return read_calendar(data, "calendar.csv", layout, defaults)


def char_at(file_text: str, line: int, column: int) -> str:
    """The character at a 1-based line and column of a file, lines split the way Document splits them."""
    lines = re.split(r"\r\n|\r|\n", file_text)
    return lines[line - 1][column - 1]


# ---------------------------------------------------------------- rows and placement


def test_each_row_is_a_document_with_its_columns() -> None:
    docs, errors = read(
        "Text,Channel,Audience,Date,Title,Lang\nHello pens,X (Twitter),Students,2026-12-01 10:00,Pens,en-IN\n"
    )
    assert errors == []
    [doc] = docs
    assert (doc.path, doc.row, doc.text, doc.body) == ("calendar.csv", 2, "Hello pens", "Hello pens")
    assert doc.channels == ("x",)
    assert doc.audiences == ("students",)
    assert doc.publish_at == datetime(2026, 12, 1, 10, 0)
    assert doc.title == "Pens"
    assert doc.lang == "en"
    assert doc.meta["publish_at"] == "2026-12-01T10:00:00"
    assert not doc.is_markdown


def test_quoted_multiline_cell_with_doubled_quotes_maps_to_file_positions() -> None:
    file_text = 'Text,Channel\n"Say ""hi""\nto the team",linkedin\nNext post,x\n'
    docs, errors = read(file_text)
    assert errors == []
    first, second = docs
    assert first.text == 'Say "hi"\nto the team'
    assert (first.row, second.row) == (2, 4)
    for offset, char in enumerate(first.text):
        if char != "\n":
            assert char_at(file_text, *first.line_col(offset)) == char
    assert first.line_col(first.text.index("team")) == (3, 8)
    assert first.line_col(len(first.text)) == (3, 12)  # end of the cell, before the closing quote
    assert second.line_col(0) == (4, 1)


def test_utf8_bom_and_windows_line_endings() -> None:
    file_text = 'Text,Channel\r\n"Line one\r\nline two",x\r\nSecond,instagram\r\n'
    docs, errors = read(codecs.BOM_UTF8 + file_text.encode("utf-8"))
    assert errors == []
    assert [d.row for d in docs] == [2, 4]
    assert docs[0].text == "Line one\r\nline two"
    assert docs[0].line_col(docs[0].text.index("two")) == (3, 6)
    assert docs[1].channels == ("instagram",)


def test_bengali_text_columns_count_code_points_and_language_is_guessed() -> None:
    file_text = 'Channel,Text\nfacebook,"নতুন কলম! আমাদের জেল পেন #ইঙ্কওয়েল"\n'
    [doc], _ = read(file_text)
    assert doc.lang == "bn"
    offset = doc.text.index("#")
    line, column = doc.line_col(offset)
    assert (line, char_at(file_text, line, column)) == (2, "#")
    assert column == len('facebook,"') + offset + 1


def test_utf16_tab_separated_export_from_excel() -> None:
    file_text = "Message\tNetwork\tScheduled Time\r\nপরীক্ষা শুরু! #ইঙ্কওয়েল\tInstagram Business\t2026-12-12 09:00\r\n"
    data = codecs.BOM_UTF16_LE + file_text.encode("utf-16-le")
    [doc], errors = read(data)
    assert errors == []
    assert doc.text == "পরীক্ষা শুরু! #ইঙ্কওয়েল"
    assert doc.channels == ("instagram",)
    assert doc.publish_at == datetime(2026, 12, 12, 9, 0)


@pytest.mark.parametrize("delimiter", [";", "\t", "|", ","])
def test_delimiter_is_taken_from_the_header_line(delimiter: str) -> None:
    header = delimiter.join(["Post", "Platform", "Publish date"])
    row = delimiter.join(['"Hello, world; a | b"', "Threads", "2026-12-07 12:00"])
    [doc], errors = read(f"{header}\n{row}\n")
    assert errors == []
    assert doc.text == "Hello, world; a | b"
    assert doc.channels == ("threads",)


def test_delimiters_inside_quoted_header_names_are_not_counted() -> None:
    assert sniff_delimiter('"a;b;c;d",Text\nx,y\n') == ","
    assert sniff_delimiter("Text\nhello, there\n") == ","  # one column: the default


def test_headers_match_case_insensitively_trimmed_and_with_underscores() -> None:
    [doc], errors = read("  CONTENT , Social Network ,Scheduled_At\nHi,LinkedIn,2026-12-03\n")
    assert errors == []
    assert (doc.text, doc.channels, doc.publish_at) == ("Hi", ("linkedin",), datetime(2026, 12, 3))


def test_config_renames_the_columns() -> None:
    layout = CsvLayout(text=("caption text",), channel=("where",))
    [doc], errors = read("Caption Text,Where\nHi,Bluesky\n", layout)
    assert errors == []
    assert (doc.text, doc.channels) == ("Hi", ("bluesky",))


def test_missing_text_column_is_an_error_naming_the_file_and_the_expected_headers() -> None:
    docs, errors = read("Channel,Date\nx,2026-12-01\n")
    assert docs == []
    [error] = errors
    assert error.path == "calendar.csv"
    assert "'text'" in error.message and "'caption'" in error.message and "'Channel'" in error.message


def test_empty_text_row_is_reported_with_its_line_and_other_rows_are_still_read() -> None:
    docs, errors = read('Text,Channel\n"multi\nline",x\n,x\nlast,x\n')
    assert [d.text for d in docs] == ["multi\nline", "last"]
    assert [e.message.split(":")[0] for e in errors] == ["line 4"]
    assert "empty" in errors[0].message


def test_blank_rows_are_skipped_and_a_header_only_file_has_no_posts() -> None:
    docs, errors = read("Text,Channel\n\n,\nHi,x\n")
    assert ([d.row for d in docs], errors) == ([4], [])
    assert read("Text,Channel\n") == ([], [])


def test_unreadable_and_empty_files_are_errors() -> None:
    assert "UTF-8" in read(b"Text\n\xff\xfe\xfa oops\n")[1][0].message
    assert "empty CSV" in read(b"")[1][0].message


def test_a_stray_quote_that_swallows_the_file_is_reported() -> None:
    docs, errors = read('Text\nfine\n"never closed\nmore rows\n')
    assert next(d.text for d in docs) == "fine"
    assert [e.message.split(":")[0] for e in errors] == ["line 3"]
    assert "never closed" in errors[0].message


def test_no_channel_or_audience_column_uses_the_defaults() -> None:
    [doc], _ = read("Text\nHi\n", defaults=Defaults(channels=("x",), audiences=("students",), lang="bn"))
    assert (doc.channels, doc.audiences, doc.lang) == (("x",), ("students",), "bn")
    assert "channels" not in doc.meta and "audience" not in doc.meta


def test_separate_date_and_time_columns_make_one_moment() -> None:
    [doc], _ = read("Text,Date,Time\nHi,2026-12-01,10:30\n")
    assert doc.publish_at == datetime(2026, 12, 1, 10, 30)


def test_bad_date_keeps_the_row_and_leaves_the_value_for_fm003() -> None:
    [doc], errors = read("Text,Date\nHi,next tuesday\n")
    assert errors == []
    assert doc.publish_at is None
    assert doc.meta["publish_at"] == "next tuesday"


# ---------------------------------------------------------------- channels


@pytest.mark.parametrize(
    ("written", "channel"),
    [
        ("Twitter", "x"),
        ("X (Twitter)", "x"),
        ("X", "x"),
        ("twitter/x", "x"),
        ("LinkedIn Page", "linkedin"),
        ("LinkedIn Company Page", "linkedin"),
        ("LinkedIn Article", "linkedin-article"),
        ("Instagram Business", "instagram"),
        ("Facebook Page", "facebook"),
        ("Google Business Profile", "google-business"),
        ("Google My Business", "google-business"),
        ("YouTube", "youtube"),
        ("TikTok", "tiktok"),
        ("Pinterest", "pinterest"),
        ("Threads", "threads"),
        ("Bluesky", "bluesky"),
        ("Mastodon", "mastodon"),
        ("  Some New Network ", "some-new-network"),  # unknown: left for FM002 with its hint
    ],
)
def test_channel_names_as_schedulers_write_them(written: str, channel: str) -> None:
    assert normalise_channel(written) == channel


def test_several_channels_in_one_cell() -> None:
    assert split_names("X (Twitter), LinkedIn Page; Threads | Bluesky ,") == [
        "X (Twitter)",
        "LinkedIn Page",
        "Threads",
        "Bluesky",
    ]
    [doc], _ = read('Text,Channel\nHi,"Twitter; Facebook Page|Instagram Business"\n')
    assert doc.channels == ("x", "facebook", "instagram")
    assert doc.meta["channels"] == ["x", "facebook", "instagram"]


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("written", "moment"),
    [
        ("2026-12-01", datetime(2026, 12, 1)),
        ("2026-12-01 10:00", datetime(2026, 12, 1, 10)),
        ("2026-12-01T10:00:00+05:30", datetime(2026, 12, 1, 10, tzinfo=timezone(timedelta(hours=5, minutes=30)))),
        ("2026-12-01T04:30:00Z", datetime(2026, 12, 1, 4, 30, tzinfo=timezone.utc)),
        ("2026/12/01 18:45", datetime(2026, 12, 1, 18, 45)),
        ("Dec 1, 2026 10:00 AM", datetime(2026, 12, 1, 10)),
        ("December 1 2026 12:15 am", datetime(2026, 12, 1, 0, 15)),
        ("1 Dec 2026 9:05 PM", datetime(2026, 12, 1, 21, 5)),
        ("Tue, 01 Dec 2026 10:00", datetime(2026, 12, 1, 10)),
        ("01-Dec-2026", datetime(2026, 12, 1)),
        ("25/12/2026 10:00", datetime(2026, 12, 25, 10)),  # a day above 12 settles it
        ("12/25/2026 10:00", datetime(2026, 12, 25, 10)),
        ("05.05.2026", datetime(2026, 5, 5)),  # day and month equal: no ambiguity
    ],
)
def test_unambiguous_dates_are_read(written: str, moment: datetime) -> None:
    assert parse_schedule_date(written) == moment


@pytest.mark.parametrize(
    "written",
    [
        "12/01/2026 10:00",
        "01.12.2026",
        "2026-02-30",
        "31/11/2026",
        "13:00 PM 2026-12-01",
        "Dec 1, 2026 13:00 PM",
        "Smarch 1, 2026",
        "tomorrow",
        "10:00",
    ],
)
def test_ambiguous_or_impossible_dates_are_not_guessed(written: str) -> None:
    assert parse_schedule_date(written) is None


def test_the_file_settles_day_and_month_order() -> None:
    day_first, _ = read("Text,Date\na,25/12/2026\nb,01/12/2026 10:00\n")
    assert day_first[1].publish_at == datetime(2026, 12, 1, 10)
    month_first, _ = read("Text,Date\na,12/25/2026\nb,01/12/2026 10:00\n")
    assert month_first[1].publish_at == datetime(2026, 1, 12, 10)
    undecided, _ = read("Text,Date\nb,01/12/2026 10:00\n")
    assert undecided[0].publish_at is None
    contradicting, _ = read("Text,Date\na,25/12/2026\nc,12/25/2026\nb,01/12/2026\n")
    assert [d.publish_at is None for d in contradicting] == [False, False, True]


# ---------------------------------------------------------------- any CSV a spreadsheet writes

# Line breaks inside a cell come as "\n" or "\r\n", as spreadsheets write them (a lone "\r" is not
# even quoted by Python's own csv writer when the line terminator is "\n").
_CELL = (
    st.lists(
        st.sampled_from(list("ab ,;|\t\"'#") + ["\n", "\r\n", "ক", "্", "ষ", "😀", "\u200d"]), min_size=1, max_size=30
    )
    .map("".join)
    .filter(lambda s: s.strip())
)


@settings(max_examples=150, deadline=None)
@given(
    cells=st.lists(st.tuples(_CELL, st.sampled_from(["x", "LinkedIn Page", "Threads"])), min_size=1, max_size=5),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    terminator=st.sampled_from(["\n", "\r\n"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
)
def test_any_written_csv_reads_back_and_every_character_is_placed(
    cells: list[tuple[str, str]], delimiter: str, terminator: str, quoting: int
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=terminator, quoting=quoting)
    writer.writerow(["Channel", "Text"])
    for text, channel in cells:
        writer.writerow([channel, text])
    file_text = buffer.getvalue()
    docs, errors = read(file_text)
    assert errors == []
    assert [d.text for d in docs] == [text for text, _ in cells]
    for doc in docs:
        assert doc.line_col(0)[0] == doc.row or doc.text.startswith(("\n", "\r"))
        for offset, char in enumerate(doc.text):
            assert file_text[doc.file_offset(offset)] == char
            if char not in "\r\n":
                assert char_at(file_text, *doc.line_col(offset)) == char


def test_cell_origin_continues_columns_between_anchors() -> None:
    origin = CellOrigin(anchors=(0, 4), lines=(2, 3), columns=(5, 1), offsets=(20, 26))
    assert [origin.line_col(o) for o in (0, 3, 4, 9)] == [(2, 5), (2, 8), (3, 1), (3, 6)]
    assert [origin.file_offset(o) for o in (0, 3, 4, 9)] == [20, 23, 26, 31]


# ---------------------------------------------------------------- the example export


def test_example_calendar_reads_as_documented() -> None:
    docs, errors = read(EXAMPLE.read_bytes())
    assert 10 <= len(docs) + len(errors) <= 15
    assert [e.message.split(":")[0] for e in errors] == ["line 13"]  # the empty text cell
    assert sum(1 for d in docs if len(d.channels) == 2) == 2
    assert {d.lang for d in docs} == {"en", "bn"}
    assert [d.meta["publish_at"] for d in docs if d.publish_at is None] == ["04/12/2026 18:00"]
    assert all(char_at(EXAMPLE.read_text("utf-8"), *d.line_col(0)) == d.text[0] for d in docs)


# ---------------------------------------------------------------- through the linter

CONFIG = {
    "audiences": {"students": {"channels": ["x", "instagram"]}},
    "rules": {"off-brand": "off"},
}


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "calendar.csv"
    path.write_bytes(text.encode("utf-8"))
    return path


def test_lint_paths_places_findings_inside_the_csv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    long_post = "Pens " * 70 + "end"  # 353 characters: over X's 280
    path = _write(
        tmp_path,
        (
            "Text,Channel,Audience,Date\n"
            f'"Two lines,\nthen {long_post}",X (Twitter),students,2026-12-01 10:00\n'
            "Short post,Instagram Business,students,next week\n"
            ",x,students,2026-12-03\n"
            "Another,Myspace,students,2026-12-04\n"
        ),
    )
    report = contentlint.lint_paths([path], config={**CONFIG, "cache_dir": str(tmp_path / "cache")})
    by_code = {v.code: v for v in report.violations}
    over = by_code["BV001"]
    assert (over.path, over.line) == ("calendar.csv", 3)
    assert over.column == 280 - len("Two lines,\n") + 1  # X's cut at character 280, on the cell's second line
    assert char_at(path.read_text("utf-8"), over.line, over.column) == f"Two lines,\nthen {long_post}"[280]
    assert over.fix is None
    assert (by_code["FM003"].line, by_code["FM003"].column) == (4, 1)
    assert "next week" in by_code["FM003"].message
    assert by_code["FM002"].line == 6 and "myspace" in by_code["FM002"].message
    assert [(e.path, e.message.split(":")[0]) for e in report.errors] == [("calendar.csv", "line 5")]
    assert report.files_checked == 1


def test_cli_json_reports_csv_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from contentlint.cli import main

    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "Text;Channel;Date\nFine post;Threads;2026/12/07 12:00\nOther;x;31/31/2026\n")
    result = CliRunner().invoke(main, ["check", "calendar.csv", "--format", "json", "--no-cache", "--select", "FM003"])
    payload = json.loads(result.output)
    assert [(v["path"], v["line"], v["code"]) for v in payload["violations"]] == [("calendar.csv", 3, "FM003")]
    assert result.exit_code == 1


def test_repetition_rules_see_rows_as_posts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    post = "Exams are coming! Our gel pens dry in a second, so your notes stay clean and tidy all term."
    path = _write(
        tmp_path,
        (
            "Text,Channel,Audience,Date\n"
            f'"{post}",x,students,2026-12-01 10:00\n'
            "Something else entirely about desks and lamps for the new year.,x,students,2026-12-02 10:00\n"
            f'"{post}",x,students,2026-12-03 10:00\n'
        ),
    )
    report = contentlint.lint_paths([path], config={**CONFIG, "cache_dir": str(tmp_path / "cache")})
    repeats = [v for v in report.violations if v.code == "RP002"]
    assert repeats and {v.line for v in repeats} <= {2, 4}
    assert all(r.path == "calendar.csv" and r.line in (2, 4) for v in repeats for r in v.related)
