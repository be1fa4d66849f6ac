"""Turn the paths a user gave into the post files to check: folders walked once, globs expanded."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

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
    suffixes = POST_SUFFIXES + extra_suffixes
    index = index or FolderIndex()
    files: list[Path] = []
    errors: list[tuple[str, str]] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == STDIN:
            files.append(Path(STDIN))
            continue
        path = Path(raw)
        if path.is_dir():
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
        elif path.exists() or path.is_symlink():  # a broken link is reported when it is read
            # realpath costs a system call per path component; only a link needs it
            key = str(real_path(path) if path.is_symlink() else os.path.abspath(path))
            if key not in seen:
                seen.add(key)
                files.append(path)
        else:
            errors.append((raw, "no such file or folder"))
    return files, errors


def glob_content(patterns: Iterable[str], root: Path, index: FolderIndex | None = None) -> list[Path]:
    """Files matched by config `content` globs (relative to the config's folder), sorted. As when
    walking folders, symbolic links below the pattern's literal start are not followed. Globs
    mean what pathlib's mean (`**` any folders, `*` within a name, hidden names included)."""
    index = index or FolderIndex()
    found: dict[str, None] = {}  # in the walk's (pathlib's) order: one pattern needs no sort
    patterns = list(patterns)
    for pattern in patterns:
        base, rest = _literal_prefix(Path(pattern) if os.path.isabs(pattern) else root / pattern)
        if not rest:
            if (
                base.is_file()
                and not base.is_symlink()
                and base.name.lower().endswith(POST_SUFFIXES)
                and not any(part in SKIP_DIRS for part in base.parts)
            ):
                found[str(base)] = None
            continue
        if any(part in SKIP_DIRS for part in base.parts) or not base.is_dir():
            continue
        matcher = _glob_regex(rest)
        if matcher is None:
            continue
        folder = os.path.join(base, "")
        for parts, regular in index.files_under(base):
            if regular and parts[-1].lower().endswith(POST_SUFFIXES) and matcher.fullmatch("/".join(parts)):
                found[folder + os.sep.join(parts)] = None
    return [Path(path) for path in (found if len(patterns) == 1 else sorted(found, key=_path_order))]


def covered_by(path: Path, patterns: Iterable[str], root: Path) -> bool:
    """Whether config `content` globs (relative to `root`) match this file, with the same
    meaning as `glob_content`, without walking anything: for one file an editor or the web page
    asks about."""
    absolute = Path(os.path.abspath(path))
    if not absolute.name.lower().endswith(POST_SUFFIXES):
        return False
    for pattern in patterns:
        base, rest = _literal_prefix(Path(pattern) if os.path.isabs(pattern) else root / pattern)
        base = Path(os.path.abspath(base))
        if not rest:
            if absolute == base:
                return True
            continue
        try:
            relative = absolute.relative_to(base)
        except ValueError:
            continue
        if any(part in SKIP_DIRS for part in relative.parts[:-1]):
            continue
        matcher = _glob_regex(rest)
        if matcher is not None and matcher.fullmatch(relative.as_posix()):
            return True
    return False


def _path_order(path: str) -> tuple[str, ...]:
    """Sort key equal to pathlib's order (by parts), for paths built as strings."""
    return tuple(os.path.normcase(path).split(os.sep))


def _glob_regex(pattern: str) -> re.Pattern[str] | None:
    """One regex for a glob below its literal start, matched against "a/b/c.md": `**` is any
    number of folders (never the file's own name, so a trailing `**` matches no file), `*` and
    `?` stay within one name, `[...]` as in fnmatch. Case as the file system compares names."""
    parts = [part for part in pattern.split("/") if part and part != "."]
    if not parts or parts[-1] == "**":
        return None
    body = "".join("(?:[^/]+/)*" if part == "**" else _name_regex(part) + "/" for part in parts[:-1])
    flags = re.IGNORECASE if os.path.normcase("A") == "a" else 0
    return re.compile(body + _name_regex(parts[-1]), flags)


def _name_regex(part: str) -> str:
    out, i = [], 0
    while i < len(part):
        char = part[i]
        i += 1
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = i + (1 if part[i : i + 1] == "!" else 0)
            end += 1 if part[end : end + 1] == "]" else 0
            end = part.find("]", end)
            if end < 0:
                out.append("\\[")
                continue
            inner = part[i:end].replace("\\", "\\\\")
            if inner.startswith("!"):
                out.append("[^/" + inner[1:] + "]")
            else:
                out.append("[" + ("\\" + inner if inner.startswith(("^", "[")) else inner) + "]")
            i = end + 1
        else:
            out.append(re.escape(char))
    return "".join(out)


def _literal_prefix(pattern: Path) -> tuple[Path, str]:
    """Split `/a/b/*/c/**/*.md` into the folder `/a/b` and the glob `*/c/**/*.md`."""
    parts = pattern.parts
    cut = next((i for i, part in enumerate(parts) if any(c in part for c in "*?[")), len(parts))
    return Path(*parts[:cut]), "/".join(parts[cut:])


def matches_any(path: str, patterns: Iterable[str]) -> bool:
    posix = path.replace(os.sep, "/")
    return any(
        fnmatch.fnmatch(posix, pattern) or fnmatch.fnmatch(posix, pattern.rstrip("/") + "/*") for pattern in patterns
    )
