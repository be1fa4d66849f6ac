"""Apply fixes at their exact spans; everything else in the file stays byte for byte the same.

Overlapping fixes are resolved deterministically (earliest start, then longest, then rule code);
the loser waits for the next run, which is also why `--fix` is repeated until nothing changes.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from contentlint.inputs.source import Source, decode, encode
from contentlint.model.violation import Fix, Violation

MAX_PASSES = 4


def apply_fixes(text: str, fixes: Iterable[tuple[str, Fix]]) -> tuple[str, int]:
    """Apply non-overlapping fixes (code, Fix) to text; returns (new text, how many applied)."""
    ordered = sorted(fixes, key=lambda item: (item[1].start, -(item[1].end - item[1].start), item[0]))
    chosen: list[Fix] = []
    last_end = -1
    for _, fix in ordered:
        if fix.start < last_end or not (0 <= fix.start <= fix.end <= len(text)):
            continue
        if text[fix.start : fix.end] == fix.replacement:
            continue
        chosen.append(fix)
        last_end = max(fix.end, fix.start + (1 if fix.start == fix.end else 0))
    pieces: list[str] = []
    cursor = 0
    for fix in chosen:
        pieces.append(text[cursor : fix.start])
        pieces.append(fix.replacement)
        cursor = fix.end
    pieces.append(text[cursor:])
    return "".join(pieces), len(chosen)


def unified_diff(path: str, original: str, fixed: str) -> str:
    lines = difflib.unified_diff(
        original.splitlines(keepends=True), fixed.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


TEMP_SUFFIX = ".contentlint-tmp"
STALE_SECONDS = 60  # a temporary file lives milliseconds; one this old was left by a killed run


def write_atomically(path: Path, data: bytes) -> None:
    """Temporary file in the same folder, flushed, then renamed over the original: a crash
    leaves either the old file or the new one, never half of each. A symbolic link stays a link
    (its target is rewritten), and the file keeps its mode and, where allowed, its owner."""
    target = Path(os.path.realpath(path))
    folder = target.parent
    status = target.stat() if target.exists() else None
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if status is not None and hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # not allowed to give the file away: it stays the user's
                os.chown(temporary, status.st_uid, status.st_gid)
        os.chmod(temporary, status.st_mode & 0o7777 if status else 0o644)  # after chown, which clears setgid
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def remove_stale_temporaries(folder: Path, now: float | None = None) -> list[Path]:
    """Delete temporary files a killed `--fix` left in a folder (only ours: `.name.*.contentlint-tmp`,
    and only old ones, so a concurrent run's file being written is never touched)."""
    import time

    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX)):
            continue
        try:
            if (
                entry.is_file(follow_symlinks=False)
                and now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
            ):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def source_of(path: Path) -> Source:
    return decode(path.read_bytes())


def fixable(violations: Iterable[Violation]) -> list[tuple[str, Fix]]:
    return [(v.code, v.fix) for v in violations if v.fix is not None]


def save(path: Path, source: Source, fixed_text: str) -> None:
    write_atomically(path, encode(source, fixed_text))
