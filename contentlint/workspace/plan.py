"""A run's files grouped by config: each file gets the nearest config of its folder (found once
per folder), and only the posts of that config are kept (inputs/select.py)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from contentlint.config.errors import ConfigError
from contentlint.engine.rule_set import UsageError
from contentlint.inputs.read import STDIN
from contentlint.inputs.select import FolderFilter
from contentlint.model.report import Report
from contentlint.model.violation import FileError, Violation
from contentlint.workspace.unit import ConfigUnit


@dataclass(frozen=True)
class Plan:
    """The files of a run grouped by config, path errors, and named files skipped as not posts."""

    groups: list[tuple[ConfigUnit, list[Path]]]
    errors: list[tuple[str, str]]
    skipped: list[tuple[str, str]]


def plan(
    files: Sequence[Path],
    named: set[str],
    path_errors: Sequence[tuple[str, str]],
    root_unit: ConfigUnit,
    unit_for_folder: Callable[[str], ConfigUnit],
    display: Callable[[Path], str],
    force_exclude: bool,
) -> Plan:
    """Give each file its config and keep the posts. Strings, not pathlib, and one `abspath`
    per folder: this runs for every post of an unchanged repo. A file named on the command line
    is kept unless `force_exclude` (then it is named in `skipped` when it is not a post)."""
    groups: dict[int, tuple[ConfigUnit, list[Path]]] = {}
    errors = list(path_errors)
    skipped: list[tuple[str, str]] = []
    broken: dict[str, str] = {}
    folders: dict[str, tuple[ConfigUnit | None, FolderFilter | None]] = {}  # as written -> its unit, filter
    for path in files:
        raw = str(path)
        if raw == STDIN:
            groups.setdefault(id(root_unit), (root_unit, []))[1].append(path)
            continue
        cut = raw.rfind(os.sep) + 1
        written = raw[:cut]
        if written not in folders:
            absolute_folder = os.path.abspath(written or ".")
            try:
                found = unit_for_folder(absolute_folder)
                folders[written] = (found, found.selector.in_folder(absolute_folder))
            except (ConfigError, UsageError) as exc:
                broken.setdefault(exc.args[0].split(":", 1)[0], str(exc))
                folders[written] = (None, None)
        unit, tests = folders[written]
        if unit is None or tests is None:
            errors.append((display(path), "not checked: its config has errors (see above)"))
            continue
        is_named = raw in named
        if force_exclude or not is_named:
            reason = tests.reason(raw[cut:], named=is_named)
            if reason is not None:
                if is_named:
                    skipped.append((display(path), reason))
                continue
        groups.setdefault(id(unit), (unit, []))[1].append(path)
    return Plan(list(groups.values()), [*broken.items(), *errors], skipped)


def skipped_note(skipped: Sequence[tuple[str, str]]) -> list[str]:
    """One line for the files named on the command line that were not posts (`--force-exclude`)."""
    if not skipped:
        return []
    shown = ", ".join(f"{display} ({reason})" for display, reason in skipped[:5])
    more = " ..." if len(skipped) > 5 else ""
    return [f"{len(skipped)} file{'s' if len(skipped) != 1 else ''} skipped, not posts: {shown}{more}"]


def merge_reports(
    reports: Sequence[Report], errors: Sequence[FileError], notes: Sequence[str], configs: Sequence[str]
) -> Report:
    """One report of several configs' runs."""
    return Report(
        tuple(sorted((v for r in reports for v in r.violations), key=Violation.sort_key)),
        tuple(errors) + tuple(e for r in reports for e in r.errors),
        sum(r.files_checked for r in reports),
        tuple(p for r in reports for p in r.posts),
        tuple(dict.fromkeys([*notes, *(n for r in reports for n in r.notes)])),
        tuple(dict.fromkeys(configs)),
    )
