"""Violations carry code-point offsets into their file, and the HTML report marks exactly those."""

from __future__ import annotations

import bisect
import re

import pytest
from conftest import REPO

from contentlint.config.load import load_config
from contentlint.formatters import html as html_format
from contentlint.model.report import PostInfo, Report
from contentlint.model.violation import Violation
from contentlint.run import RunOptions
from contentlint.workspace import Workspace

EXAMPLES = REPO / "examples"


def line_col(text: str, offset: int) -> tuple[int, int]:
    """Line and column of an offset, lines split the way Document splits them."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    index = bisect.bisect_right(starts, offset) - 1
    return index + 1, offset - starts[index] + 1


def test_every_example_violation_sits_at_its_line_and_column(monkeypatch: pytest.MonkeyPatch) -> None:
    """Posts and the rows of a scheduler CSV alike: the offsets are into the whole file."""
    monkeypatch.chdir(EXAMPLES)
    workspace = Workspace(load_config(cwd=EXAMPLES), options=RunOptions(use_cache=False, jobs=1, all_texts=True))
    report = workspace.check_paths(["posts", "calendar.csv"])
    texts = {post.path: post.text for post in report.posts}
    assert {v.path for v in report.violations} >= {"calendar.csv"}
    for v in report.violations:
        text = texts[v.path]
        assert 0 <= v.start <= v.end <= len(text), v
        assert line_col(text, v.start) == (v.line, v.column), v
        assert line_col(text, v.end) == (v.end_line, v.end_column), v


def test_the_html_report_marks_the_offsets_not_a_recount_of_lines() -> None:
    text = "Hello\rInkwell pens\n"  # a lone CR ends a line for contentlint, not for a naive split on LF
    post = PostInfo("a.md", ("x",), (), None, "en", text)
    v = Violation("a.md", 2, 1, 2, 8, "BR001", "brand-name-casing", "error", "Write 'InkWell'", start=6, end=13)
    page = html_format.render(Report((v,), (), 1, (post,)), {})
    marked = re.findall(r'<mark class="hl[^"]*" data-ids="v1"[^>]*>(.*?)</mark>', page)
    assert marked == ["Inkwell"]
