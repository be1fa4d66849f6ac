"""GitHub Actions workflow commands, escaped exactly as the Actions toolkit escapes them."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from test_format_html import SAMPLE_RULES, sample_report

from contentlint.formatters import github
from contentlint.model.report import Report
from contentlint.model.violation import FileError, Fix, Related, Violation


def test_escaping_matches_the_toolkit():
    assert github.escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert github.escape_property("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext%3A a%2C b"
    assert github.escape_data("%0A") == "%250A"  # already-escaped text is not unescaped


def test_one_command_per_violation_with_all_properties():
    v = Violation(
        "posts/a, b.md",
        3,
        5,
        3,
        12,
        "BR001",
        "brand-name-casing",
        "error",
        "Write 'InkWell':\nnot 'Inkwell' (100%)",
        start=20,
        end=27,
    )
    assert github.render(Report((v,), (), 1), SAMPLE_RULES) == (
        "::error file=posts/a%2C b.md,line=3,col=5,endLine=3,endColumn=12,"
        "title=BR001 brand-name-casing::Write 'InkWell':%0Anot 'Inkwell' (100%25)\n"
    )


def test_levels_related_fix_and_file_errors():
    warning = Violation(
        "a.md",
        1,
        1,
        1,
        4,
        "RP001",
        "cross-channel-repeat",
        "warning",
        "Repeats.",
        related=(Related("b.md", 2, 1, "the earlier post"),),
        start=0,
        end=3,
    )
    note = Violation(
        ".\\dir\\c.md",
        1,
        1,
        1,
        4,
        "BV003",
        "wordy-phrase",
        "suggestion",
        "Shorter.",
        fix=Fix("To", 0, 11),
        start=0,
        end=3,
    )
    error = FileError("bad:file.md", "cannot read\nat all")
    lines = github.render(Report((warning, note), (error,), 3), {}).splitlines()
    assert lines == [
        "::warning file=a.md,line=1,col=1,endLine=1,endColumn=4,title=RP001 cross-channel-repeat"
        "::Repeats.%0Ab.md:2:1: the earlier post",
        "::notice file=dir/c.md,line=1,col=1,endLine=1,endColumn=4,title=BV003 wordy-phrase"
        "::Shorter.%0AFix: replace with \u201cTo\u201d",
        "::error file=bad%3Afile.md::cannot read%0Aat all",
    ]


def test_hostile_text_never_starts_another_command():
    report = sample_report()
    out = github.render(report, SAMPLE_RULES)
    lines = out.splitlines()
    assert len(lines) == len(report.violations) + len(report.errors)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert all("\r" not in line for line in lines)
    assert any("₹1600*" in line for line in lines)
    assert sum(line.startswith("::error ") for line in lines) == report.summary["error"] + len(report.errors)
