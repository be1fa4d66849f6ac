"""Which posts of config `content` changed since the corpus store saw them, found by stat-ing
folders, not posts.

Stat-ing 100,000 posts costs a quarter of a second in Python before anything is compared; a repo
that size has a few hundred folders. The store remembers each folder it walked with its stat, and
this module stats only those:

- Adding, deleting or renaming a file changes its folder's stat; so does saving through a
  temporary file and a rename (as many editors do) and `git checkout`/`pull` (git deletes and
  re-creates what it updates). Such a folder is listed again and each post in it stat-ed, so new,
  deleted and changed posts are found exactly. A new folder is walked whole; a deleted one drops
  everything below it.
- A folder or post whose stat was too fresh to trust when it was recorded
  (`run_snapshot.settled`) is looked at again by every run until it is older.

What it does not see: a post rewritten in place (same file, folder untouched, as some editors
save) that is not among the posts being checked, until its folder changes or a run checks the
whole repo. The checked posts are always read; a stored post that a repeat is reported against is
stat-ed and re-read first if it changed (`StoredIndex`), so a stale entry never causes a finding.
It can hide one: the hook then passes what the full run in CI reports. `--no-cache` reads all.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from contentlint.cache import run_snapshot
from contentlint.cache.corpus_store import CorpusStore, Folder, StatKey
from contentlint.inputs.walk import scan_folder


def folder_key(status: os.stat_result) -> str:
    """What a folder's listing is known by: an entry added, deleted or renamed changes it, and
    so does setting its times back (which moves the change time)."""
    return json.dumps([status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev])


@dataclass(frozen=True)
class Known:
    """A stored post: its base row (None when it lives in the delta), stat and trust."""

    row: int | None
    stat: StatKey
    settled: bool


@dataclass
class Changes:
    """Posts to read (new, changed, or too fresh to trust) with their stat, and those gone,
    by absolute path, each with its base row when the base holds it."""

    read: dict[str, tuple[os.stat_result, int | None]] = field(default_factory=dict)
    gone: dict[str, int | None] = field(default_factory=dict)


def walk_folders(top: str) -> Iterator[tuple[str, os.stat_result, list[str]]]:
    """Each folder below `top` (and itself) that can be listed, with its stat and the names of
    its post files; an unreadable one is skipped, as when globbing `content`."""
    pending = [top]
    while pending:
        current = pending.pop()
        try:
            status = os.stat(current)
            subfolders, names = scan_folder(current)
        except OSError:
            continue
        yield current, status, names
        pending.extend(os.path.join(current, name) for name in subfolders)


def known_in(store: CorpusStore, folder: str, delta_by_folder: dict[str, list[str]]) -> dict[str, Known]:
    """The posts the store holds in one folder, the delta's copy winning over the base's."""
    found: dict[str, Known] = {}
    if store.base is not None:
        for row in store.base_rows_in(folder):
            if row not in store.dead:
                stat, settled = store.base.stat(row)
                found[store.base.path(row)] = Known(row, stat, settled)
    for path in delta_by_folder.get(folder, ()):
        post = store.delta[path]
        found[path] = Known(None, post.stat, post.settled)
    return found


class Refresh:
    """One pass over the stored folders; records the folders it lists in the store. Posts are
    left to the caller, which reads them and puts them in the store or drops them."""

    def __init__(
        self, store: CorpusStore, bases: Sequence[str], is_post: Callable[[str], bool], started_ns: int
    ) -> None:
        self.store = store
        self.bases = bases
        self.is_post = is_post
        self.started_ns = started_ns
        self.changes = Changes()
        self._delta_by_folder: dict[str, list[str]] = {}
        for path in store.delta:
            self._delta_by_folder.setdefault(os.path.dirname(path), []).append(path)

    def run(self) -> Changes:
        recorded = dict(self.store.folders)
        children: dict[str, list[str]] = {}
        for path in recorded:
            children.setdefault(os.path.dirname(path), []).append(path)
        gone: list[str] = []
        for folder in sorted(recorded):  # a parent before its children
            if any(folder.startswith(os.path.join(g, "")) for g in gone):
                continue
            try:
                status = os.stat(folder)
            except OSError:
                gone.append(folder)
                self._forget(folder, recorded)
                continue
            if recorded[folder].stat in ("", None) or recorded[folder].stat != folder_key(status):
                self._rescan(folder, status, recorded, children.get(folder, []))
        for base in self.bases:
            if base not in self.store.folders and os.path.isdir(base) and not os.path.islink(base):
                self._walk(base)
        for paths in self._delta_by_folder.values():  # delta posts too fresh to trust
            for path in paths:
                post = self.store.delta.get(path)
                if post is not None and not post.settled and path not in self.changes.gone:
                    self._check(path, Known(None, post.stat, post.settled))
        return self.changes

    def _record(self, folder: str, status: os.stat_result) -> None:
        key = folder_key(status) if run_snapshot.settled(status, self.started_ns) else ""
        known = self.store.folders.get(folder)
        if known is None:
            self.store.folders[folder] = Folder(key)
        elif known.stat != key:
            known.stat = key
        else:
            return
        self.store.changed = True

    def _forget(self, folder: str, recorded: dict[str, Folder]) -> None:
        """A folder is gone: its posts and everything below it."""
        inside = os.path.join(folder, "")
        for path in [p for p in recorded if p == folder or p.startswith(inside)]:
            for post, known in known_in(self.store, path, self._delta_by_folder).items():
                self.changes.gone[post] = known.row
            self.store.folders.pop(path, None)
        self.store.changed = True

    def _rescan(self, folder: str, status: os.stat_result, recorded: dict[str, Folder], children: list[str]) -> None:
        try:
            subfolders, names = scan_folder(folder)
        except OSError:
            self._forget(folder, recorded)
            return
        self._record(folder, status)
        present = {os.path.join(folder, name) for name in subfolders}
        for child in children:
            if child not in present:
                self._forget(child, recorded)  # deleted or renamed away; a new name is walked below
        for child in sorted(present - recorded.keys()):
            self._walk(child)
        known = known_in(self.store, folder, self._delta_by_folder)
        posts = {path for path in (os.path.join(folder, name) for name in names) if self.is_post(path)}
        for path in known.keys() - posts:
            self.changes.gone[path] = known[path].row
        for path in sorted(posts):
            self._check(path, known.get(path))

    def _walk(self, folder: str) -> None:
        """A folder not seen before: every post below it is new."""
        for current, status, names in walk_folders(folder):
            self._record(current, status)
            for name in names:
                path = os.path.join(current, name)
                if self.is_post(path):
                    self._check(path, None)

    def _check(self, path: str, known: Known | None) -> None:
        try:
            status = os.stat(path)
        except OSError:
            if known is not None:
                self.changes.gone[path] = known.row
            return
        if known is None or not known.settled or known.stat != tuple(run_snapshot.stat_key(status)):
            self.changes.read[path] = (status, known.row if known is not None else None)
