"""The corpus store in a run: open it and bring it up to date for a few checked posts, or write
it from a run that indexed every post.

A run that checks a few posts (a pre-commit hook; at most one in `QUERY_SHARE` of the corpus)
uses the store when there is one for its setup: folders are stat-ed (`corpus_refresh`), changed
posts read and parsed, and the checked posts compared through `StoredIndex`. A run that reads
every post anyway (no store yet, a whole-repo check) writes the store from the index it built.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from contentlint.cache import run_snapshot
from contentlint.cache.corpus_refresh import Refresh, folder_key, walk_folders
from contentlint.cache.corpus_store import (
    REBUILD_MIN,
    REBUILD_SHARE,
    CorpusStore,
    Folder,
    StatKey,
    StoredPost,
    load,
    read_pointer,
    save,
    setup_key,
    write_base,
)
from contentlint.engine.corpus_index import CorpusIndex, entry_of
from contentlint.engine.engine import Engine
from contentlint.inputs.corpus import CorpusFile
from contentlint.inputs.read import ReadError, read_bytes
from contentlint.inputs.walk import ContentScope, display_path
from contentlint.kinds.corpus import CorpusPost, IndexEntry
from contentlint.model.violation import FileError, Violation
from contentlint.text.document import Document

if TYPE_CHECKING:
    from contentlint.cache.stored_index import StoredIndex

RECENT_SECONDS = 3600
QUERY_SHARE = 8  # as text.similarity: more checked posts than an eighth of the corpus, join them all


def setup_of(engine: Engine, code: str) -> str:
    """Everything an entry depends on besides the post: the code, and what shapes a parse and
    which files are posts (the config's content, defaults, overrides; the command line's)."""
    config = engine.config
    return setup_key(
        [
            code,
            os.path.abspath(config.root),
            config.content,
            config.exclude,
            config.lang,
            config.default_channel,
            config.overrides,
            config.channels,
            config.csv,
            engine.selection.channel,
            engine.selection.audience,
        ]
    )


def open_for(cache_dir: Path, setup: str, targets: int) -> CorpusStore | None:
    """The store, when it can answer a run of `targets` checked posts (its pointer says how many
    posts it holds, so a whole-repo run maps nothing)."""
    pointer = read_pointer(cache_dir, setup)
    if pointer is None or not isinstance(pointer.get("count"), int) or targets * QUERY_SHARE > pointer["count"]:
        return None
    store = load(cache_dir, setup)
    if store is None or store.base is None or targets * QUERY_SHARE > len(store):
        return None
    return store


def read_entry(engine: Engine, path: str, cwd: Path) -> IndexEntry | None:
    """A post's entry, read and parsed now (None when it cannot be read or decoded)."""
    display = display_path(Path(path), cwd)
    try:
        data = read_bytes(Path(path))
    except (ReadError, OSError):
        return None
    doc = CorpusFile(Path(path), display, data, engine.defaults_for(display), engine.config.csv).document
    return entry_of(doc) if doc is not None else None


def refresh(
    store: CorpusStore, engine: Engine, scope: ContentScope, cwd: Path, started_ns: int, targets: Sequence[str] = ()
) -> None:
    """Bring the store up to date with the folders: read what changed, drop what is gone. The
    run's `targets` (absolute paths) are left to `index_for`: the run has read them already."""
    changes = Refresh(store, scope.bases, scope.is_post, started_ns).run()
    for path, row in changes.gone.items():
        store.drop(path, row)
    skip = set(targets)
    for path, (status, row) in changes.read.items():
        if path not in skip:
            _put(store, engine, path, status, row, cwd, started_ns)


def stored(path: str, status: os.stat_result, entry: IndexEntry, started_ns: int) -> StoredPost:
    """A post as the store keeps it, read with `status` in a run started at `started_ns`."""
    return StoredPost(path, tuple(run_snapshot.stat_key(status)), run_snapshot.settled(status, started_ns), entry)


def _put(
    store: CorpusStore, engine: Engine, path: str, status: os.stat_result, row: int | None, cwd: Path, started_ns: int
) -> None:
    entry = read_entry(engine, path, cwd)
    if entry is None:
        store.drop(path, row)
        return
    store.put(stored(path, status, entry, started_ns), row)


