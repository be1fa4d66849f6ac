"""The unchanged-repo shortcut: a whole run's report, reused while no file it read has changed.

A warm run still read, hashed and looked up every post (10,000 file reads and cache rows): most
of a second. But when no target and no post of config `content` has changed since the last run
(same paths, sizes, modification and change times, inodes) and the run's fingerprint (version,
config, rule packs, options) is the same, the report is the same. So the last report is kept per
"slot" (working folder, paths asked for, fingerprint) with a digest of every file's `stat`, and
a run whose digest matches answers from it after one `stat` per file.

Safety against an edit the stat cannot see (git's "racily clean" problem: a file rewritten within
one timestamp tick of the run that read it, to the same size): a report is stored only when every
file it depends on was last changed more than `SETTLE_SECONDS` before the run started; any later
write moves the change time past the stored one. Texts are read back only for posts with
findings (the text report shows their lines, --fix compares them), or for every post when the
report shows every post (HTML).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from contentlint.cache.result_cache import ResultCache, json_text, violation_from_dict, violation_to_dict
from contentlint.inputs.source import SourceError, decode
from contentlint.model.report import PostInfo, Report
from contentlint.model.violation import FileError

SETTLE_SECONDS = 2.0
FORMAT = 1


@dataclass(frozen=True)
class RunState:
    slot: str  # which run this is: folder, paths asked for, fingerprint
    files: str  # digest of every file's stat
    settled: bool  # every file changed long enough before the run to trust its stat
    statuses: Mapping[str, os.stat_result] = field(default_factory=dict, compare=False)  # by path, for `stat_digests`


def stat_key(status: os.stat_result) -> list[Any]:
    """What a file's content is known by: any write changes the change time at least."""
    return [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev]


def settled(status: os.stat_result, started_ns: int) -> bool:
    """Last changed long enough before the run began that a later write changes its stat."""
    return max(status.st_mtime_ns, status.st_ctime_ns) < started_ns - int(SETTLE_SECONDS * 1e9)


def run_state(
    fingerprint: str, cwd: Path, paths: Sequence[str], files: Iterable[Path], started_ns: int
) -> RunState | None:
    """The run's slot and file digest; None when it cannot be judged (standard input)."""
    if "-" in paths:
        return None
    slot = hashlib.sha256(json.dumps([FORMAT, fingerprint, str(cwd), list(paths)]).encode("utf-8", "surrogatepass"))
    lines: list[str] = []
    statuses: dict[str, os.stat_result] = {}
    # Joined, not normalised (abspath costs more than the stat): the same path written two ways
    # is stat'd twice, which changes nothing but the digest's length.
    folder = os.path.join(os.fspath(cwd), "")
    for path in sorted({os.fspath(path) if os.path.isabs(path) else folder + os.fspath(path) for path in files}):
        try:
            status = statuses[path] = os.stat(path)
        except OSError:
            lines.append(f"{path}\0missing")
            continue
        lines.append("\0".join(map(str, [path, *stat_key(status), status.st_mode])))
    digest = hashlib.sha256("\n".join(lines).encode("utf-8", "surrogatepass")).hexdigest()
    all_settled = all(settled(status, started_ns) for status in statuses.values())
    return RunState("run:" + slot.hexdigest(), digest, all_settled, statuses)


def load(cache: ResultCache, state: RunState, cwd: Path, all_texts: bool) -> Report | None:
    """The stored report of this slot if its files are unchanged; texts read back as needed."""
    payload = cache.get_payload(state.slot)
    if payload is None:
        return None
    try:
        data = json.loads(payload)
        if data["files"] != state.files:
            return None
        violations = tuple(violation_from_dict(v) for v in data["violations"])
        errors = tuple(FileError(e["path"], e["message"]) for e in data["errors"])
        with_findings = {v.path for v in violations}
        posts = []
        for display, channels, audiences, publish_at, lang in data["posts"]:
            text = _text_of(cwd / display) if all_texts or display in with_findings else ""
            if text is None:
                return None  # unreadable since: lint it properly
            posts.append(
                PostInfo(
                    display,
                    tuple(channels),
                    tuple(audiences),
                    datetime.fromisoformat(publish_at) if publish_at else None,
                    lang,
                    text,
                )
            )
        return Report(violations, errors, int(data["files_checked"]), tuple(posts))
    except (ValueError, KeyError, TypeError):
        return None


def store(cache: ResultCache, state: RunState, report: Report) -> None:
    """Keep the report for the next run, unless a file was too fresh to trust its stat or the
    run had errors (a rule that timed out, a file that could not be read: tried again next run,
    as the per-file cache does)."""
    if not state.settled or report.errors:
        return
    payload: dict[str, Any] = {
        "files": state.files,
        "files_checked": report.files_checked,
        "violations": [violation_to_dict(v) for v in report.violations],
        "errors": [e.to_dict() for e in report.errors],
        "posts": [
            [p.path, list(p.channels), list(p.audiences), p.publish_at.isoformat() if p.publish_at else None, p.lang]
            for p in report.posts
        ],
    }
    cache.put_payload(state.slot, json_text(payload))


def _text_of(path: Path) -> str | None:
    from contentlint.inputs.read import ReadError, read_bytes

    try:
        return decode(read_bytes(path)).text
    except (ReadError, SourceError):
        return None
