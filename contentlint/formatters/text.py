"""Human output: grouped per file, the offending line with a caret, one summary line."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from contentlint.formatters.columns import columns
from contentlint.formatters.escape import escape_text
from contentlint.formatters.options import RenderOptions
from contentlint.model.report import Report
from contentlint.model.rulespec import RuleSpec

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "suggestion": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
_LINES = re.compile(r"\r\n|\r|\n")


def _paint(text: str, code: str, colour: bool) -> str:
    return f"{code}{text}{_RESET}" if colour else text


def summary_line(report: Report) -> str:
    summary = report.summary
    total = sum(summary.values())
    files = report.files_checked
    checked = f"{files} file{'s' if files != 1 else ''} checked"
    if not total:
        line = f"No problems found ({checked})."
    else:
        parts = [f"{n} {s}{'s' if n != 1 else ''}" for s, n in summary.items() if n]
        line = f"{total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) in {checked}."
    fixable = sum(1 for v in report.violations if v.fix is not None)
    if fixable:
        line += f" {fixable} fixable with --fix."
    if report.errors:
        line += f" {len(report.errors)} file{'s' if len(report.errors) != 1 else ''} could not be checked."
    return line + baseline_line(report)


def baseline_line(report: Report) -> str:
    """What a baseline did, to append to the summary ('' without one)."""
    line = ""
    if report.baselined:
        n = report.baselined
        line += f" {n} finding{'s' if n != 1 else ''} in the baseline not shown."
    if report.stale_baseline:
        n = report.stale_baseline
        line += (
            f" {n} baseline entr{'ies' if n != 1 else 'y'} no longer found (fixed):"
            " run with --write-baseline to drop them."
        )
    return line


def config_line(report: Report) -> str:
    """Which config(s) the posts were checked with: `config: examples/.contentlint.yaml`."""
    if not report.configs:
        return ""
    label = "config" if len(report.configs) == 1 else "configs"
    return f"{label}: {', '.join(report.configs)}"


def render(report: Report, rules: Mapping[str, RuleSpec], options: RenderOptions = RenderOptions()) -> str:
    """Each file's path and its problems, then (not with `quiet`) the statistics, the config
    used and the summary line."""
    return _full(report, options.colour, options.statistics, summary=not options.quiet)


def _full(report: Report, colour: bool, statistics: bool, summary: bool = True) -> str:
    texts = {post.path: post.text for post in report.posts}
    out: list[str] = []
    current = None
    lines: list[str] = []
    for violation in report.violations:
        if violation.path != current:
            if current is not None:
                out.append("")
            current = violation.path
            out.append(_paint(escape_text(violation.path), _BOLD, colour))
            lines = _LINES.split(texts.get(current, ""))
        severity = _paint(f"{violation.severity:<10}", _COLOURS[violation.severity], colour)
        mark = " [*]" if violation.fix else ""
        out.append(
            f"  {violation.line}:{violation.column}".ljust(10)
            + f"{severity} {violation.code} {violation.name}{mark}  {escape_text(violation.message)}"
        )
        if 1 <= violation.line <= len(lines) and lines[violation.line - 1].strip():
            shown, start, width = _window(lines[violation.line - 1].expandtabs(1), violation)
            out.append(_paint(f"      | {shown}", _DIM, colour))
            out.append(_paint("      | " + " " * start + "^" * width, _COLOURS[violation.severity], colour))
        for related in violation.related:
            where = f"{escape_text(related.path)}:{related.line}:{related.column}"
            out.append(f"      see {where}  {escape_text(related.message)}")
    for error in report.errors:
        out.append(_paint(f"{escape_text(error.path)}: error: {escape_text(error.message)}", _COLOURS["error"], colour))
    if statistics and report.violations:
        out.append("")
        out.append(render_statistics(report))
    if not summary:
        return "\n".join(out) + "\n" if out else ""
    if out:
        out.append("")
    if report.configs:
        out.append(config_line(report))
    out.append(summary_line(report))
    return "\n".join(out) + "\n"


WINDOW = 100


def _window(source: str, violation: Any) -> tuple[str, int, int]:
    """The part of a long line around the finding, the caret's start in it and its width."""
    start = max(0, min(violation.column - 1, len(source)))
    end = violation.end_column - 1 if violation.end_line == violation.line else len(source)
    end = max(start + 1, min(end, len(source)))
    left = 0 if start < WINDOW - 20 else start - 20
    right = min(len(source), left + WINDOW)
    prefix = "…" if left else ""
    # Control characters are shown escaped (`\x1b`), so the caret is measured on the escaped text,
    # in terminal columns (an emoji takes two).
    before, marked = escape_text(source[left:start]), escape_text(source[start : max(start, min(end, right))])
    shown = prefix + escape_text(source[left:right]) + ("…" if right < len(source) else "")
    return shown, len(prefix) + columns(before), max(1, columns(marked))


def render_statistics(report: Report) -> str:
    counts: dict[tuple[str, str], int] = {}
    for violation in report.violations:
        key = (violation.code, violation.name)
        counts[key] = counts.get(key, 0) + 1
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "\n".join(f"{count:>6}  {code} {name}" for (code, name), count in rows)
