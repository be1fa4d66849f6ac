"""A digest of contentlint's own files as installed: part of every cache key.

Cached findings must not outlive the code that produced them: a kind or rule file edited under
the same version string would otherwise keep returning the old findings. The digest covers the
package folder (code, word lists, data, assets) and the built-in rules (inside the package when
installed, beside it in a checkout).

Hashing them (about 160 files, 2 MB) takes a few milliseconds; listing their `stat` takes under
one. So the content digest is remembered in the result cache under a digest of the stats (path,
size, modification and change time, inode), and an unchanged install costs the listing and one
lookup. A process lists the files once: the code it runs does not change under it.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

from contentlint.cache.result_cache import ResultCache
from contentlint.cache.run_snapshot import stat_key
from contentlint.config.builtin import builtin_rules_dir

PACKAGE = Path(__file__).resolve().parent.parent


def code_digest(cache: ResultCache) -> str:
    """The digest of the package's files, from the cache when their stats are unchanged."""
    files, stats = installed_files()
    key = "code:" + stats
    known = cache.get_payload(key)
    if known is not None:
        return known
    digest = content_digest(files)
    cache.put_payload(key, digest)
    return digest


@lru_cache(maxsize=1)
def installed_files() -> tuple[tuple[str, ...], str]:
    """Every file of the package and the built-in rules (no bytecode), and a digest of their stats."""
    roots = [PACKAGE]
    rules = builtin_rules_dir()
    if not rules.is_relative_to(PACKAGE):
        roots.append(rules)
    files: list[str] = []
    for root in roots:
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
            files.extend(os.path.join(folder, name) for name in names if not name.endswith((".pyc", ".pyo")))
    files.sort()
    digest = hashlib.sha256()
    for path in files:
        try:
            digest.update("\0".join(map(str, [path, *stat_key(os.stat(path))])).encode("utf-8", "surrogatepass"))
        except OSError:
            digest.update(f"{path}\0missing".encode("utf-8", "surrogatepass"))
        digest.update(b"\n")
    return tuple(files), digest.hexdigest()


def content_digest(files: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(os.path.relpath(path, PACKAGE.parent).encode("utf-8", "surrogatepass") + b"\0")
        try:
            with open(path, "rb") as handle:
                digest.update(handle.read())
        except OSError:
            digest.update(b"<unreadable>")
        digest.update(b"\0")
    return digest.hexdigest()
