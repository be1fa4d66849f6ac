"""Digests of posts known from their `stat`, so a pre-commit run need not read every post.

The repetition rules compare the changed posts with every post of config `content`, and they key
each post's signature by the sha256 of its bytes. Reading and hashing 100,000 unchanged posts to
learn that they are unchanged was most of a pre-commit run at that size. This index remembers,
per path, the `stat` (size, modification and change time, inode, device) a digest was computed
for; a post whose `stat` still matches is not read.

As with the whole-run report (`run_snapshot`), an entry is recorded only for a file last changed
more than `run_snapshot.SETTLE_SECONDS` before the run started: a rewrite within one timestamp tick of the
read could otherwise keep the same `stat`. Entries not looked up in a run (deleted, renamed or
edited posts) are dropped once they are over an eighth of the index, so it does not grow.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

from contentlint.cache import run_snapshot
from contentlint.cache.result_cache import ResultCache, json_text

KEY = "stat-digests:1"


class StatDigests:
    """Load once per run, `known`/`record` per post, `save` once. A disabled cache knows nothing.
    `statuses` are the stats the run took already (`run_snapshot.run_state`), by path."""

    def __init__(self, cache: ResultCache, started_ns: int, statuses: Mapping[str, os.stat_result]) -> None:
        self._cache = cache
        self._started_ns = started_ns
        self._statuses = statuses
        self._entries: dict[str, list[Any]] = {}
        self._used: dict[str, list[Any]] = {}
        self._changed = False
        payload = cache.get_payload(KEY)
        if payload is not None:
            try:
                entries = json.loads(payload)
                if isinstance(entries, dict):
                    self._entries = entries
            except ValueError:
                pass  # damaged: rebuilt from this run's reads

    def stat(self, path: str) -> os.stat_result:
        """The run's stat of `path` (taken once for the whole-run report), else a new one."""
        status = self._statuses.get(path)
        return status if status is not None else os.stat(path)

    def known(self, path: str, status: os.stat_result) -> str | None:
        """The digest of `path` if its `stat` is the one it was recorded with."""
        entry = self._entries.get(path)
        if (
            isinstance(entry, list)
            and len(entry) == 6
            and entry[:5] == run_snapshot.stat_key(status)
            and isinstance(entry[5], str)
        ):
            self._used[path] = entry
            return entry[5]
        return None

    def record(self, path: str, status: os.stat_result, digest: str) -> None:
        if not run_snapshot.settled(status, self._started_ns):
            return  # too fresh to trust its stat next time
        self._used[path] = run_snapshot.stat_key(status) + [digest]
        self._changed = True

    def save(self) -> None:
        """Write when a digest was learnt, or when over an eighth of the entries went unused
        (deleted or edited posts): a pre-commit run's own edited post alone does not rewrite it.
        A kept stale entry is harmless: its stat matches no file any more."""
        if len(self._entries.keys() - self._used.keys()) * 8 > len(self._entries):
            self._cache.put_payload(KEY, json_text(self._used))
        elif self._changed:
            self._cache.put_payload(KEY, json_text({**self._entries, **self._used}))
