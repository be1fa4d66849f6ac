"""Findings per file, keyed by the file's bytes, its path and everything that shapes the result
(contentlint's version, the effective config, every rule pack file), so a re-run on unchanged
posts skips parsing and linting them, and never imports spaCy for them.

SQLite (standard library) rather than a big JSON file: a hook checking 3 files of a 100,000-post
repo looks up 3 rows instead of loading every entry, two runs at once are serialised by SQLite's
own locking, and a corrupt database is detected, deleted and rebuilt silently.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from contentlint.cache.folder import CacheUnusable, prepare
from contentlint.config.files import UnreadableFile, read_file
from contentlint.model.report import FileResult, PostInfo
from contentlint.model.violation import FileError, Fix, Related, Violation

SCHEMA_VERSION = 2  # 2: violations carry their start and end offsets
_BATCH = 500  # keys a query; SQLite allows 999 parameters in old builds
FILE_NAME = "results.sqlite"


def fingerprint(*parts: Any, files: Iterable[Path] = ()) -> str:
    """A digest of everything that changes results besides the post itself."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    for path in sorted(files):
        digest.update(str(path).encode("utf-8", "surrogatepass"))
        try:
            digest.update(read_file(path))  # bounded: a pipe or /dev/zero named as a list is not read
        except UnreadableFile:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


def file_key(run_fingerprint: str, display: str, data: bytes) -> str:
    digest = hashlib.sha256(run_fingerprint.encode())
    digest.update(display.encode("utf-8", "surrogatepass"))
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def json_text(value: Any) -> str:
    """JSON for an SQLite text column: UTF-8 as it is, except where a file name holds bytes that
    are not UTF-8 (Python keeps them as lone surrogates, which SQLite refuses): then escaped."""
    text = json.dumps(value, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value)
    return text


def _encode(result: FileResult) -> str:
    post = result.post
    return json_text(
        {
            "v": [violation_to_dict(v) for v in result.violations],
            "e": [e.to_dict() for e in result.errors],
            "p": None
            if post is None
            else {
                "channels": post.channels,
                "audiences": post.audiences,
                "publish_at": post.publish_at.isoformat() if post.publish_at else None,
                "lang": post.lang,
            },
        },
    )


def violation_to_dict(v: Violation) -> dict[str, Any]:
    """`Violation.to_dict` (the JSON contract) plus the offsets, which the contract leaves out."""
    return {**v.to_dict(), "start": v.start, "end": v.end}


def violation_from_dict(v: dict[str, Any]) -> Violation:
    """The inverse of `violation_to_dict`."""
    return Violation(
        path=v["path"],
        line=v["line"],
        column=v["column"],
        end_line=v["end_line"],
        end_column=v["end_column"],
        code=v["code"],
        name=v["name"],
        severity=v["severity"],
        message=v["message"],
        fix=None if v["fix"] is None else Fix(v["fix"]["replacement"], v["fix"]["start"], v["fix"]["end"]),
        related=tuple(Related(r["path"], r["line"], r["column"], r["message"]) for r in v["related"]),
        start=v["start"],
        end=v["end"],
    )


def _decode(payload: str, display: str, text: str) -> FileResult:
    data = json.loads(payload)
    violations = tuple(violation_from_dict(v) for v in data["v"])
    errors = tuple(FileError(e["path"], e["message"]) for e in data["e"])
    post = data["p"]
    info = (
        None
        if post is None
        else PostInfo(
            display,
            tuple(post["channels"]),
            tuple(post["audiences"]),
            datetime.fromisoformat(post["publish_at"]) if post["publish_at"] else None,
            post["lang"],
            text,
        )
    )
    return FileResult(violations, errors, info)


