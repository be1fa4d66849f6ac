"""The corpus for a run: every post of config `content` plus the targets, read as little as
possible, and its index of signatures built through the signature cache.

A post whose `stat` matches the stat digest index is not read; a post whose digest is in the
signature cache is not parsed. Only new or edited posts are parsed, and the targets' entries come
from the pass that linted them (`Engine.lint_file(..., index=True)`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from contentlint.cache.signature_cache import SignatureCache, post_key
from contentlint.cache.stat_digests import StatDigests
from contentlint.engine.corpus_index import CorpusIndex, entry_of
from contentlint.engine.engine import Engine
from contentlint.inputs.corpus import CorpusFile
from contentlint.inputs.read import ReadError, read_bytes
from contentlint.inputs.walk import display_path
from contentlint.kinds.corpus import CorpusPost, IndexEntry
from contentlint.model.defaults import Defaults


def defaults_key(digest: str, defaults: Defaults) -> str:
    """The signature cache key of a post: its bytes, and the run defaults that shape its parse."""
    return post_key(digest, f"{defaults.channels}\0{defaults.audiences}\0{defaults.lang}")


def load_corpus(
    engine: Engine,
    targets: Sequence[CorpusFile],
    cwd: Path,
    content_files: Callable[[], list[Path]],
    digests: StatDigests | None = None,
) -> list[CorpusFile]:
    """Every post of config `content` plus the targets (targets win over their stored copies).
    A post whose stat matches `digests` is not read: its digest is all the index needs unless
    its signature is not cached."""
    corpus = {target.display: target for target in targets}
    if digests is not None:  # read already: their digests spare the next run a read
        for target in targets:
            if target.display == "<stdin>":
                continue
            try:
                # the run's stat, taken before the read: a write in between changes the
                # change time, so the next run's stat will not match this entry
                absolute = os.path.abspath(target.path)
                digests.record(absolute, digests.stat(absolute), target.digest)
            except OSError:
                continue
    for path in content_files():
        display = display_path(path, cwd)
        if display in corpus:
            continue
        try:
            status = digests.stat(str(path)) if digests is not None else None
            known = digests.known(str(path), status) if digests is not None and status is not None else None
            if known is not None:
                corpus[display] = CorpusFile(
                    path, display, None, engine.defaults_for(display), engine.config.csv, known
                )
                continue
            corpus[display] = CorpusFile(
                path, display, read_bytes(path), engine.defaults_for(display), engine.config.csv
            )
            if digests is not None and status is not None:
                digests.record(str(path), status, corpus[display].digest)
        except (ReadError, OSError):
            continue  # reported when the file itself is checked; the corpus just skips it
    return list(corpus.values())


def build_index(
    corpus: Sequence[CorpusFile], cache_dir: Path | None, prepared: Mapping[str, IndexEntry] | None = None
) -> CorpusIndex:
    """Signatures and routing of every readable corpus post; parses only signature cache misses.
    `prepared`: entries by signature cache key, made while the targets were linted."""
    cache = SignatureCache(cache_dir)
    prepared = prepared or {}
    files: list[tuple[str, list[CorpusPost]]] = []
    for file in corpus:
        if file.holds_many:  # rows of a scheduler CSV: few, parsed each run
            files.append((file.display, [CorpusPost.of(file.display, entry_of(doc), doc) for doc in file.documents]))
            continue
        key = defaults_key(file.digest, file.defaults)
        entry = prepared.get(key)
        if entry is not None:
            cache.put(key, entry)
        else:
            entry = cache.get(key)
        if entry is None:
            doc = file.document
            if doc is None:
                continue  # undecodable: reported as a file error elsewhere
            entry = entry_of(doc)
            cache.put(key, entry)
        files.append((file.display, [CorpusPost.of(file.display, entry)]))
    with contextlib.suppress(OSError):  # a cache that cannot be written costs time, never a finding
        cache.save()
    return CorpusIndex(files)
