"""Violations as LSP diagnostics: ranges in the client's units, severity from the rule's level,
the rule code and a link to its documentation, the fix in `data`, and the earlier post of a
repetition finding as related information."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from lsprotocol import types

from contentlint.lsp.checker import Checked, ConfigProblem
from contentlint.lsp.positions import Lines
from contentlint.model.violation import Related, Violation

SOURCE = "contentlint"
_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "suggestion": types.DiagnosticSeverity.Information,
}
SUGGESTION_SEVERITIES = {"information": types.DiagnosticSeverity.Information, "hint": types.DiagnosticSeverity.Hint}
_LINE_PREFIX = re.compile(r"line (\d+): ")

Locate = Callable[[Related], "types.Location | None"]


def to_diagnostic(
    violation: Violation,
    lines: Lines,
    *,
    suggestion: types.DiagnosticSeverity = types.DiagnosticSeverity.Information,
    href: str | None = None,
    locate: Locate | None = None,
) -> types.Diagnostic:
    severity = suggestion if violation.severity == "suggestion" else _SEVERITY[violation.severity]
    fix = violation.fix
    related = []
    for other in violation.related:
        location = locate(other) if locate is not None else None
        if location is not None:
            related.append(types.DiagnosticRelatedInformation(location=location, message=other.message))
    return types.Diagnostic(
        range=lines.span(violation.line, violation.column, violation.end_line, violation.end_column),
        severity=severity,
        code=violation.code,
        code_description=types.CodeDescription(href=href) if href else None,
        source=SOURCE,
        message=violation.message,
        related_information=related or None,
        data={
            "name": violation.name,
            "fix": None if fix is None else {"replacement": fix.replacement, "start": fix.start, "end": fix.end},
        },
    )


def problem_diagnostic(message: str, lines: Lines) -> types.Diagnostic:
    """Something that could not be checked: on its line when the message names one ("line 4:
    a quoted cell is never closed"), else on the first line. Never silent."""
    found = _LINE_PREFIX.match(message)
    line = int(found.group(1)) if found else 1
    return types.Diagnostic(
        range=types.Range(start=lines.point(line, 1), end=lines.point(line, len(lines.line(line - 1)) + 1)),
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
        message=message,
    )


def diagnostics(
    checked: Checked,
    lines: Lines,
    *,
    suggestion: types.DiagnosticSeverity = types.DiagnosticSeverity.Information,
    href: Callable[[str], str | None] = lambda code: None,
    locate: Locate | None = None,
) -> list[types.Diagnostic]:
    found = [problem_diagnostic(message, lines) for message in checked.problems]
    found += [
        to_diagnostic(violation, lines, suggestion=suggestion, href=href(violation.code), locate=locate)
        for violation in checked.violations
    ]
    return found


def config_diagnostic(problem: ConfigProblem, lines: Lines, *, kept: bool) -> types.Diagnostic:
    """A broken config: one diagnostic on the key's line of the config file. `kept`: an earlier
    good config is still in force (else no post is checked until this is fixed)."""
    line = problem.line or 1
    message = f"{problem.key}: {problem.message}" if problem.key else problem.message
    consequence = (
        "the last good config is used until this is fixed" if kept else "no post is checked until this is fixed"
    )
    return types.Diagnostic(
        range=types.Range(start=lines.point(line, 1), end=lines.point(line, len(lines.line(line - 1)) + 1)),
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
        message=f"{message} ({consequence})",
    )


def related_location(
    other: Related, root: Path, text_of: Callable[[Path], str | None], lines_of: Callable[[str], Lines]
) -> types.Location:
    """Where the other post is (from its line and column to the end of that line), in the
    client's units when its text can be read."""
    path = Path(other.path)
    path = path if path.is_absolute() else root / path
    text = text_of(path)
    if text is None:
        start = types.Position(line=max(other.line - 1, 0), character=max(other.column - 1, 0))
        span = types.Range(start=start, end=start)
    else:
        lines = lines_of(text)
        span = lines.span(other.line, other.column, other.line, len(lines.line(other.line - 1)) + 1)
    return types.Location(uri=path.as_uri(), range=span)
