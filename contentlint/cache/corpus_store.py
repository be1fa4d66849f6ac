"""The corpus index on disk, so that a pre-commit run reads what it compares and no more.

A hook run checks one post against every post of config `content`. Loading 100,000 signatures,
stat-ing 100,000 posts and joining them took about 4.8 s; with this store a run maps the arrays,
stats the folders (a few hundred) and reads the postings of the checked post's shingles.

Two files per setup (`setup_key`: the code, the config fields that shape a post's entry, the
command line's defaults) in the cache folder's `corpus/`:

- `<setup>.bin`, the base: every post of the last full build, sorted by folder then name, as
  arrays after a JSON header (`_write_arrays`), memory-mapped: paths, stats, `PostMeta` JSON,
  shingles, and the inverted index (sorted unique shingle `keys`, `starts`, `postings` of rows).
- `<setup>.json`, the changes since: folders with their stat and base rows, posts read since the
  base was built (`delta`, with their shingles) and base rows that are stale (`dead`).

When the changes reach `REBUILD_SHARE` of the base (at least `REBUILD_MIN` posts), the next save
writes a new base from the old arrays and the delta, reading no post. Files are written to a
temporary name and renamed, the base first: a reader sees a complete old or new pair. A damaged,
foreign or other-format store is ignored (the run builds the index the slow way and a new store).
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from contentlint.kinds.corpus import IndexEntry, PostMeta

if TYPE_CHECKING:  # numpy loads when the store is read: a run answered from its last report needs none
    import numpy as np

    from contentlint.text.similarity import Signature

FORMAT = 1
FOLDER = "corpus"
MAGIC = b"CLSTORE1"
REBUILD_MIN = 256
REBUILD_SHARE = 32
_ALIGN = 64
_ARRAYS = (
    "paths",
    "path_offsets",
    "stats",
    "meta",
    "meta_offsets",
    "offsets",
    "shingles",
    "keys",
    "starts",
    "postings",
)

StatKey = tuple[int, ...]  # run_snapshot.stat_key: size, modification and change time, inode, device


def setup_key(parts: Sequence[object]) -> str:
    """The store's name: everything a stored entry depends on besides the post's bytes (the
    caller's parts include the code's digest, which covers the token rules)."""
    text = json.dumps([FORMAT, *map(repr, parts)])
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


@dataclass(frozen=True)
class StoredPost:
    """One post as the store keeps it: where it is, the stat it was read with, its entry."""

    path: str  # absolute
    stat: StatKey
    settled: bool  # changed long enough before it was read that a later write changes its stat
    entry: IndexEntry


@dataclass
class Folder:
    """A folder walked for posts: its stat when listed ("" while too fresh to trust) and the
    base rows of its posts."""

    stat: str
    lo: int = 0
    hi: int = 0


class Base:
    """The memory-mapped arrays of the last full build. Rows are posts."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self.paths = arrays["paths"]
        self.path_offsets = arrays["path_offsets"]
        self.stats = arrays["stats"]  # int64 (rows, 6): the stat key, then 1 when settled
        self.meta = arrays["meta"]
        self.meta_offsets = arrays["meta_offsets"]
        self.offsets = arrays["offsets"]
        self.shingles = arrays["shingles"]
        self.keys = arrays["keys"]
        self.starts = arrays["starts"]
        self.postings = arrays["postings"]
        n = len(self.stats)
        if not (
            self.path_offsets.shape == self.meta_offsets.shape == self.offsets.shape == (n + 1,)
            and self.starts.shape == (len(self.keys) + 1,)
            and self.offsets[-1] == len(self.shingles)
            and self.starts[-1] == len(self.postings)
            and self.path_offsets[-1] == len(self.paths)
            and self.meta_offsets[-1] == len(self.meta)
        ):
            raise ValueError("inconsistent arrays")

    def __len__(self) -> int:
        return len(self.stats)

    def path(self, row: int) -> str:
        raw = self.paths[self.path_offsets[row] : self.path_offsets[row + 1]].tobytes()
        return raw.decode("utf-8", "surrogateescape")

    def stat(self, row: int) -> tuple[StatKey, bool]:
        values = self.stats[row].tolist()
        return tuple(values[:5]), bool(values[5])

    def rows(self) -> Iterator[tuple[int, str, StatKey, bool]]:
        """(row, path, stat, settled) of every row, read in bulk (a whole-repo run compares them all)."""
        raw = self.paths.tobytes()
        offsets = self.path_offsets.tolist()
        for row, values in enumerate(self.stats.tolist()):
            path = raw[offsets[row] : offsets[row + 1]].decode("utf-8", "surrogateescape")
            yield row, path, tuple(values[:5]), bool(values[5])

    def signature(self, row: int) -> Signature:
        import numpy as np

        from contentlint.text.similarity import Signature

        return Signature(np.array(self.shingles[self.offsets[row] : self.offsets[row + 1]], dtype=np.uint64))

    def entry(self, row: int) -> IndexEntry:
        raw = self.meta[self.meta_offsets[row] : self.meta_offsets[row + 1]].tobytes()
        return IndexEntry(self.signature(row), PostMeta.from_json(json.loads(raw.decode("utf-8", "surrogatepass"))))

    def post(self, row: int) -> StoredPost:
        stat, settled = self.stat(row)
        return StoredPost(self.path(row), stat, settled, self.entry(row))


