"""The JSON API under the page, on one warm Workspace: check, fix, front matter, open, save.

Each call takes the request's decoded JSON object and returns (status, JSON object). Requests
are served on many threads, the Workspace is used by one at a time (one lock): a writer types
in one tab, and a check takes tens of milliseconds.

Paths in requests and answers are relative to the repo root (the config's folder), as
`check --format json` names them. Offsets for the page are in UTF-16 code units (what
JavaScript strings count); the violations themselves keep the code-point line and column of
`check --format json` (DESIGN A5).
"""

from __future__ import annotations

import bisect
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from contentlint._version import __version__
from contentlint.config.errors import ConfigError
from contentlint.engine.building import explain_rule
from contentlint.engine.counts import ChannelCount
from contentlint.engine.rule_set import UsageError
from contentlint.inputs.read import ReadError, read_bytes
from contentlint.inputs.source import MAX_FILE_BYTES, SourceError, checked_text, decode
from contentlint.model.violation import Violation
from contentlint.serve.front_matter import FrontMatterError, set_fields
from contentlint.serve.passages import shared_passages
from contentlint.serve.paths import PathRefused, RepoPath, repo_path, suggested_path
from contentlint.serve.rescan import Rescan
from contentlint.serve.saving import Exists, create, overwrite
from contentlint.text.counting import UNIT_LABELS
from contentlint.text.document import Document
from contentlint.workspace import Workspace

Answer = tuple[int, dict[str, Any]]
REPEAT_CODES = ("RP001", "RP002")
POSTS_LISTED = 50


class ApiError(Exception):
    """A request the API refuses: an HTTP status and a message for the page."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _text(request: Mapping[str, Any], key: str = "text") -> str:
    """The post text of a request, held to a file's limits (size, no NUL, valid Unicode)."""
    text = request.get(key)
    if not isinstance(text, str):
        raise ApiError(400, f"'{key}' must be the post's text (a string)")
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        raise ApiError(400, f"the text is not valid Unicode (an unpaired surrogate at character {exc.start})") from None
    if size > MAX_FILE_BYTES:
        raise ApiError(413, f"the text is {size:,} bytes; contentlint checks posts of up to {MAX_FILE_BYTES:,} bytes")
    try:
        return checked_text(text)
    except SourceError as exc:
        raise ApiError(400, f"the text {exc}") from None


def _path(workspace: Workspace, raw: Any) -> RepoPath:
    try:
        return repo_path(workspace, raw)
    except PathRefused as exc:
        raise ApiError(400, str(exc)) from None


class Utf16:
    """Code-point offsets of one text as UTF-16 offsets (what JavaScript strings count)."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if text and max(text) > "\uffff" else []

    def __call__(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset)


def _spans(text: str, base: int, spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Spans (code points into a document) as UTF-16 offsets into text[base:]."""
    to16 = Utf16(text[base:])
    return [[to16(start - base), to16(end - base)] for start, end in spans]


