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

from contentlint.inputs.read import ReadError, read_bytes
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


class FileChanged(Exception):
    """The file on disk is no longer the one the fix was made from: it is left as it is."""


def write_atomically(path: Path, data: bytes, expected: bytes | None = None) -> None:
    """Temporary file in the same folder, flushed, then renamed over the original: a crash
    leaves either the old file or the new one, never half of each. A symbolic link stays a link
    (its target is rewritten), and the file keeps its mode and, where allowed, its owner.

    With `expected`, the file's bytes are compared with it immediately before the rename (after
    the slow part, writing and syncing the new file): an editor that saved or appended to the
    post since it was read keeps its text, and FileChanged is raised instead."""
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
        if expected is not None and _current_bytes(target) != expected:
            raise FileChanged("changed while contentlint was running; not fixed")
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


def _current_bytes(path: Path) -> bytes | None:
    try:
        return read_bytes(path)
    except ReadError:
        return None


def source_of(path: Path) -> tuple[bytes, Source]:
    """The file's bytes (bounded, never blocking on a pipe) and their decoded text."""
    try:
        data = read_bytes(path)
    except ReadError as exc:
        raise OSError(str(exc)) from None
    return data, decode(data)


def fixable(violations: Iterable[Violation]) -> list[tuple[str, Fix]]:
    return [(v.code, v.fix) for v in violations if v.fix is not None]


def save(path: Path, source: Source, fixed_text: str, original: bytes | None = None) -> None:
    """Write the fixed text in the file's own encoding; with `original`, only over those bytes."""
    write_atomically(path, encode(source, fixed_text), original)