def index_for(
    store: CorpusStore,
    engine: Engine,
    targets: Sequence[tuple[CorpusFile, Sequence[CorpusPost]]],
    scope: ContentScope,
    cwd: Path,
    started_ns: int,
) -> StoredIndex:
    """The index for the checked posts: stored posts plus the targets as this run read them. A
    target that is a post of `content` goes into the store too (the next run need not read it)."""
    for target, posts in targets:
        path = os.path.abspath(target.path)
        if target.display == "<stdin>" or target.holds_many or len(posts) != 1 or not scope.is_post(path):
            continue
        with contextlib.suppress(OSError):
            status = os.stat(path)
            known = store.live_row(path)
            store.put(stored(path, status, IndexEntry(posts[0].signature, posts[0].meta), started_ns), known)

    return view(store, engine, cwd, started_ns, [(target.display, posts) for target, posts in targets])


def view(
    store: CorpusStore,
    engine: Engine,
    cwd: Path,
    started_ns: int,
    memory: Sequence[tuple[str, Sequence[CorpusPost]]] = (),
) -> StoredIndex:
    """The store as a corpus index, with posts held in memory over it; a stored post about to be
    reported against is re-read first if it changed on disk."""
    from contentlint.cache.stored_index import StoredIndex  # numpy: only when posts are compared

    def verify(paths: list[str]) -> set[str]:
        """Stored posts about to be reported against: re-read those changed on disk."""
        changed: set[str] = set()
        for path in paths:
            row = store.live_row(path)
            post = store.delta.get(path)
            if post is None and row is None:
                continue
            before = post if post is not None else store.base.post(row)  # type: ignore[union-attr, arg-type]
            try:
                status = os.stat(path)
            except OSError:
                store.drop(path, row)
                changed.add(path)
                continue
            if before.settled and before.stat == tuple(run_snapshot.stat_key(status)):
                continue
            _put(store, engine, path, status, row, cwd, started_ns)
            after = store.delta.get(path)
            if after is None or after.entry != before.entry:
                changed.add(path)
        return changed

    return StoredIndex(store, cwd, memory, verify)


def write_from(
    cache_dir: Path,
    setup: str,
    index: CorpusIndex,
    corpus: Sequence[CorpusFile],
    scope: ContentScope,
    started_ns: int,
    stat_of: Callable[[str], os.stat_result] = os.stat,
    content: Collection[str] | None = None,
) -> None:
    """Bring the store to what a run that indexed every post of `content` found. A store of this
    setup takes the differences into its delta; a new one is written when there is none or they
    are many. `stat_of`: the stat the run read each post with (taken before the read, so a later
    write makes it stale, never the entry). `content`: the paths of config `content` when the
    caller has them (else each is tested by `scope`)."""
    is_post = content.__contains__ if content is not None else scope.is_post
    posts: list[StoredPost] = []
    for file in corpus:
        path = os.fspath(file.path)  # `content`'s paths are absolute already: abspath costs more than the rest
        if not os.path.isabs(path):
            path = os.path.abspath(path)
        if not is_post(path) or file.holds_many:  # (`content` globs post files: never a CSV of many)
            continue
        found = index.posts_of(file.display)
        if len(found) != 1:
            continue
        try:
            status = stat_of(path)
        except OSError:
            continue
        posts.append(stored(path, status, IndexEntry(found[0].signature, found[0].meta), started_ns))
    old = load(cache_dir, setup)
    if old is not None and old.base is not None and _sync(old, posts):
        return
    store = CorpusStore(cache_dir / "corpus", setup)
    _record_folders(store, scope.bases, started_ns)
    write_base(store, posts)
    with contextlib.suppress(OSError):
        save(store)
        _remove_others(store)


