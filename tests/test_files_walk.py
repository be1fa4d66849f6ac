"""The one-walk file listing (FolderIndex) finds exactly what os.walk finds, and config
`content` globs select exactly what the same lines in a .gitignore would.

The reference functions below are plain listings, kept here to hold the walk to them on
generated trees: hidden and skipped folders, links to files and folders, pipes, and the glob
shapes a content config uses.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contentlint.inputs.walk import SKIP_DIRS, FolderIndex, expand, glob_content
from contentlint.text.document import POST_SUFFIXES


def _reference_through_link(path: Path, base: Path) -> bool:
    base_text, text = str(base), str(path)
    if not text.startswith(os.path.join(base_text, "")):
        return path.is_symlink()
    current = base_text
    for part in text[len(os.path.join(base_text, "")) :].split(os.sep):
        current = os.path.join(current, part)
        if os.path.islink(current):
            return True
    return False


def _reference_glob(patterns: Iterable[str], root: Path) -> list[Path]:
    """Config `content` means what a .gitignore line means (config/globs.py): every regular post
    file under the root, links and skipped folders aside, whose path relative to the root the
    lines match."""
    from pathspec import GitIgnoreSpec

    spec = GitIgnoreSpec.from_lines(list(patterns))
    found = []
    for current, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not os.path.islink(os.path.join(current, d))]
        for name in names:
            candidate = Path(current) / name
            if (
                name.lower().endswith(POST_SUFFIXES)
                and candidate.is_file()
                and not candidate.is_symlink()
                and spec.match_file(candidate.relative_to(root).as_posix())
            ):
                found.append(candidate)
    return sorted(found)


def _reference_walk(folder: Path) -> list[Path]:
    found = []
    for current, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in names:
            candidate = Path(current) / name
            if name.lower().endswith(POST_SUFFIXES) and not candidate.is_symlink():
                found.append(candidate)
    return sorted(found)


NAMES = ["a", "b", "posts", ".hidden", "node_modules", "x.md", "y.MD", "z.txt", "w.csv", "q.markdown", "a-b", "A"]
trees = st.lists(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4), max_size=25)
PATTERNS = [
    "posts/**/*.md",
    "**/*.md",
    "*.md",
    "posts/*/*.md",
    "a/**/b/*.md",
    "**/x.md",
    "posts/x.md",
    "*/*",
    "posts/**",
    "a/[ab]*/*.md",
    "?/*.txt",
    "posts/*.MD",
    "**/.hidden/*.md",
    "a/**/**/*.md",
    "[!a]*/*.md",
    "**/[^x]*.md",
    "posts/[xy].md",
    "*/[]ab]*",
    "a[/*.md",
    "**/*-*/*",
]


def _build(root: Path, tree: list[list[str]]) -> None:
    (root / "posts").mkdir()
    for names in tree:
        path = root.joinpath(*names)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                path.write_text("post\n", encoding="utf-8")
        except (FileExistsError, NotADirectoryError, IsADirectoryError):
            continue  # a name used as both a file and a folder: keep the first
    (root / "posts" / "linked-folder").symlink_to(root / "a", target_is_directory=True) if (
        root / "a"
    ).is_dir() else None
    (root / "posts" / "link.md").symlink_to(root / "outside.md")
    (root / "outside.md").write_text("secret\n", encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "posts" / "pipe.md")


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(trees, st.lists(st.sampled_from(PATTERNS), min_size=1, max_size=3))
def test_content_globs_match_gitignore_semantics(tree: list[list[str]], patterns: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _build(root, tree)
        assert glob_content(patterns, root) == _reference_glob(patterns, root)
        index = FolderIndex()  # shared with a folder walk first, as in a run
        expand([str(root / "posts")], index=index)
        assert glob_content(patterns, root, index) == _reference_glob(patterns, root)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(trees)
def test_folder_walk_matches_os_walk(tree: list[list[str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _build(root, tree)
        for target in (root, root / "posts"):
            assert expand([str(target)])[0] == _reference_walk(target)


def test_covered_by_agrees_with_the_content_glob(tmp_path: Path) -> None:
    """One file's question (an editor's, the web page's) gets the same answer as the walk."""
    from contentlint.inputs.walk import covered_by

    for name in (
        "posts/x/a.md",
        "posts/x/deep/b.md",
        "posts/c.txt",
        "drafts/d.md",
        "posts/x/e.png",
        "posts/.git/f.md",
        "posts/node_modules/g.md",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("---\nchannel: x\n---\nHello\n", encoding="utf-8")
    for patterns in (["posts/**/*.md"], ["posts/*/*.md"], ["posts/**/*"], ["drafts/d.md", "posts/*.txt"]):
        walked = {p.relative_to(tmp_path).as_posix() for p in glob_content(patterns, tmp_path)}
        asked = {
            n
            for n in (
                "posts/x/a.md",
                "posts/x/deep/b.md",
                "posts/c.txt",
                "drafts/d.md",
                "posts/x/e.png",
                "posts/.git/f.md",
                "posts/node_modules/g.md",
            )
            if covered_by(tmp_path / n, patterns, tmp_path)
        }
        assert asked == walked, patterns
