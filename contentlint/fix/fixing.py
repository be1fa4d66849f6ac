"""`--fix` and `--diff` over a report: fix each file until no fix is left, write atomically."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from contentlint.engine.engine import Engine
from contentlint.fix.apply import (
    MAX_PASSES,
    FileChanged,
    apply_fixes,
    fixable,
    remove_stale_temporaries,
    save,
    source_of,
    unified_diff,
)
from contentlint.inputs.source import SourceError
from contentlint.model.report import Report
from contentlint.model.violation import FileError, Violation


@dataclass(frozen=True)
class FixOutcome:
    """What fixing a report did: the unified diff of every change, files it could not fix, and
    how many fixes each changed file took (written, or that would be with `write`)."""

    diff: str
    errors: tuple[FileError, ...]
    fixed: Mapping[str, int] = field(default_factory=dict)


def fixed_text(engine: Engine, path: str, text: str, violations: Sequence[Violation]) -> tuple[str, int]:
    """Apply fixes, re-lint, repeat: a fix may reveal or unblock another (overlaps wait a pass)."""
    total = 0
    current = text
    pending = fixable(violations)
    for _ in range(MAX_PASSES):
        if not pending:
            break
        current, applied = apply_fixes(current, pending)
        if not applied:
            break
        total += applied
        found, _ = engine.lint_document(engine.parse(path, current))
        pending = fixable(found)
    return current, total


def fix_files(engine: Engine, report: Report, *, write: bool) -> FixOutcome:
    """Fix the files of a report (write them when `write`); the caller checks them again."""
    by_path: dict[str, list[Violation]] = {}
    for violation in report.violations:
        if violation.fix is not None:
            by_path.setdefault(violation.path, []).append(violation)
    diffs: list[str] = []
    errors: list[FileError] = []
    fixed: dict[str, int] = {}
    posts = {post.path: post for post in report.posts}
    if write:  # before writing anything: what a killed run left behind goes before this run adds its own
        for folder in sorted({Path(path).parent for path in posts if path != "<stdin>"}):
            remove_stale_temporaries(folder)
    for path, violations in sorted(by_path.items()):
        if path == "<stdin>" or path not in posts:
            continue
        file_path = Path(path)
        try:
            original, source = source_of(file_path)
        except (OSError, SourceError) as exc:
            errors.append(FileError(path, f"cannot fix: {exc}"))
            continue
        if source.text != posts[path].text:
            errors.append(FileError(path, "changed while contentlint was running; not fixed"))
            continue
        new_text, applied = fixed_text(engine, path, source.text, violations)
        if not applied or new_text == source.text:
            continue
        diffs.append(unified_diff(path, source.text, new_text))
        if write:
            try:
                save(file_path, source, new_text, original)
            except FileChanged as exc:
                errors.append(FileError(path, str(exc)))
            except OSError as exc:
                errors.append(FileError(path, f"cannot write fix: {exc.strerror or exc}"))
                continue
        fixed[path] = applied
    return FixOutcome("".join(diffs), tuple(errors), fixed)