def _sync(store: CorpusStore, posts: Sequence[StoredPost]) -> bool:
    """Put what differs from `posts` into the store's delta and save it; False (nothing done)
    when the differences are over a rebuild's worth, so a new base is written instead."""
    current = _stored_posts(store)
    wanted = {post.path for post in posts}
    gone = [(path, row) for path, (row, _, _) in current.items() if path not in wanted]
    changed = [
        post for post in posts if not post.settled or current.get(post.path, (None, (), False))[1:] != (post.stat, True)
    ]
    if len(gone) + len(changed) > max(REBUILD_MIN, len(store) // REBUILD_SHARE):
        return False
    for path, row in gone:
        store.drop(path, row)
    for post in changed:
        store.put(post, current.get(post.path, (None, (), False))[0])
    save(store)
    return True


def _stored_posts(store: CorpusStore) -> dict[str, tuple[int | None, StatKey, bool]]:
    """Every post the store holds: its live base row (None for the delta's), stat and trust."""
    found: dict[str, tuple[int | None, StatKey, bool]] = {}
    if store.base is not None:
        for row, path, stat, settled in store.base.rows():
            if row not in store.dead:
                found[path] = (row, stat, settled)
    for path, post in store.delta.items():
        found[path] = (found[path][0] if path in found else None, post.stat, post.settled)
    return found


def _record_folders(store: CorpusStore, bases: Sequence[str], started_ns: int) -> None:
    for base in bases:
        if os.path.isdir(base) and not os.path.islink(base):
            for folder, status, _ in walk_folders(base):
                key = folder_key(status) if run_snapshot.settled(status, started_ns) else ""
                store.folders[folder] = Folder(key)


def _remove_others(store: CorpusStore) -> None:
    """Stores of other setups (another version of contentlint, a changed config) are about 1 KB
    a post: keep those used in the last hour (a run may have one open) and the one used last
    before that (two setups can take turns, as runs with and without `--channel` do)."""
    others: list[tuple[float, str]] = []
    for entry in os.scandir(store.folder):
        if entry.name.startswith(store.setup) or not entry.name.endswith((".json", ".bin", ".tmp")):
            continue
        with contextlib.suppress(OSError):
            others.append((entry.stat(follow_symlinks=False).st_mtime, entry.path))
    recent = time.time() - RECENT_SECONDS
    used = sorted(((mtime, _setup_of(path)) for mtime, path in others if _setup_of(path)), reverse=True)
    keep = {setup for mtime, setup in used if mtime >= recent}
    before = [setup for mtime, setup in used if mtime < recent]
    keep.update(before[:1])
    for mtime, path in others:
        if _setup_of(path) not in keep and mtime < recent:
            with contextlib.suppress(OSError):
                os.unlink(path)


def _setup_of(path: str) -> str:
    """The setup a store file belongs to ("" for a temporary file)."""
    name = os.path.basename(path)
    return "" if name.startswith(".") else name.split(".")[0]


def stored_findings(
    store: CorpusStore,
    engine: Engine,
    scope: ContentScope,
    cwd: Path,
    started_ns: int,
    targets: Sequence[CorpusFile],
    prepared: Mapping[str, IndexEntry],
) -> tuple[list[Violation], list[FileError]] | None:
    """The corpus rules for a run's few posts: the store brought up to date, the targets as the
    run read them (`prepared`: their entries made while they were linted), then saved. None when
    the store turns out damaged (it is removed: the caller answers from the posts themselves)."""
    from contentlint.cache.indexing import defaults_key  # (its signature cache loads numpy)

    try:
        refresh(store, engine, scope, cwd, started_ns, [os.path.abspath(t.path) for t in targets])
    except (IndexError, ValueError, TypeError, OverflowError):  # a pointer that names rows the base lacks
        store.pointer.unlink(missing_ok=True)
        return None
    posts: list[tuple[CorpusFile, list[CorpusPost]]] = []
    for target in targets:
        if target.holds_many:
            posts.append((target, [CorpusPost.of(target.display, entry_of(d), d) for d in target.documents]))
            continue
        entry = prepared.get(defaults_key(target.digest, target.defaults))
        if entry is None:
            doc = target.document
            if doc is None:
                continue  # undecodable: reported as a file error
            entry = entry_of(doc)
        posts.append((target, [CorpusPost.of(target.display, entry)]))
    index = index_for(store, engine, posts, scope, cwd, started_ns)
    by_display = {target.display: target for target in targets}

    def document_of(post: CorpusPost) -> Document | None:
        target = by_display.get(post.display)
        return target.document if target is not None else None

    found, errors = engine.corpus_findings([t.display for t in targets], index, document_of)
    if index.damaged:
        return None
    with contextlib.suppress(OSError):  # a store that cannot be written costs time, never a finding
        save(store)
    return found, errors
