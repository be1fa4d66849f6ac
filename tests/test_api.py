"""The Python API of DESIGN A6, as scripts and notebooks use it."""

from __future__ import annotations

from pathlib import Path

import pytest

import contentlint


def test_lint_text_with_front_matter_and_channel_argument() -> None:
    found = contentlint.lint_text("a" * 281, channel="x", config={"rules": {}})
    bv = [v for v in found if v.code == "BV001"]
    assert len(bv) == 1 and bv[0].message.startswith("281/280 weighted characters on x")
    assert (bv[0].line, bv[0].column) == (1, 281)
    found = contentlint.lint_text("---\nchannel: x\n---\n" + "a" * 281)
    assert any(v.code == "BV001" and v.line == 4 for v in found)


def test_violation_fields_match_json() -> None:
    violation = next(v for v in contentlint.lint_text("a" * 281, channel="x") if v.code == "BV001")
    assert set(violation.to_dict()) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "name",
        "severity",
        "message",
        "fix",
        "related",
    }


def test_lint_paths_report(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\nchannel: x\npublish_at: soon\n---\nHi\n", encoding="utf-8")
    report = contentlint.lint_paths([tmp_path], config={"rules": {}})
    assert report.files_checked == 1
    assert any(v.code == "FM003" for v in report.violations)
    assert report.summary["error"] >= 1


def test_measure_units() -> None:
    m = contentlint.measure("এক্সক্লুসিভ অফার", "x")
    assert (m.count, m.limit, m.unit) == (16, 280, "weighted")
    assert contentlint.measure("এক্সক্লুসিভ অফার", "bluesky").count == 9
    with pytest.raises(ValueError):
        contentlint.measure("hi", "myspace")


def test_hashtags_per_platform() -> None:
    assert contentlint.hashtags("#বাংলা and #BackToSchool") == [("বাংলা", 0, 6), ("BackToSchool", 11, 24)]
    assert contentlint.hashtags("word#tag #ok", channel="bluesky") == [("ok", 9, 12)]


def test_readability_api_survives_a_lint_run() -> None:
    text = "The cat sat on the mat. It was warm. The sun was out. " * 3
    contentlint.lint_text(text, channel="x")
    english = contentlint.readability(text, "en")
    assert english["flesch_kincaid_grade"] < 3
    bengali = contentlint.readability("আমাদের নতুন কলম এসেছে। আজই কিনুন।", "bn")
    assert "flesch_kincaid_grade" not in bengali and bengali["sentences"] == 2
