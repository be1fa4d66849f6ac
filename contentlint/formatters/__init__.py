"""Output formats: one module per format, found in `FORMATS`, all with one signature.

    render(report: Report, rules: Mapping[str, RuleSpec], options: RenderOptions) -> str

`rules` is the catalogue by code (for descriptions and help); `options` carries what the
command line says (colour, statistics, quiet), and a format ignores what does not apply to it.
Formatters depend on the model only: a report in, text out.

To add a format:
1. write `contentlint/formatters/<name>.py` with a `render` of the signature above;
2. add one entry to `FORMATS` below (say whether its output already ends with the summary
   line, and whether it shows every post's text rather than only the flagged ones);
3. add a test (`tests/test_format_<name>.py`) and a golden file (`tests/golden/examples.<name>`,
   written by `tests/test_golden.py`'s regeneration). `contentlint check --format` lists it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import import_module

from contentlint.formatters.options import RenderOptions
from contentlint.model.report import Report
from contentlint.model.rulespec import RuleSpec

__all__ = ["FORMATS", "Format", "RenderOptions", "render"]


@dataclass(frozen=True)
class Format:
    """One output format: its module, and the two things the CLI needs to know about it.

    `has_summary`: the output ends with the human summary line; for the other formats the CLI
    prints that line on stderr when the report goes to a file. `all_texts`: the format shows
    every post's text, so the run keeps the text of clean posts too.
    """

    module: str
    has_summary: bool = False
    all_texts: bool = False


FORMATS: dict[str, Format] = {
    "text": Format("text", has_summary=True),
    "concise": Format("concise"),
    "json": Format("json_format"),
    "sarif": Format("sarif"),
    "github": Format("github"),
    "gitlab": Format("gitlab"),
    "junit": Format("junit"),
    "html": Format("html", all_texts=True),
}


def render(name: str, report: Report, rules: Mapping[str, RuleSpec], options: RenderOptions = RenderOptions()) -> str:
    """The report in format `name`; the format's module is imported when it is first asked for."""
    module = import_module(f"contentlint.formatters.{FORMATS[name].module}")
    rendered: str = module.render(report, rules, options)
    return rendered
