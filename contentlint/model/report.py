"""The result of a run: violations, unreadable files, and what each checked post was."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from contentlint.model.violation import SEVERITIES, FileError, Violation


@dataclass(frozen=True)
class PostInfo:
    """What the reports need to show a post: where it goes, to whom, when, and its text."""

    path: str
    channels: tuple[str, ...]
    audiences: tuple[str, ...]
    publish_at: datetime | None
    lang: str
    text: str


@dataclass(frozen=True)
class FileResult:
    """What linting one file produced: its violations, rule errors and the post's routing."""

    violations: tuple[Violation, ...]
    errors: tuple[FileError, ...]
    post: PostInfo | None


@dataclass(frozen=True)
class Report:
    violations: tuple[Violation, ...]
    errors: tuple[FileError, ...]
    files_checked: int
    posts: tuple[PostInfo, ...] = ()
    # What the user should know about the run itself, not about a post (a cache folder that
    # could not be used): shown on stderr, never a finding and never an exit code.
    notes: tuple[str, ...] = ()

    @property
    def summary(self) -> dict[str, int]:
        counts = {severity: 0 for severity in SEVERITIES}
        for violation in self.violations:
            counts[violation.severity] += 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        """The `--format json` object of DESIGN A5."""
        return {
            "version": 1,
            "files_checked": self.files_checked,
            "violations": [v.to_dict() for v in self.violations],
            "errors": [e.to_dict() for e in self.errors],
            "summary": self.summary,
        }
