"""A pre-commit run learns unchanged posts' digests from their stat instead of reading them."""

from __future__ import annotations

from pathlib import Path

import pytest

import contentlint.cache.indexing
import contentlint.inputs.corpus
import contentlint.run
from contentlint.cache import run_snapshot
from contentlint.config.load import load_config
from contentlint.run import RunOptions
from contentlint.workspace import Workspace

POST = "---\nchannel: x\npublish_at: 2026-12-0{day}\n---\n{body}\n"
BODIES = [
    "Our gel pens glide across the page and dry in a second.",
    "Spiral notebooks with thick paper for every exam season.",
    "Refill your fountain pen with our archival blue ink today.",
    "A pencil case that keeps every pen in its own place.",
]


@pytest.fixture(autouse=True)
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".contentlint.yaml").write_text("content: ['posts/**/*.md']\n", encoding="utf-8")
    (tmp_path / "posts").mkdir()
    for n, body in enumerate(BODIES):
        (tmp_path / "posts" / f"p{n}.md").write_text(POST.format(day=n + 1, body=body), encoding="utf-8")
    return tmp_path


def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every post file read, by name."""
    seen: list[str] = []
    for module in (contentlint.run, contentlint.cache.indexing, contentlint.inputs.corpus):
        real = module.read_bytes
        monkeypatch.setattr(module, "read_bytes", lambda path, real=real: seen.append(Path(path).name) or real(path))
    return seen


def check(*paths: str) -> dict:
    return Workspace(load_config(), options=RunOptions()).check_paths(list(paths)).to_dict()


def test_unchanged_posts_are_not_read_by_a_pre_commit_run(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run_snapshot, "SETTLE_SECONDS", 0.0)
    check("posts/p0.md")  # reads every post once and records its digest
    seen = reads(monkeypatch)
    (repo / "posts" / "p0.md").write_text(POST.format(day=1, body=BODIES[0] + " Now in red."), encoding="utf-8")
    check("posts/p0.md")
    assert seen == ["p0.md"]


def test_an_edited_post_that_is_not_checked_is_read_again(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The repetition rules see an edit of any post, checked or not: here p3 becomes a copy of p0."""
    monkeypatch.setattr(run_snapshot, "SETTLE_SECONDS", 0.0)
    assert not [v for v in check("posts/p0.md")["violations"] if v["code"] == "RP002"]
    (repo / "posts" / "p3.md").write_text(POST.format(day=4, body=BODIES[0]), encoding="utf-8")
    seen = reads(monkeypatch)
    found = check("posts/p3.md")
    assert [v["path"] for v in found["violations"] if v["code"] == "RP002"] == ["posts/p3.md"]
    assert sorted(seen) == ["p3.md"]  # p0 to p2 from their stat; p3 is the target


def test_posts_written_just_now_are_read_every_time(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check("posts/p0.md")  # the posts are milliseconds old: no digest recorded
    seen = reads(monkeypatch)
    check("posts/p0.md")
    assert sorted(seen) == ["p0.md", "p1.md", "p2.md", "p3.md"]


def test_the_index_forgets_deleted_posts(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json
    import sqlite3

    monkeypatch.setattr(run_snapshot, "SETTLE_SECONDS", 0.0)
    check("posts/p0.md")
    for n in (1, 2):
        (repo / "posts" / f"p{n}.md").unlink()
    check("posts/p0.md")
    with sqlite3.connect(repo / ".contentlint_cache" / "results.sqlite") as db:
        entries = json.loads(db.execute("SELECT payload FROM results WHERE key = 'stat-digests:1'").fetchone()[0])
    assert sorted(Path(path).name for path in entries) == ["p0.md", "p3.md"]


@pytest.mark.parametrize("payload", ["not json", "[1, 2]", '{"%s": 5}', '{"%s": [1, 2, 3, 4, 5, 6]}', '{"%s": "x"}'])
def test_a_damaged_index_is_ignored(repo: Path, monkeypatch: pytest.MonkeyPatch, payload: str) -> None:
    import sqlite3

    monkeypatch.setattr(run_snapshot, "SETTLE_SECONDS", 0.0)
    check("posts/p0.md")
    path = str(repo / "posts" / "p1.md").replace("\\", "\\\\")
    with sqlite3.connect(repo / ".contentlint_cache" / "results.sqlite") as db:
        db.execute("UPDATE results SET payload = ? WHERE key = 'stat-digests:1'", (payload.replace("%s", path),))
    (repo / "posts" / "p0.md").write_text(POST.format(day=9, body=BODIES[1]), encoding="utf-8")  # not the last report
    uncached = Workspace(load_config(), options=RunOptions(use_cache=False)).check_paths(["posts/p0.md"]).to_dict()
    assert check("posts/p0.md") == uncached
    assert [v["code"] for v in uncached["violations"]] == ["RP002"]  # p0 now repeats p1
