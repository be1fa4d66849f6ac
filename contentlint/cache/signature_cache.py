"""Per-repo cache of what the repetition rules need from each post: its signature and routing.

A pre-commit run compares one changed post with every post of the repo. Parsing a front matter
costs about 0.6 ms and tokenising about 0.1 ms, so re-reading 100,000 unchanged posts would take a
minute; with this cache only the changed file is parsed. An entry is keyed by the post's bytes and
whatever else shaped it (`post_key`) and holds the shingles plus `PostMeta` (channels, audiences,
date, language, where the body starts): everything the rules consult about a post that is not the
target. Audience *resolution* (config `audiences`) is not cached: it depends on the config.

One uncompressed `.npz` file (numpy arrays only, loaded with `allow_pickle=False`):
`keys` (S64 hex), `offsets` (int64, N+1) into the concatenated `shingles` (uint64), `meta` (UTF-8
JSON of one list per entry, as uint8) and `version` ([format, NORMALISATION_VERSION]). One file
instead of one per post because opening 100,000 small files costs more than the parsing it saves.

Writes go to a temp file in the same folder and `os.replace` it, so a reader sees the old file or
the new one, never half of one; with two runs at once the last writer wins and both files are
complete. A corrupt, unreadable or other-version file is ignored and rebuilt. `save` keeps only
entries used in this run (looked up or added): the corpus rules read every post each run, so an
untouched key belongs to a deleted or edited file, and dropping it keeps the cache from growing.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from contentlint.cache.folder import CacheUnusable, prepare
from contentlint.kinds.corpus import IndexEntry, PostMeta
from contentlint.text.similarity import NORMALISATION_VERSION, Signature

CACHE_FORMAT = 4  # 3: PostMeta holds the body's offsets; 4: whether it is a reply, its campaign
FILE_NAME = "signatures.npz"


def post_key(digest: str, context: str = "") -> str:
    """Key of a post: the sha256 of its bytes, the run defaults that shape its parse, the versions."""
    h = hashlib.sha256(f"{digest}\0{NORMALISATION_VERSION}\0{CACHE_FORMAT}\0".encode("ascii"))
    h.update(context.encode("utf-8"))
    return h.hexdigest()


class SignatureCache:
    """Load once, `get`/`put` per post, `save` once at the end. `cache_dir=None` disables it."""

    def __init__(self, cache_dir: Path | None) -> None:
        self._dir = Path(cache_dir) if cache_dir is not None else None
        self._index: dict[str, int] = {}
        self._offsets = np.zeros(1, dtype=np.int64)
        self._shingles = np.empty(0, dtype=np.uint64)
        self._meta: list[Any] = []
        self._used: set[str] = set()
        self._new: dict[str, IndexEntry] = {}
        if self._dir is not None:
            self._load(self._dir / FILE_NAME)

    def _load(self, path: Path) -> None:
        try:
            with np.load(path, allow_pickle=False) as data:
                version = data["version"]
                if version.tolist() != [CACHE_FORMAT, NORMALISATION_VERSION]:
                    return
                keys, offsets, shingles = data["keys"], data["offsets"], data["shingles"]
                meta = json.loads(data["meta"].tobytes().decode("utf-8", "surrogatepass"))
        except (OSError, ValueError, KeyError, EOFError, UnicodeDecodeError, zipfile.BadZipFile):
            return  # missing, corrupt or foreign: start empty, the next save rebuilds it
        n = len(keys)
        if (
            offsets.shape != (n + 1,)
            or not isinstance(meta, list)
            or len(meta) != n
            or offsets[0] != 0
            or offsets[-1] != len(shingles)
            or np.any(np.diff(offsets) < 0)
        ):
            return
        self._index = dict(zip(keys.astype("U64").tolist(), range(n), strict=False))
        self._offsets = offsets.astype(np.int64)
        self._shingles = shingles.astype(np.uint64, copy=False)
        self._meta = meta

    def __len__(self) -> int:
        return len(self._index.keys() | self._new.keys())

    def get(self, key: str) -> IndexEntry | None:
        if self._dir is None:
            return None
        if key in self._new:
            self._used.add(key)
            return self._new[key]
        i = self._index.get(key)
        if i is None:
            return None
        try:
            meta = PostMeta.from_json(self._meta[i])
        except (TypeError, ValueError):
            return None  # a damaged entry: recomputed and replaced by the caller
        self._used.add(key)
        return IndexEntry(Signature(self._shingles[self._offsets[i] : self._offsets[i + 1]]), meta)

    def put(self, key: str, post: IndexEntry) -> None:
        if self._dir is None:
            return
        self._new[key] = post
        self._used.add(key)

    def save(self) -> None:
        """Write the used entries atomically; a no-op when disabled or nothing changed."""
        if self._dir is None:
            return
        if not self._new and self._used == self._index.keys():
            return
        # Kept entries are copied array to array (no IndexEntry per entry: a pre-commit run that
        # adds one post to a 100,000-post cache spent a second rebuilding them), then new ones.
        kept = sorted(self._index[key] for key in self._used if key not in self._new and key in self._index)
        new_keys = sorted(self._new)
        new_posts = [self._new[key] for key in new_keys]
        rows = np.array(kept, dtype=np.int64)
        starts, ends = self._offsets[rows], self._offsets[rows + 1]
        sizes = np.concatenate((ends - starts, [p.signature.shingles.size for p in new_posts])).astype(np.int64)
        kept_total = int((ends - starts).sum())
        gather = np.repeat(
            starts - np.concatenate(([0], np.cumsum(ends - starts)[:-1])).astype(np.int64), ends - starts
        )
        kept_shingles = (
            self._shingles[gather + np.arange(kept_total, dtype=np.int64)] if kept_total else np.empty(0, np.uint64)
        )
        index_keys = {i: key for key, i in self._index.items()}
        keys = [index_keys[i] for i in kept] + new_keys
        meta = json.dumps(
            [self._meta[i] for i in kept] + [p.meta.to_json() for p in new_posts],
            ensure_ascii=False,
            separators=(",", ":"),
        )
        try:
            prepare(self._dir)
        except CacheUnusable:
            return  # only costs speed: the next run computes the signatures again
        fd, tmp = tempfile.mkstemp(dir=self._dir, prefix=".signatures-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                np.savez(
                    f,
                    version=np.array([CACHE_FORMAT, NORMALISATION_VERSION], dtype=np.int64),
                    keys=np.array(keys, dtype="S64"),
                    offsets=np.concatenate(([0], np.cumsum(sizes))).astype(np.int64),
                    shingles=np.concatenate([kept_shingles] + [p.signature.shingles for p in new_posts]).astype(
                        np.uint64
                    ),
                    meta=np.frombuffer(meta.encode("utf-8", "surrogatepass"), dtype=np.uint8),  # non-UTF-8 names
                )
            os.replace(tmp, self._dir / FILE_NAME)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
