"""The formatter registry: one signature for every format, found by name, options in one object."""

from __future__ import annotations

import inspect
from importlib import import_module

import pytest

from contentlint.formatters import FORMATS, Format, RenderOptions, render
from contentlint.formatters import concise as concise_format
from contentlint.model.report import PostInfo, Report
from contentlint.model.violation import Violation

POST = PostInfo("posts/a.md", ("x",), (), None, "en", "Hello Inkwell\n")
FINDING = Violation(
    "posts/a.md", 1, 7, 1, 14, "BR001", "brand-name-casing", "error", "Write 'InkWell'", start=6, end=13
)
REPORT = Report((FINDING,), (), 1, (POST,))


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_has_the_one_signature(name: str) -> None:
    module = import_module(f"contentlint.formatters.{FORMATS[name].module}")
    assert list(inspect.signature(module.render).parameters) == ["report", "rules", "options"]
    rendered = render(name, REPORT, {}, RenderOptions(colour=True, statistics=True, quiet=True))
    assert isinstance(rendered, str) and rendered


def test_a_new_format_is_one_registry_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(FORMATS, "plain", Format("concise"))
    assert render("plain", REPORT, {}) == concise_format.render(REPORT, {})


def test_text_options_colour_statistics_quiet() -> None:
    plain = render("text", REPORT, {})
    assert "\033[" not in plain and plain.endswith("1 problem (1 error) in 1 file checked.\n")
    assert "\033[31m" in render("text", REPORT, {}, RenderOptions(colour=True))
    assert "     1  BR001 brand-name-casing" in render("text", REPORT, {}, RenderOptions(statistics=True))
    quiet = render("text", REPORT, {}, RenderOptions(quiet=True))
    assert "BR001" in quiet and "\n\n" not in quiet
    clean = Report((), (), 1, (POST,))
    assert render("text", clean, {}, RenderOptions(quiet=True)) == ""  # no summary, even when clean


def test_only_the_text_format_ends_with_the_summary_and_only_html_needs_every_text() -> None:
    assert [name for name, f in FORMATS.items() if f.has_summary] == ["text"]
    assert [name for name, f in FORMATS.items() if f.all_texts] == ["html"]


def test_the_caret_sits_under_the_finding_after_emoji_and_under_bengali_signs() -> None:
    """Three emoji take six terminal columns, not three (issue 17): the caret must be under
    "cheap", as a terminal draws the line."""
    from contentlint.formatters.columns import columns
    from contentlint.workspace import Workspace

    text = "---\nchannel: x\n---\n😀😀😀 cheap pens\n"
    found = Workspace({"brand": {"terms": {"prefer": {"cheap": "affordable"}}}}).check_text(text, path="p.md")
    [violation] = [v for v in found if v.code == "BR002"]
    post = PostInfo("p.md", ("x",), (), None, "en", text)
    output = render("text", Report((violation,), (), 1, (post,)), {}, RenderOptions())
    _shown, caret = [line for line in output.splitlines() if line.startswith("      | ")][:2]
    assert caret.index("^") == len("      | ") + 6 + 1  # three emoji, then a space
    assert columns("কলম") == 3 and columns("ক্ষ") == 2  # a virama takes no column
