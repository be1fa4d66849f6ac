"""Which paths the page may check, open and write: posts of the repo, and nothing else.

A path from a request is untrusted. It must be relative, use `/`, have no `..`, no hidden part
(`.git`, the cache, `.contentlint.yaml`), a post suffix, stay inside the repo after every
symbolic link is followed, and be a post of config `content` both as named and as resolved (a
link inside `posts/` to the README is refused). Each refusal says which rule it broke.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

import regex

from contentlint.text.document import POST_SUFFIXES, Document
from contentlint.workspace import Workspace

MAX_PATH_CHARS = 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_GLOB = re.compile(r"[*?\[{]")
_SLUG_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*")  # a lone mark (an emoji's U+FE0F) is no word
SLUG_WORDS = 6
SLUG_CHARS = 60


class PathRefused(ValueError):
    """A path the server will not read or write; the message says why."""


@dataclass(frozen=True)
class RepoPath:
    display: str  # relative to the repo root, `/`-separated: as reports and `related` name it
    path: Path  # root / display, links not followed (a link keeps its own name)
    real: Path  # where a read or write lands


def repo_path(workspace: Workspace, raw: object) -> RepoPath:
    """The post `raw` names, or PathRefused."""
    if not isinstance(raw, str) or not raw.strip():
        raise PathRefused("the path must be a non-empty string such as posts/x/2026-12-01-launch.md")
    if len(raw) > MAX_PATH_CHARS:
        raise PathRefused(f"the path is longer than {MAX_PATH_CHARS} characters")
    if _CONTROL.search(raw):
        raise PathRefused("the path contains a control character")
    if "\\" in raw:
        raise PathRefused("use / between folders, not \\")
    if raw.startswith("/") or _DRIVE.match(raw):
        raise PathRefused(f"{raw!r} is an absolute path; give a path inside the repo, such as posts/x/draft.md")
    relative = PurePosixPath(raw)
    if ".." in relative.parts:
        raise PathRefused(f"{raw!r} contains '..'; give a path inside the repo")
    if any(part.startswith(".") for part in relative.parts):
        raise PathRefused(f"{raw!r} names a hidden file or folder; posts are never hidden")
    if not relative.name.lower().endswith(POST_SUFFIXES):
        raise PathRefused(f"{raw!r} is not a post: posts end in {', '.join(POST_SUFFIXES)}")
    root = Path(os.path.abspath(workspace.root))
    path = root.joinpath(*relative.parts)
    real = Path(os.path.realpath(path))
    if not real.is_relative_to(os.path.realpath(root)):
        raise PathRefused(f"{raw!r} leads out of the repo through a symbolic link")
    if not workspace.covers(path) or not workspace.covers(_as_named(real, root)):
        content = ", ".join(workspace.config.content) or "post files"
        raise PathRefused(f"{raw!r} is outside the config's content folders ({content})")
    if os.path.lexists(path) and not real.is_file():
        raise PathRefused(f"{raw!r} exists and is not a regular file")
    return RepoPath(relative.as_posix(), path, real)


def _as_named(real: Path, root: Path) -> Path:
    """A resolved path under the resolved root, named under `root` as the content globs are."""
    return root / real.relative_to(os.path.realpath(root))


def slug(doc: Document) -> str:
    """A file name from the title, else the first words of the body: lower-case words and hyphens."""
    source = doc.title or doc.plain[doc.body_start :]
    words = [w.casefold() for w in _SLUG_WORD.findall(source)[:SLUG_WORDS]]
    text = "-".join(words)[:SLUG_CHARS].strip("-")
    return text or "draft"


def _literal_base(pattern: str) -> str | None:
    """The folders of a content glob before its first wildcard ("posts/**/*.md" -> "posts")."""
    parts = PurePosixPath(pattern).parts
    base = []
    for part in parts[:-1]:
        if _GLOB.search(part):
            break
        base.append(part)
    if os.path.isabs(pattern) or ".." in base:
        return None
    return "/".join(base)


def suggested_path(workspace: Workspace, doc: Document, today: date) -> str | None:
    """Where a draft would be saved: `<content folder>/<channel>/<date>-<slug>.md` (else
    `<content folder>/<date>-<slug>.md`), the first that config `content` covers; None when
    neither is (the writer names the path)."""
    channel = doc.channels[0] if doc.channels and _SLUG_WORD.fullmatch(doc.channels[0].replace("-", "")) else "drafts"
    day = (doc.publish_at.date() if doc.publish_at else today).isoformat()
    name = f"{day}-{slug(doc)}.md"
    bases = [_literal_base(p) for p in workspace.config.content] or ["posts"]
    for base in bases:
        if base is None:
            continue
        for candidate in (f"{base}/{channel}/{name}", f"{base}/{name}"):
            candidate = candidate.lstrip("/")
            try:
                repo_path(workspace, candidate)
            except PathRefused:
                continue
            return candidate
    return None
