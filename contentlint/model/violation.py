"""What a rule reports, before and after the linter places it in the file.

A kind yields `Finding`s in character offsets of the document text; the linter alone turns
them into `Violation`s with line and column, so no kind ever has to count lines.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "suggestion")
SEVERITY_RANK = {"suggestion": 1, "warning": 2, "error": 3}


@dataclass(frozen=True)
class Fix:
    """Replace text[start:end] (code-point offsets into the original file) with `replacement`."""

    replacement: str
    start: int
    end: int


@dataclass(frozen=True)
class Related:
    """Another place that explains a violation (RP001 points at the post it repeats)."""

    path: str
    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Finding:
    """A problem found by a kind: offsets into `Document.text`, message arguments, optional fix.

    `message` names one of the rule YAML's `messages:` templates (a kind with several wordings,
    such as BR006's "buried" disclosure); None is the rule's `message:`. `severity` overrides
    the rule's severity for this one finding (HT001 is an error above a platform's hard cap and
    a warning above a recommended count).
    """

    start: int
    end: int
    args: Mapping[str, Any] = field(default_factory=dict)
    fix: Fix | None = None
    related: tuple[Related, ...] = ()
    severity: str | None = None
    message: str | None = None


@dataclass(frozen=True)
class Violation:
    """A finding placed in a file: the shape of one entry of `--format json` (DESIGN A5).

    `start` and `end` are the same place as code-point offsets into the file's text (for a row
    of a scheduler CSV, into the whole CSV file), so a report can mark the exact characters
    without counting lines back. They are keyword-only, and not part of the JSON contract.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: str
    message: str
    fix: Fix | None = None
    related: tuple[Related, ...] = ()
    start: int = field(kw_only=True)
    end: int = field(kw_only=True)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "fix": None
            if self.fix is None
            else {"replacement": self.fix.replacement, "start": self.fix.start, "end": self.fix.end},
            "related": [
                {"path": r.path, "line": r.line, "column": r.column, "message": r.message} for r in self.related
            ],
        }


@dataclass(frozen=True)
class FileError:
    """A file that could not be read or parsed at all (exit code 2; other files still checked)."""

    path: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}