class Api:
    """One content repo held warm, answering the page."""

    def __init__(self, workspace: Workspace, today: Callable[[], date] = date.today) -> None:
        self.workspace = workspace
        self.today = today
        self._lock = threading.Lock()
        self._why: dict[str, str] = {}
        self._config_stamp = self._stamp()
        self.config_problem: str | None = None
        self.rescan = Rescan(workspace, self._lock)

    # ------------------------------------------------------------ the config

    def _stamp(self) -> tuple[int, int] | None:
        path = self.workspace.config.path
        if not path:
            return None
        try:
            status = os.stat(path)
        except OSError:
            return None
        return (status.st_mtime_ns, status.st_size)

    def _reload_if_changed(self) -> None:
        """The config edited while the server runs is read again; a broken one keeps the last good."""
        stamp = self._stamp()
        if stamp == self._config_stamp:
            return
        self._config_stamp = stamp
        try:
            self.workspace.reload_config()
        except (ConfigError, UsageError) as exc:
            self.config_problem = f"the config was edited and is broken; the last good one is in use: {exc}"
        else:
            self.config_problem = None
            self._why.clear()

    def warm_up(self) -> None:
        """The corpus index and the rules' lazy tables, before the first check needs them."""
        with self._lock:
            self.rescan.baseline()
            self.workspace.warm_up()

    # ------------------------------------------------------------ reads

    def info(self) -> Answer:
        config = self.workspace.config
        return 200, {
            "version": __version__,
            "repo": os.path.basename(os.path.abspath(self.workspace.root)) or str(self.workspace.root),
            "config": config.path,
            "content": list(config.content),
            "channels": sorted(self.workspace.engine.profiles),
            "audiences": sorted(config.audiences),
            "max_bytes": MAX_FILE_BYTES,
        }

    def posts(self, query: str) -> Answer:
        """The repo's posts whose path holds `query` (case-insensitive), for "open"."""
        with self._lock:
            files = [self.workspace.display(path) for path in self.workspace.content_files()]
        needle = query.casefold()
        found = [display for display in files if needle in display.casefold()]
        found.sort()
        return 200, {"posts": found[:POSTS_LISTED], "total": len(found)}

    def post(self, raw_path: Any) -> Answer:
        where = _path(self.workspace, raw_path)
        if not os.path.exists(where.path):
            raise ApiError(404, f"{where.display} does not exist")
        try:
            text = decode(read_bytes(where.path)).text
        except (ReadError, SourceError) as exc:
            raise ApiError(400, f"{where.display}: {exc}") from None
        return 200, {"path": where.display, "text": text}

    # ------------------------------------------------------------ checking

    def check(self, request: Mapping[str, Any]) -> Answer:
        text = _text(request)
        self.rescan.maybe_start()
        with self._lock:
            self._reload_if_changed()
            engine = self.workspace.engine
            suggestion = suggested_path(self.workspace, engine.parse("draft.md", text), self.today())
            named = request.get("path") or suggestion
            where = _path(self.workspace, named) if named else None
            display = where.display if where else "draft.md"
            result = self.workspace.check(where.path if where else self.workspace.root / "draft.md", text)
            doc = engine.parse(display, text)
            counts = self.workspace.counts(text, display)
            repeats = [self._repeat(i, v, doc) for i, v in enumerate(result.violations) if v.code in REPEAT_CODES]
            rules = {v.code: self._rule(v.code) for v in result.violations}
        to16 = Utf16(text)
        return 200, {
            "path": display,
            "suggested_path": suggestion,
            "violations": [v.to_dict() for v in result.violations],
            "errors": [e.to_dict() for e in result.errors],
            "config_problem": self.config_problem,
            "counts": {count.channel: _count(count) for count in counts},
            "offsets": [_offsets(v, to16) for v in result.violations],
            "rules": rules,
            "post": _post(doc),
            "repeats": repeats,
        }

    def _rule(self, code: str) -> dict[str, str]:
        spec = self.workspace.engine.catalogue.find(code)
        if spec is None:
            return {"name": "", "why": ""}
        if code not in self._why:
            self._why[code] = explain_rule(spec)
        return {"name": spec.name, "why": self._why[code]}

    def _repeat(self, index: int, violation: Violation, doc: Document) -> dict[str, Any]:
        """Both texts of a repeat, the passages they share marked."""
        mine = _side(doc, violation.path)
        if not violation.related:
            return {"index": index, "code": violation.code, "draft": mine, "other": None}
        related = violation.related[0]
        other: dict[str, Any] = {"path": related.path, "note": related.message}
        try:
            where = repo_path(self.workspace, related.path)
            other_doc = self.workspace.engine.parse(where.display, decode(read_bytes(where.path)).text)
        except (PathRefused, ReadError, SourceError) as exc:
            other["error"] = f"{related.path} cannot be shown: {exc}"
            return {"index": index, "code": violation.code, "draft": mine, "other": other}
        marks_mine, marks_other = shared_passages(doc, other_doc)
        mine["marks"] = _spans(doc.text, _body_start(doc), marks_mine)
        other.update(_side(other_doc, where.display))
        other["marks"] = _spans(other_doc.text, _body_start(other_doc), marks_other)
        return {"index": index, "code": violation.code, "draft": mine, "other": other}

    def fix(self, request: Mapping[str, Any]) -> Answer:
        text = _text(request)
        with self._lock:
            display = self._display(request)
            fixed, applied = self.workspace.fix_text(text, display)
        return 200, {"text": fixed, "applied": applied}

    def _display(self, request: Mapping[str, Any]) -> str:
        raw = request.get("path")
        return _path(self.workspace, raw).display if raw else "draft.md"

    def front_matter(self, request: Mapping[str, Any]) -> Answer:
        text = _text(request)
        changes = request.get("set")
        if not isinstance(changes, Mapping):
            raise ApiError(400, "'set' must be an object of front matter fields")
        try:
            return 200, {"text": set_fields(text, changes)}
        except FrontMatterError as exc:
            raise ApiError(400, str(exc)) from None

    # ------------------------------------------------------------ writing

    def save(self, request: Mapping[str, Any]) -> Answer:
        where = _path(self.workspace, request.get("path"))
        text = _text(request)
        confirmed = request.get("overwrite", False)
        if not isinstance(confirmed, bool):
            raise ApiError(400, "'overwrite' must be true or false")
        with self._lock:
            existed = os.path.lexists(where.path)
            try:
                if confirmed:
                    overwrite(where.path, text)
                else:
                    create(where.real, text.encode("utf-8"))
            except Exists:
                raise ApiError(409, f"{where.display} already exists; confirm to overwrite it") from None
            except OSError as exc:
                raise ApiError(500, f"could not write {where.display}: {exc.strerror or exc}") from None
            self.workspace.update(where.path)
        return 200, {"path": where.display, "created": not existed, "bytes": os.path.getsize(where.real)}


