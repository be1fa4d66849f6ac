"""Baselines: adopt contentlint on a repo that already has findings without turning rules off.

`check --write-baseline FILE` records every finding of the run; `check --baseline FILE` (or
`baseline:` in the config) reports, and fails on, only the findings that are not in it.

An entry is the file, the rule, the flagged text (quoted, so a reviewer sees what was accepted)
and a fingerprint of that text and the line around it (model/fingerprint.py). Line numbers are
not part of it, so an edit elsewhere in the post keeps every entry; an entry whose line was
edited still matches a finding of the same rule on the same text in that file. A finding that is
fixed leaves its entry unmatched: the run counts these stale entries and says to write the
baseline again, so the file only ever shrinks. Files the run did not check (a pre-commit run
names only the changed ones) keep their entries, and writing a baseline from such a run keeps
theirs too.

Compared with ESLint's bulk suppressions (a count per file and rule: a new finding of a rule is
hidden while an old one of the same rule is fixed) and detekt's baseline (an id per finding, not
shown as the text it is about), each entry here is one finding, shown as its text.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from contentlint.inputs.read import ReadError, read_bytes
from contentlint.model.fingerprint import content_fingerprint, shown_text
from contentlint.model.report import Report
from contentlint.model.violation import Violation
from contentlint.text import yamlsafe

VERSION = 1
HEADER = """\
# contentlint baseline: findings accepted when contentlint was adopted. `contentlint check`
# reports only findings that are not listed here. Each entry is one finding: its rule, the text
# it flags and a fingerprint of that text and its line (line numbers are not used, so edits
# elsewhere in a post keep it). Fixed findings leave stale entries: run
# `contentlint check --write-baseline FILE` again to drop them; the list should only shrink.
"""


class BaselineError(Exception):
    """A baseline that cannot be read; the message names the file (and line)."""


@dataclass(frozen=True)
class Entry:
    path: str  # relative to the baseline's folder, with `/`
    rule: str  # the code
    text: str  # the flagged text as shown
    fingerprint: str
    label: str = ""  # "BR001 brand-name-casing", as written


@dataclass(frozen=True)
class Baseline:
    path: Path
    entries: tuple[Entry, ...]

    @property
    def folder(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))


def load(path: Path) -> Baseline:
    try:
        raw = read_bytes(path)
    except ReadError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    try:
        data, _ = yamlsafe.load(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BaselineError(f"{path}: baseline is not valid UTF-8") from None
    except yamlsafe.YamlError as exc:
        raise BaselineError(f"{path}:{exc.line or 1}: {exc.message}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), dict):
        raise BaselineError(f"{path}: not a contentlint baseline (version: {VERSION} and findings: by file)")
    entries = []
    for file, items in data["findings"].items():
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict) or not {"rule", "fingerprint"} <= set(item):
                raise BaselineError(f"{path}: {file}: each entry needs `rule` and `fingerprint`")
            label = str(item["rule"])
            entries.append(
                Entry(str(file), label.split()[0], str(item.get("text", "")), str(item["fingerprint"]), label)
            )
    return Baseline(path, tuple(entries))


def _relative(display: str, root: Path, folder: str) -> str:
    absolute = os.path.abspath(os.path.join(root, display))
    return os.path.relpath(absolute, folder).replace(os.sep, "/")


def entries_of(report: Report, root: Path, folder: str, violations: Iterable[Violation] | None = None) -> list[Entry]:
    texts = {post.path: post.text for post in report.posts}
    return [
        Entry(
            _relative(v.path, root, folder),
            v.code,
            shown_text(v, texts.get(v.path, "")),
            content_fingerprint(v, texts.get(v.path, "")),
            f"{v.code} {v.name}",
        )
        for v in (report.violations if violations is None else violations)
    ]


def apply(report: Report, baseline: Baseline, root: Path, only: Sequence[str] | None = None) -> Report:
    """The report without the findings the baseline lists; `baselined` and `stale_baseline`
    count the findings it accepted and its entries for checked files that matched nothing.
    `only`: the display paths this baseline covers (a config's own posts); others pass through."""
    folder = baseline.folder
    covered = set(only) if only is not None else None
    checked = {
        _relative(post.path, root, folder): post.path
        for post in report.posts
        if covered is None or post.path in covered
    }
    candidates = [v for v in report.violations if covered is None or v.path in covered]
    found = entries_of(report, root, folder, candidates)
    open_entries = Counter((e.path, e.rule, e.fingerprint) for e in baseline.entries if e.path in checked)
    loose = Counter((e.path, e.rule, e.text) for e in baseline.entries if e.path in checked)
    accepted: set[int] = set()
    for index, entry in enumerate(found):  # exact: same rule, text and line
        key = (entry.path, entry.rule, entry.fingerprint)
        if open_entries[key] > 0:
            open_entries[key] -= 1
            loose[(entry.path, entry.rule, entry.text)] -= 1
            accepted.add(index)
    for index, entry in enumerate(found):  # its line was edited: same rule and text in that file
        key2 = (entry.path, entry.rule, entry.text)
        if index not in accepted and loose[key2] > 0:
            loose[key2] -= 1
            accepted.add(index)
    stale = sum(count for count in loose.values() if count > 0)
    drop = {id(candidates[index]) for index in accepted}
    kept = tuple(v for v in report.violations if id(v) not in drop)
    return replace(
        report,
        violations=kept,
        baselined=report.baselined + len(drop),
        stale_baseline=report.stale_baseline + stale,
    )


def write(path: Path, report: Report, root: Path) -> int:
    """Write the report's findings as a baseline (keeping the entries of files this run did not
    check and that still exist); returns how many entries it holds."""
    folder = os.path.dirname(os.path.abspath(path))
    checked = {_relative(post.path, root, folder) for post in report.posts}
    checked |= {_relative(error.path, root, folder) for error in report.errors}
    entries = entries_of(report, root, folder)
    if path.exists():
        try:
            old = load(path)
        except BaselineError:
            old = None
        if old is not None:
            entries += [
                e for e in old.entries if e.path not in checked and os.path.isfile(os.path.join(folder, e.path))
            ]
    by_file: dict[str, list[dict[str, str]]] = {}
    for entry in sorted(entries, key=lambda e: (e.path, e.rule, e.text, e.fingerprint)):
        by_file.setdefault(entry.path, []).append(
            {"rule": entry.label or entry.rule, "text": entry.text, "fingerprint": entry.fingerprint}
        )
    body = yaml.safe_dump(
        {"version": VERSION, "findings": by_file},
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    _write_atomically(path, (HEADER + body).encode("utf-8"))
    return len(entries)


def _write_atomically(path: Path, data: bytes) -> None:
    """A temporary file beside it, renamed over it: a killed run leaves the old baseline whole."""
    handle, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".tmp", dir=os.path.dirname(os.path.abspath(path))
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
