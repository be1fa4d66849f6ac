"""Turn the paths a user gave into the post files to check: folders walked once, globs expanded."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from contentlint.config.globs import PathPatterns
from contentlint.inputs.read import STDIN
from contentlint.text.document import POST_SUFFIXES

SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".contentlint_cache", ".tox"}


def real_path(path: Path) -> Path:
    """Path.resolve() without its RuntimeError on a symlink loop (Python < 3.13): a loop stays a loop."""
    return Path(os.path.realpath(path))


def display_path(path: Path, cwd: Path) -> str:
    """The path as the user gave it, relative to cwd (a link keeps its own name, not its target's).
    A string prefix test first: called for every post of a 100,000-post corpus."""
    absolute = os.path.abspath(path)
    prefix = os.path.join(os.path.abspath(cwd), "")
    if absolute.startswith(prefix):
        return absolute[len(prefix) :].replace(os.sep, "/")
    try:
        return Path(real_path(path)).relative_to(real_path(cwd)).as_posix()
    except ValueError:
        return path.as_posix()


class FolderIndex:
    """The files under each folder a run looks at, walked once: the command line's folders and
    config `content` usually name the same tree, and walking 10,000 posts twice was a fifth of
    an unchanged run. A Linter keeps one for its life, as it keeps its content list; a new
    Linter (each CLI run) walks again."""

    def __init__(self) -> None:
        self._walked: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
        self._unreadable: dict[str, list[tuple[tuple[str, ...], str]]] = {}

    def files_under(self, folder: Path) -> list[tuple[tuple[str, ...], bool]]:
        """(relative path as a name tuple, is a regular file) for everything below `folder`
        that is not a folder, sorted as pathlib sorts. Symbolic links, to files or folders, are
        neither followed nor listed: a link can point out of the repository (a post named x.md
        pointing at a secret) or make a loop. `SKIP_DIRS` are pruned. A pipe or device is listed
        (not regular) so that checking its folder says what it is. scandir's entry types need no
        system call per file."""
        key = os.path.realpath(folder)
        if key not in self._walked:
            unreadable: list[tuple[tuple[str, ...], str]] = []
            self._walked[key] = sorted(_scan(str(folder), unreadable))
            self._unreadable[key] = sorted(unreadable)
        return self._walked[key]

    def unreadable_under(self, folder: Path) -> list[tuple[tuple[str, ...], str]]:
        """(relative path, why) of the folders below `folder` (or itself, `()`) that could not be
        listed: their posts are not checked, and a run must say so."""
        self.files_under(folder)
        return self._unreadable[os.path.realpath(folder)]


def scan_folder(folder: str) -> tuple[list[str], list[str]]:
    """One folder's subfolders and post files (regular files with a post suffix), by name, as
    `FolderIndex` sees them: links neither listed nor followed, `SKIP_DIRS` pruned. For the corpus
    store, which lists only the folders that changed. Raises OSError when it cannot be listed."""
    folders: list[str] = []
    files: list[str] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_symlink():
                continue
            if entry.is_dir(follow_symlinks=False):
                if entry.name not in SKIP_DIRS:
                    folders.append(entry.name)
            elif entry.is_file(follow_symlinks=False) and entry.name.lower().endswith(POST_SUFFIXES):
                files.append(entry.name)
    return folders, files


def _scan(folder: str, unreadable: list[tuple[tuple[str, ...], str]]) -> Iterator[tuple[tuple[str, ...], bool]]:
    pending: list[tuple[tuple[str, ...], str]] = [((), folder)]
    while pending:
        parts, current = pending.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    if entry.is_symlink():
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        if entry.name not in SKIP_DIRS:
                            pending.append((parts + (entry.name,), entry.path))
                    else:
                        yield parts + (entry.name,), entry.is_file(follow_symlinks=False)
        except PermissionError:
            unreadable.append((parts, "permission denied: the folder cannot be read, so its posts were not checked"))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            unreadable.append((parts, f"cannot read the folder ({reason}), so its posts were not checked"))


def expand(
    paths: Iterable[str], extra_suffixes: tuple[str, ...] = (), index: FolderIndex | None = None
) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files under the given paths (folders walked without following links), and path errors."""
    named: set[str] = set()
    return expand_named(paths, named, extra_suffixes, index)


def expand_named(
    paths: Iterable[str],
    named: set[str],
    extra_suffixes: tuple[str, ...] = (),
    index: FolderIndex | None = None,
) -> tuple[list[Path], list[tuple[str, str]]]:
    """As `expand`, and adds to `named` (as `str(path)`) the files named themselves rather than
    found by walking a folder: only those may be of any type."""
    suffixes = POST_SUFFIXES + extra_suffixes
    index = index or FolderIndex()
    files: list[Path] = []
    errors: list[tuple[str, str]] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == STDIN:
            files.append(Path(STDIN))
            named.add(STDIN)
            continue
        path = Path(raw)
        kind = _kind_of(raw)
        if kind == "folder":
            # The walk follows no links, so a found file's real path is the folder's real path
            # plus its relative path: one realpath call per folder argument, not per file.
            # Strings, not pathlib, inside the loop: it runs for every post of the repo.
            real_folder = os.path.join(real_path(path), "")
            folder = os.path.join(raw, "")
            for parts, _ in index.files_under(path):
                if not parts[-1].lower().endswith(suffixes) or any(part.startswith(".") for part in parts[:-1]):
                    continue  # hidden folders are skipped when a folder is walked
                relative = os.sep.join(parts)
                key = real_folder + relative
                if key not in seen:
                    seen.add(key)
                    files.append(Path(folder + relative))
            for parts, reason in index.unreadable_under(path):
                if not any(part.startswith(".") for part in parts):  # hidden folders are not walked
                    errors.append((os.path.normpath(folder + os.sep.join(parts)) if parts else raw, reason))
        elif kind:  # a file, or a link (a broken link is reported when it is read)
            # realpath costs a system call per path component; only a link needs it
            key = str(real_path(path) if kind == "link" else os.path.abspath(path))
            if key not in seen:
                seen.add(key)
                files.append(path)
                named.add(str(path))
        else:
            errors.append((raw, "no such file or folder"))
    return files, errors


def _kind_of(raw: str) -> str:
    """ "folder" (a link to one too), "link" (to a file, or broken), "file" (anything else that
    exists, or cannot be looked at: reported when it is read) or "" (nothing there). One
    system call for a plain file: a run without paths names every post of the repo."""
    try:
        status = os.lstat(raw)
    except (FileNotFoundError, NotADirectoryError):
        return ""
    except OSError:
        return "file"
    if stat.S_ISDIR(status.st_mode):
        return "folder"
    if not stat.S_ISLNK(status.st_mode):
        return "file"
    try:
        return "folder" if stat.S_ISDIR(os.stat(raw).st_mode) else "link"
    except OSError:
        return "link"


def glob_content(
    patterns: Iterable[str], root: Path, index: FolderIndex | None = None, keep: Callable[[str], bool] | None = None
) -> list[Path]:
    """Post files matched by config `content` patterns (gitignore-style, relative to the
    config's folder: `config.globs`), sorted as pathlib sorts, and kept by `keep` (exclude,
    `.gitignore`). As when walking folders, symbolic links are not followed and SKIP_DIRS are
    pruned; hidden names are matched like any other."""
    index = index or FolderIndex()
    spec = PathPatterns(patterns, root)
    found: dict[str, None] = {}
    bases = spec.walk_bases()
    for base in bases:
        if any(part in SKIP_DIRS for part in base.parts) or not base.is_dir():
            continue
        folder = os.path.join(base, "")
        relative_base = folder[len(spec.root) :].replace(os.sep, "/")
        for parts, regular in index.files_under(base):
            if not regular or not parts[-1].lower().endswith(POST_SUFFIXES):
                continue
            if spec.matches_relative(relative_base + "/".join(parts)):
                path = folder + os.sep.join(parts)
                if keep is None or keep(path):
                    found[path] = None
    # One folder walked: already in pathlib's order (FolderIndex sorts); several: merged.
    return [Path(path) for path in (found if len(bases) == 1 else sorted(found, key=_path_order))]


def covered_by(path: Path, patterns: Iterable[str], root: Path) -> bool:
    """Whether config `content` patterns (relative to `root`) match this post file, with the
    same meaning as `glob_content`, without walking anything: for one file an editor or the web
    page asks about."""
    absolute = os.path.abspath(path)
    if not absolute.lower().endswith(POST_SUFFIXES):
        return False
    if any(part in SKIP_DIRS for part in Path(absolute).parts[:-1]):
        return False
    return PathPatterns(patterns, root).matches(absolute)


def _path_order(path: str) -> tuple[str, ...]:
    """Sort key equal to pathlib's order (by parts), for paths built as strings."""
    return tuple(os.path.normcase(path).split(os.sep))


@dataclass(frozen=True)
class ContentScope:
    """Where a config's posts are, for the corpus store, which lists only changed folders: the
    folders `content` is walked from, and whether a file found there is one of its posts."""

    bases: tuple[str, ...]
    is_post: Callable[[str], bool]  # an absolute, normalised path