@dataclass
class CorpusStore:
    """The store of one setup, as loaded: its base, folders, delta and dead rows."""

    folder: Path
    setup: str
    base: Base | None = None
    base_id: str | None = None
    folders: dict[str, Folder] = field(default_factory=dict)
    delta: dict[str, StoredPost] = field(default_factory=dict)
    dead: set[int] = field(default_factory=set)
    changed: bool = False

    @property
    def pointer(self) -> Path:
        return self.folder / f"{self.setup}.json"

    @property
    def base_file(self) -> Path:
        return self.folder / f"{self.setup}.bin"

    def __len__(self) -> int:
        return (len(self.base) if self.base is not None else 0) - len(self.dead) + len(self.delta)

    def base_rows_in(self, folder: str) -> range:
        known = self.folders.get(folder)
        return range(known.lo, known.hi) if known is not None and self.base is not None else range(0)

    def base_row(self, path: str) -> int | None:
        """The base row that holds `path`, live or dead, found among its folder's rows."""
        base = self.base
        if base is None:
            return None
        return next((row for row in self.base_rows_in(os.path.dirname(path)) if base.path(row) == path), None)

    def live_row(self, path: str) -> int | None:
        """The base row of `path` unless a newer copy or its removal made it dead."""
        row = self.base_row(path)
        return row if row is not None and row not in self.dead else None

    def put(self, post: StoredPost, row: int | None) -> None:
        """A post read in this run (`row`: its base row, if the base holds an older copy)."""
        self.delta[post.path] = post
        if row is not None:
            self.dead.add(row)
        self.changed = True

    def drop(self, path: str, row: int | None) -> None:
        """A post that is gone."""
        if self.delta.pop(path, None) is not None:
            self.changed = True
        if row is not None and row not in self.dead:
            self.dead.add(row)
            self.changed = True

    def needs_rebuild(self) -> bool:
        size = len(self.base) if self.base is not None else 0
        return len(self.delta) + len(self.dead) > max(REBUILD_MIN, size // REBUILD_SHARE)


def read_pointer(cache_dir: Path, setup: str) -> dict[str, Any] | None:
    """The pointer file of this setup as written (None when absent, damaged or foreign)."""
    try:
        data = json.loads((cache_dir / FOLDER / f"{setup}.json").read_bytes().decode("utf-8", "surrogatepass"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("setup") != setup:
        return None
    return data


def load(cache_dir: Path, setup: str) -> CorpusStore | None:
    """The store of this setup, or None when there is none or it cannot be used."""
    import numpy as np

    from contentlint.text.similarity import Signature

    store = CorpusStore(cache_dir / FOLDER, setup)
    data = read_pointer(cache_dir, setup)
    if data is None:
        return None
    try:
        if data.get("base"):
            store.base = _open_base(store.base_file, str(data["base"]))
            store.base_id = str(data["base"])
        for path, (stat, lo, hi) in data["folders"].items():
            store.folders[path] = Folder(str(stat), int(lo), int(hi))
        for path, (stat, settled, meta, shingles) in data["delta"].items():
            signature = Signature(np.frombuffer(bytes.fromhex(shingles), dtype="<u8").astype(np.uint64))
            entry = IndexEntry(signature, PostMeta.from_json(meta))
            store.delta[path] = StoredPost(path, tuple(int(v) for v in stat), bool(settled), entry)
        store.dead = {int(row) for row in data["dead"]}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return store


def save(store: CorpusStore) -> None:
    """Write what changed: the pointer, and a new base first when the delta has grown."""
    if not store.changed:
        return
    store.folder.mkdir(exist_ok=True)
    if store.base is None or store.needs_rebuild():
        posts = [store.base.post(row) for row in range(len(store.base)) if row not in store.dead] if store.base else []
        write_base(store, [*posts, *store.delta.values()])
    payload = {
        "format": FORMAT,
        "setup": store.setup,
        "base": store.base_id,
        "folders": {path: [f.stat, f.lo, f.hi] for path, f in sorted(store.folders.items())},
        "delta": {
            post.path: [
                list(post.stat),
                post.settled,
                post.entry.meta.to_json(),
                post.entry.signature.shingles.astype("<u8").tobytes().hex(),
            ]
            for post in store.delta.values()
        },
        "dead": sorted(store.dead),
        "count": len(store),
    }
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogatepass")
    _write_atomic(store.pointer, lambda out: out.write(data))
    store.changed = False


def write_base(store: CorpusStore, posts: Iterable[StoredPost]) -> None:
    """Write `posts` as the new base (rows by folder, then name), point the folders at their rows
    and empty the delta; `save` then writes the pointer that names it."""
    ordered = sorted(posts, key=lambda post: os.path.split(post.path))
    rows: dict[str, list[int]] = {}
    for row, post in enumerate(ordered):
        rows.setdefault(os.path.dirname(post.path), []).append(row)
    for path in rows.keys() - store.folders.keys():
        store.folders[path] = Folder("")  # not walked (a literal `content` path): listed next run
    for path, known in store.folders.items():
        found = rows.get(path)
        known.lo, known.hi = (found[0], found[-1] + 1) if found else (0, 0)
    arrays = _arrays(ordered)
    base_id = os.urandom(8).hex()
    store.folder.mkdir(exist_ok=True)
    _write_arrays(store.base_file, base_id, arrays)
    store.base, store.base_id = Base(arrays), base_id
    store.delta = {}
    store.dead = set()
    store.changed = True


def _arrays(posts: Sequence[StoredPost]) -> dict[str, np.ndarray]:
    import numpy as np

    def blob(parts: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
        sizes = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
        return np.frombuffer(b"".join(parts), dtype=np.uint8), np.concatenate(([0], np.cumsum(sizes))).astype(np.int64)

    paths, path_offsets = blob([post.path.encode("utf-8", "surrogateescape") for post in posts])
    meta, meta_offsets = blob(
        [json.dumps(p.entry.meta.to_json(), ensure_ascii=False).encode("utf-8", "surrogatepass") for p in posts]
    )
    stats = np.array([[*post.stat, int(post.settled)] for post in posts], dtype=np.int64).reshape(len(posts), 6)
    sizes = np.fromiter((p.entry.signature.shingles.size for p in posts), dtype=np.int64, count=len(posts))
    shingles = (
        np.concatenate([p.entry.signature.shingles for p in posts]).astype(np.uint64, copy=False)
        if posts
        else np.empty(0, np.uint64)
    )
    # The inverted index in one sort (np.unique would sort again): at 100,000 posts each of these
    # arrays is 30-60 MB, and the first run builds them while holding everything else.
    order = np.argsort(shingles, kind="stable")  # rows stay ascending within a key
    ordered = shingles[order]
    first = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1]))) if ordered.size else order[:0]
    keys = ordered[first]
    del ordered
    postings = np.repeat(np.arange(len(posts), dtype=np.int32), sizes)[order]
    del order
    return {
        "paths": paths,
        "path_offsets": path_offsets,
        "stats": stats,
        "meta": meta,
        "meta_offsets": meta_offsets,
        "offsets": np.concatenate(([0], np.cumsum(sizes))).astype(np.int64),
        "shingles": shingles,
        "keys": keys.astype(np.uint64, copy=False),
        "starts": np.concatenate((first, [shingles.size])).astype(np.int64),
        "postings": postings,
    }


