"""Per-repo cache of post signatures, so a hook run re-tokenises only the files that changed.

One uncompressed `.npz` file (numpy arrays only, loaded with `allow_pickle=False`):
`keys` (S64 hex), `offsets` (int64, N+1) into the concatenated `shingles` (uint64), `minhash`
(uint32, N x NUM_PERM) and `version` ([format, NORMALISATION_VERSION]). One file instead of one
per post because opening 100,000 small files costs more than the tokenising it saves.

Writes go to a temp file in the same folder and `os.replace` it, so a reader sees the old file or
the new one, never half of one; with two runs at once the last writer wins and both files are
complete. A corrupt, unreadable or other-version file is ignored and rebuilt. `save` keeps only
entries used in this run (looked up or added): the corpus rules read every post each run, so an
untouched key belongs to a deleted or edited file, and dropping it keeps the cache from growing.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from pathlib import Path

import numpy as np

from contentlint.similarity import NORMALISATION_VERSION, NUM_PERM, Signature

CACHE_FORMAT = 1
FILE_NAME = "signatures.npz"


def content_key(data: bytes, lang: str) -> str:
    """Key of a post's signature: its bytes, its language and the tokeniser version."""
    h = hashlib.sha256(data)
    h.update(f"\0{NORMALISATION_VERSION}\0{lang}".encode("utf-8"))
    return h.hexdigest()


class SignatureCache:
    """Load once, `get`/`put` per post, `save` once at the end. `cache_dir=None` disables it."""

    def __init__(self, cache_dir: Path | None) -> None:
        self._dir = Path(cache_dir) if cache_dir is not None else None
        self._index: dict[str, int] = {}
        self._offsets = np.zeros(1, dtype=np.int64)
        self._shingles = np.empty(0, dtype=np.uint64)
        self._minhash = np.empty((0, NUM_PERM), dtype=np.uint32)
        self._used: set[str] = set()
        self._new: dict[str, Signature] = {}
        if self._dir is not None:
            self._load(self._dir / FILE_NAME)

    def _load(self, path: Path) -> None:
        try:
            with np.load(path, allow_pickle=False) as data:
                version = data["version"]
                if version.tolist() != [CACHE_FORMAT, NORMALISATION_VERSION]:
                    return
                keys, offsets = data["keys"], data["offsets"]
                shingles, minhash = data["shingles"], data["minhash"]
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
            return  # missing, corrupt or foreign: start empty, the next save rebuilds it
        n = len(keys)
        if (offsets.shape != (n + 1,) or minhash.shape != (n, NUM_PERM) or offsets[0] != 0
                or offsets[-1] != len(shingles) or np.any(np.diff(offsets) < 0)):
            return
        self._index = dict(zip(keys.astype("U64").tolist(), range(n)))
        self._offsets = offsets.astype(np.int64)
        self._shingles = shingles.astype(np.uint64, copy=False)
        self._minhash = minhash.astype(np.uint32, copy=False)

    def __len__(self) -> int:
        return len(self._index.keys() | self._new.keys())

    def get(self, key: str) -> Signature | None:
        if self._dir is None:
            return None
        if key in self._new:
            self._used.add(key)
            return self._new[key]
        i = self._index.get(key)
        if i is None:
            return None
        self._used.add(key)
        return Signature(self._shingles[self._offsets[i] : self._offsets[i + 1]], self._minhash[i])

    def put(self, key: str, signature: Signature) -> None:
        if self._dir is None:
            return
        self._new[key] = signature
        self._used.add(key)

    def save(self) -> None:
        """Write the used entries atomically; a no-op when disabled or nothing changed."""
        if self._dir is None:
            return
        if not self._new and self._used == self._index.keys():
            return
        keys = sorted(self._used)
        sigs = [self.get(k) for k in keys]
        sizes = np.fromiter((s.shingles.size for s in sigs), dtype=np.int64, count=len(sigs))  # type: ignore[union-attr]
        arrays = {
            "version": np.array([CACHE_FORMAT, NORMALISATION_VERSION], dtype=np.int64),
            "keys": np.array(keys, dtype="S64"),
            "offsets": np.concatenate(([0], np.cumsum(sizes))).astype(np.int64),
            "shingles": np.concatenate([s.shingles for s in sigs] or [np.empty(0, np.uint64)]).astype(np.uint64),  # type: ignore[union-attr]
            "minhash": np.array([s.minhash for s in sigs], dtype=np.uint32).reshape(len(sigs), NUM_PERM),  # type: ignore[union-attr]
        }
        self._dir.mkdir(parents=True, exist_ok=True)
        ignore = self._dir / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# created by contentlint\n*\n", encoding="utf-8")
        fd, tmp = tempfile.mkstemp(dir=self._dir, prefix=".signatures-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                np.savez(f, **arrays)
            os.replace(tmp, self._dir / FILE_NAME)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
