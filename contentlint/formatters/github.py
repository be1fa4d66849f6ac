"""GitHub Actions workflow commands: each violation becomes an annotation on the pull request.

Escaping follows the Actions toolkit (`@actions/core` command.ts) byte for byte: a message that
contains a newline or `::` must not end the command early or start a new one.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (50 per job) and
drops the rest without a word; so the log says how many it will not show, and `step_summary`
(written to `$GITHUB_STEP_SUMMARY` by the CLI) lists every finding on the run's summary page.
"""

from __future__ import annotations

from collections.abc import Mapping

from contentlint.formatters.escape import escape_keeping_newlines, escape_text
from contentlint.formatters.options import RenderOptions
from contentlint.model.report import Report
from contentlint.model.rulespec import RuleSpec
from contentlint.model.violation import Violation

COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(value: str) -> str:
    """The message part, after the final `::`."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A `key=value` property: also `:` and `,`, which separate properties and the message."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: Mapping[str, object], message: str) -> str:
    """A workflow command; control characters from posts and file names are shown as visible
    escapes first (the log is a terminal too), then the toolkit's escaping applies."""
    props = ",".join(f"{key}={escape_property(escape_text(str(value)))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(escape_keeping_newlines(message))}"


ANNOTATIONS_PER_LEVEL = 10  # per step, for each of error, warning and notice


def render(report: Report, rules: Mapping[str, RuleSpec], options: RenderOptions = RenderOptions()) -> str:
    lines = [_violation(v) for v in report.violations]
    lines += [command("error", {"file": _path(e.path)}, e.message) for e in report.errors]
    hidden = hidden_annotations(report)
    if hidden:
        lines.append(
            f"contentlint: GitHub shows {ANNOTATIONS_PER_LEVEL} annotations of each level per step, so {hidden} of "
            f"these {len(lines)} will not appear on the pull request; every finding is listed above and in the job "
            "summary."
        )
    return "".join(line + "\n" for line in lines)


def hidden_annotations(report: Report) -> int:
    """How many annotations of this report GitHub will not show (over 10 of a level)."""
    counts: dict[str, int] = {}
    for v in report.violations:
        level = COMMANDS.get(v.severity, "warning")
        counts[level] = counts.get(level, 0) + 1
    counts["error"] = counts.get("error", 0) + len(report.errors)
    return sum(max(0, n - ANNOTATIONS_PER_LEVEL) for n in counts.values())


def step_summary(report: Report, rules: Mapping[str, RuleSpec]) -> str:
    """Every finding as a Markdown table for the job's summary page (`$GITHUB_STEP_SUMMARY`)."""
    total = len(report.violations)
    out = ["## contentlint", ""]
    configs = f" with {', '.join(f'`{_cell(c)}`' for c in report.configs)}" if report.configs else ""
    out.append(f"{total} problem{'s' if total != 1 else ''} in {report.files_checked} files checked{configs}.")
    hidden = hidden_annotations(report)
    if hidden:
        out.append(
            f"{hidden} of them are not shown as annotations "
            f"(GitHub shows {ANNOTATIONS_PER_LEVEL} of each level per step)."
        )
    if report.baselined:
        out.append(f"{report.baselined} finding{'s' if report.baselined != 1 else ''} in the baseline not shown.")
    if report.violations:
        out += ["", "| file | line | severity | rule | message |", "|---|---|---|---|---|"]
        for v in report.violations:
            where = f"{_cell(_path(v.path))} | {v.line}:{v.column}"
            out.append(f"| {where} | {v.severity} | {v.code} {v.name} | {_cell(v.message)} |")
    if report.errors:
        out += ["", "| file | could not be checked |", "|---|---|"]
        out += [f"| {_cell(_path(e.path))} | {_cell(e.message)} |" for e in report.errors]
    return "\n".join(out) + "\n\n"


def _cell(text: str) -> str:
    """Text for a Markdown table cell: no line breaks, `|` and HTML escaped."""
    return " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def _violation(v: Violation) -> str:
    properties = {
        "file": _path(v.path),
        "line": v.line,
        "col": v.column,
        "endLine": v.end_line,
        "endColumn": v.end_column,
        "title": f"{v.code} {v.name}",
    }
    message = v.message
    for related in v.related:
        message += f"\n{related.path}:{related.line}:{related.column}: {related.message}"
    if v.fix is not None:
        message += f"\nFix: replace with \u201c{v.fix.replacement}\u201d" if v.fix.replacement else "\nFix: delete it"
    return command(COMMANDS.get(v.severity, "warning"), properties, message)


def _path(path: str) -> str:
    """Annotations need repository-relative paths with forward slashes."""
    posix = path.replace("\\", "/")
    while posix.startswith("./"):
        posix = posix[2:]
    return posix
