"""Posts changed behind the page's back (a `git pull`, another editor, a teammate's sync) reach
the corpus index, so a repeat of a post that arrived after the server started is still found.

An editor tells the language server which files changed; a browser cannot. So while the page is
being used, at most every `INTERVAL` seconds a check starts a scan on a background thread: the
config's `content` globbed again and every post's size and modification time compared with the
last scan (10,000 posts: about 80 ms, measured). Changed and new posts are indexed again, deleted
ones dropped, under the API's lock. The check that started the scan does not wait for it; the
next one sees its result. An idle server scans nothing.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

from contentlint.inputs.walk import FolderIndex, glob_content
from contentlint.workspace import Workspace

INTERVAL = 5.0  # seconds
log = logging.getLogger(__name__)

Stamps = dict[Path, tuple[int, int]]


class Rescan:
    def __init__(self, workspace: Workspace, lock: threading.Lock, interval: float = INTERVAL) -> None:
        self.workspace = workspace
        self.lock = lock
        self.interval = interval
        self._stamps: Stamps | None = None
        self._last = time.monotonic()
        self._running = threading.Lock()

    def stamps(self) -> Stamps:
        """Size and modification time of every post of config `content`, as it is now."""
        config = self.workspace.config
        if not config.content:
            return {}
        found: Stamps = {}
        for path in glob_content(config.content, config.root, FolderIndex()):
            try:
                status = os.stat(path)
            except OSError:
                continue
            found[path] = (status.st_mtime_ns, status.st_size)
        return found

    def baseline(self) -> None:
        """The state the index is about to be built from (taken before building it, so a post
        changed during the build is indexed again by the first scan)."""
        self._stamps = self.stamps()
        self._last = time.monotonic()

    def maybe_start(self) -> threading.Thread | None:
        """Start a scan if the last one is `interval` old and none is running."""
        if self._stamps is None or time.monotonic() - self._last < self.interval:
            return None
        if not self._running.acquire(blocking=False):
            return None
        self._last = time.monotonic()
        thread = threading.Thread(target=self._scan, name="rescan", daemon=True)
        thread.start()
        return thread

    def _scan(self) -> None:
        try:
            now = self.stamps()
            before = self._stamps or {}
            changed = [path for path, stamp in now.items() if before.get(path) != stamp]
            gone = [path for path in before if path not in now]
            if changed or gone:
                with self.lock:
                    for path in changed:
                        self.workspace.update(path)
                    for path in gone:
                        self.workspace.remove(path)
            self._stamps = now
        except Exception:  # a failed scan is tried again at the next interval
            log.exception("scanning the posts for changes failed")
        finally:
            self._running.release()