def _body_start(doc: Document) -> int:
    """Where the body's text starts, after the blank lines that follow the front matter."""
    body = doc.text[doc.body_start :]
    return doc.body_start + len(body) - len(body.lstrip("\r\n"))


def _side(doc: Document, path: str) -> dict[str, Any]:
    when = doc.meta.get("publish_at")
    return {
        "path": path,
        "channels": list(doc.channels),
        "date": str(when) if when is not None else None,
        "body": doc.text[_body_start(doc) :],
        "marks": [],
    }


def _count(count: ChannelCount) -> dict[str, Any]:
    return {
        "own": count.own,
        "fold": count.fold,
        "over": count.over,
        "measures": [
            {
                "field": m.field,
                "count": m.count,
                "limit": m.limit,
                "unit": m.unit,
                "unit_label": UNIT_LABELS.get(m.unit, m.unit),
                "over": m.over,
            }
            for m in count.measures
        ],
    }


def _offsets(violation: Violation, to16: Utf16) -> dict[str, int | None]:
    fix = violation.fix
    return {
        "start": to16(violation.start),
        "end": to16(violation.end),
        "fix_start": to16(fix.start) if fix else None,
        "fix_end": to16(fix.end) if fix else None,
    }


def _post(doc: Document) -> dict[str, Any]:
    """What the form controls show."""
    images = doc.meta.get("images")
    front = [
        {"src": str(item.get("src", "")), "alt": item.get("alt") if isinstance(item.get("alt"), str) else ""}
        if isinstance(item, Mapping)
        else {"src": str(item), "alt": ""}
        for item in (images if isinstance(images, list) else [])
    ]
    when = doc.meta.get("publish_at")
    return {
        "channels": list(doc.channels),
        "audiences": list(doc.audiences),
        "publish_at": str(when) if when is not None else "",
        "title": doc.title or "",
        "images": front,
        "front_matter_error": doc.front_matter.error,
        "body_start": Utf16(doc.text)(doc.body_start),
    }