class ResultCache:
    """Open once per run; `get`/`put` per file; `close` commits. `None` folder: disabled."""

    def __init__(self, folder: Path | None) -> None:
        self._db: sqlite3.Connection | None = None
        self._damaged = False  # a query found a damaged page: the file is rebuilt on close
        # results to write on close, encoded then: at 100,000 posts the JSON held for the whole run
        # was a tenth of a first run's peak memory, and the results are held by the run anyway
        self._pending: list[tuple[str, str | FileResult]] = []
        self._fetched: dict[str, str] = {}
        self._path = Path(folder or ".") / FILE_NAME
        if folder is None:
            return
        try:
            prepare(folder)
            self._db = self._open(self._path)
        except (CacheUnusable, OSError, sqlite3.Error):
            self._db = None  # a read-only or broken cache folder only costs speed

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        for attempt in range(2):
            try:
                db = sqlite3.connect(path, timeout=10)
                db.execute("CREATE TABLE IF NOT EXISTS meta (version INTEGER)")
                row = db.execute("SELECT version FROM meta").fetchone()
                if row is None or row[0] != SCHEMA_VERSION:
                    db.execute("DROP TABLE IF EXISTS results")
                    db.execute("DELETE FROM meta")
                    db.execute("INSERT INTO meta VALUES (?)", (SCHEMA_VERSION,))
                db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, payload TEXT NOT NULL)")
                db.commit()
                return db
            except sqlite3.OperationalError:
                raise  # locked or busy (another run): not corrupt, so never deleted; this run goes uncached
            except sqlite3.DatabaseError:
                if attempt:
                    raise
                path.unlink(missing_ok=True)  # corrupt or foreign: rebuild
        raise sqlite3.DatabaseError("unreachable")

    def get(self, key: str, display: str, text: str) -> FileResult | None:
        payload = self._fetched.pop(key, None)
        if payload is None:
            payload = self.get_payload(key)
        if payload is None:
            return None
        try:
            return _decode(payload, display, text)
        except (ValueError, KeyError, TypeError):
            return None

    def get_payload(self, key: str) -> str | None:
        """A stored payload as written by `put_payload` (None: absent, disabled or unreadable)."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT payload FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._note_damage(exc)
            return None
        return None if row is None else row[0]

    def put_payload(self, key: str, payload: str) -> None:
        if self._db is not None:
            self._pending.append((key, payload))

    def prefetch(self, keys: Sequence[str]) -> None:
        """Load the rows for many keys in a few queries (a warm run looks up every post): `get`
        then answers from memory. Unknown keys simply stay unknown."""
        if self._db is None:
            return
        try:
            for start in range(0, len(keys), _BATCH):
                chunk = keys[start : start + _BATCH]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(f"SELECT key, payload FROM results WHERE key IN ({marks})", chunk)
                self._fetched.update(rows)
        except sqlite3.Error as exc:
            self._note_damage(exc)  # `get` falls back to one query per key

    def put(self, key: str, result: FileResult) -> None:
        if self._db is not None:
            self._pending.append((key, result))

    def _rows(self) -> Iterator[tuple[str, str]]:
        for key, value in self._pending:
            yield key, value if isinstance(value, str) else _encode(value)

    def _note_damage(self, exc: sqlite3.Error) -> None:
        """A damaged page (not a lock held by another run) makes the file be rebuilt on close:
        otherwise every lookup misses and every run is as slow as one without a cache."""
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
            self._damaged = True

    def close(self) -> None:
        if self._db is None:
            return
        try:
            if self._pending and not self._damaged:
                self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", self._rows())
                self._db.commit()
        except sqlite3.Error as exc:
            self._note_damage(exc)  # else another run holds the lock: these results are not cached
        finally:
            self._db.close()
            self._db = None
        if self._damaged:
            self._rebuild()

    def _rebuild(self) -> None:
        """Delete the damaged file and store this run's results in a new one."""
        try:
            self._path.unlink(missing_ok=True)
            db = self._open(self._path)
            try:
                db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", self._rows())
                db.commit()
            finally:
                db.close()
        except (OSError, sqlite3.Error):
            pass  # the next run tries again
            self._db = None