def _write_arrays(path: Path, base_id: str, arrays: dict[str, np.ndarray]) -> None:
    """MAGIC, the header's length (8 bytes), the JSON header, then each array 64-byte aligned."""
    import numpy as np

    layout: dict[str, Any] = {}
    offset = 0
    for name in _ARRAYS:
        array = np.ascontiguousarray(arrays[name])
        offset = -(-offset // _ALIGN) * _ALIGN
        layout[name] = [array.dtype.str, list(array.shape), offset]
        offset += array.nbytes
    header = json.dumps({"id": base_id, "arrays": layout}).encode("ascii")
    start = -(-(len(MAGIC) + 8 + len(header)) // _ALIGN) * _ALIGN

    def write(out: BinaryIO) -> None:
        out.write(MAGIC + len(header).to_bytes(8, "little") + header)
        for name in _ARRAYS:
            out.seek(start + layout[name][2])
            out.write(np.ascontiguousarray(arrays[name]).tobytes())
        out.truncate(start + offset)

    _write_atomic(path, write)


def _read_header(handle: Any) -> tuple[str, dict[str, Any], int]:
    if handle[: len(MAGIC)] != MAGIC:
        raise ValueError("not a corpus store")
    size = int.from_bytes(handle[len(MAGIC) : len(MAGIC) + 8], "little")
    header = json.loads(bytes(handle[len(MAGIC) + 8 : len(MAGIC) + 8 + size]))
    return str(header["id"]), header["arrays"], -(-(len(MAGIC) + 8 + size) // _ALIGN) * _ALIGN


def _open_base(path: Path, expected_id: str) -> Base:
    """Map the base; raises ValueError when it is not the one the pointer names or is damaged."""
    import numpy as np

    with open(path, "rb") as stream:
        handle = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
    base_id, layout, start = _read_header(handle)
    if base_id != expected_id:
        handle.close()
        raise ValueError("the base was replaced since the pointer was written")
    arrays: dict[str, np.ndarray] = {}
    for name in _ARRAYS:
        dtype, shape, offset = layout[name]
        count = int(np.prod(shape)) if shape else 1
        if start + offset + count * np.dtype(dtype).itemsize > len(handle):
            raise ValueError("truncated")
        arrays[name] = np.frombuffer(handle, dtype=np.dtype(dtype), count=count, offset=start + offset).reshape(shape)
    return Base(arrays)  # the arrays keep the mapping open, and it closes with the last of them


def _write_atomic(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`: a reader sees the
    old file or the new one, never part of one."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".store-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            write(out)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
