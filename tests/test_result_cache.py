"""The result cache and parallel runs: same answers, less work."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from contentlint.cache.result_cache import FILE_NAME
from contentlint.config.load import load_config
from contentlint.run import RunOptions
from contentlint.workspace import Workspace

POST = "---\nchannel: x\npublish_at: {date}\n---\nOur new gel pens glide and dry in a second. {n}\n"


def make_repo(root: Path, count: int) -> None:
    (root / ".contentlint.yaml").write_text("content: ['posts/**/*.md']\n", encoding="utf-8")
    posts = root / "posts"
    posts.mkdir()
    for n in range(count):
        date = "soon" if n % 7 == 0 else "2026-12-01"
        (posts / f"p{n:04d}.md").write_text(
            POST.format(date=date, n="a" * (300 if n % 5 == 0 else 1)), encoding="utf-8"
        )


def report_json(root: Path, **options: object) -> dict:
    linter = Workspace(load_config(cwd=root), options=RunOptions(**options), root=root)  # type: ignore[arg-type]
    return linter.check_paths([str(root / "posts")]).to_dict()


def test_warm_run_equals_cold_run(tmp_path: Path) -> None:
    make_repo(tmp_path, 30)
    cold = report_json(tmp_path)
    assert (tmp_path / ".contentlint_cache" / FILE_NAME).exists()
    warm = report_json(tmp_path)
    assert warm == cold
    assert cold["summary"]["error"] > 0


def test_changed_file_and_changed_config_are_rechecked(tmp_path: Path) -> None:
    make_repo(tmp_path, 5)
    report_json(tmp_path)
    (tmp_path / "posts" / "p0001.md").write_text(POST.format(date="later", n=""), encoding="utf-8")
    after_edit = report_json(tmp_path)
    assert any(v["path"] == "posts/p0001.md" and v["code"] == "FM003" for v in after_edit["violations"])
    (tmp_path / ".contentlint.yaml").write_text(
        "content: ['posts/**/*.md']\nrules: {FM003: warning}\n", encoding="utf-8"
    )
    after_config = report_json(tmp_path)
    assert {v["severity"] for v in after_config["violations"] if v["code"] == "FM003"} == {"warning"}


def test_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    make_repo(tmp_path, 5)
    cold = report_json(tmp_path)
    (tmp_path / ".contentlint_cache" / FILE_NAME).write_bytes(b"this is not a database" * 100)
    assert report_json(tmp_path) == cold
    assert report_json(tmp_path) == cold


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    make_repo(tmp_path, 3)
    report_json(tmp_path, use_cache=False)
    assert not (tmp_path / ".contentlint_cache").exists()


def test_parallel_equals_serial(tmp_path: Path) -> None:
    make_repo(tmp_path, 450)
    serial = report_json(tmp_path, jobs=1, use_cache=False)
    parallel = report_json(tmp_path, jobs=2, use_cache=False)
    assert parallel == serial
    assert serial["files_checked"] == 450


def test_warm_cache_does_not_import_spacy(tmp_path: Path) -> None:
    make_repo(tmp_path, 5)
    command = [sys.executable, "-X", "importtime", "-m", "contentlint", "check", "posts", "--format", "json"]
    subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    warm = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    modules = {line.rsplit("|", 1)[1].strip() for line in warm.stderr.splitlines() if line.startswith("import time:")}
    assert json.loads(warm.stdout)["files_checked"] == 5
    assert not {m for m in modules if m.split(".")[0] in ("spacy", "textstat", "thinc")}


def test_corpus_rules_do_not_parse_the_checked_posts_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The repetition rules take each checked post's signature from the lint pass (serial and
    --jobs alike); a post is parsed again only to place a finding on it."""
    import contentlint.inputs.corpus

    (tmp_path / ".contentlint.yaml").write_text("content: ['posts/**/*.md']\n", encoding="utf-8")
    (tmp_path / "posts").mkdir()
    words = "gel pens glide dry fast notebooks paper ink refill colour desk school exam".split()
    for n in range(450):
        body = " ".join(words[(n * 7 + k * 3) % len(words)] + str(n * 13 + k) for k in range(12))
        (tmp_path / "posts" / f"p{n:04d}.md").write_text(f"---\nchannel: x\n---\n{body}\n", encoding="utf-8")
    (tmp_path / "posts" / "p9998.md").write_text(
        "---\nchannel: x\n---\nThe same launch post, word for word, twice over.\n"
    )
    (tmp_path / "posts" / "p9999.md").write_text(
        "---\nchannel: x\n---\nThe same launch post, word for word, twice over.\n"
    )
    parsed: list[str] = []
    real = contentlint.inputs.corpus.read_posts
    monkeypatch.setattr(
        contentlint.inputs.corpus,
        "read_posts",
        lambda display, *a, **k: parsed.append(display) or real(display, *a, **k),
    )
    for jobs in (1, 2):
        parsed.clear()
        report = report_json(tmp_path, jobs=jobs, use_cache=False)
        assert [v["path"] for v in report["violations"] if v["code"] == "RP002"] == ["posts/p9999.md"]
        assert parsed == ["posts/p9999.md"], jobs


def test_cached_violations_keep_their_offsets(tmp_path: Path) -> None:
    """The cache stores more than the JSON contract: a warm violation equals the cold one, offsets included."""
    make_repo(tmp_path, 8)
    workspace = Workspace(load_config(cwd=tmp_path), options=RunOptions(), root=tmp_path)
    cold = workspace.check_paths([str(tmp_path / "posts")]).violations
    warm = Workspace(load_config(cwd=tmp_path), options=RunOptions(), root=tmp_path).check_paths(
        [str(tmp_path / "posts")]
    )
    assert warm.violations == cold
    texts = {p.path: p.text for p in warm.posts}
    assert any(v.end > v.start for v in cold)
    assert all(0 <= v.start <= v.end <= len(texts[v.path]) for v in cold)
