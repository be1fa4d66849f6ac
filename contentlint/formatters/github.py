"""GitHub Actions workflow commands: each violation becomes an annotation on the pull request.

Escaping follows the Actions toolkit (`@actions/core` command.ts) byte for byte: a message that
contains a newline or `::` must not end the command early or start a new one.
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


def render(report: Report, rules: Mapping[str, RuleSpec], options: RenderOptions = RenderOptions()) -> str:
    lines = [_violation(v) for v in report.violations]
    lines += [command("error", {"file": _path(e.path)}, e.message) for e in report.errors]
    return "".join(line + "\n" for line in lines)


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
