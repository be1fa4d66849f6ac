"""Cached findings are keyed by contentlint's own files: an edited kind never returns stale findings."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from contentlint.cache import code_digest
from contentlint.cache.result_cache import FILE_NAME, ResultCache

POST = "---\nchannel: x\npublish_at: 2026-12-01\n---\nOur new inkwell gel pens glide!!! " + "a" * 300 + "\n"


def file_keys(cache_dir: Path) -> set[str]:
    """The per-file result keys (sha256 hex; run snapshots, corpus results and the code memo have prefixes)."""
    with sqlite3.connect(cache_dir / FILE_NAME) as db:
        return {key for (key,) in db.execute("SELECT key FROM results") if re.fullmatch("[0-9a-f]{64}", key)}


def test_an_edited_kind_misses_the_cache_and_an_unchanged_install_hits_it(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(REPO / "contentlint", site / "contentlint", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "rules", site / "contentlint" / "rules")  # the installed layout
    work = tmp_path / "work"
    work.mkdir()
    (work / "post.md").write_text(POST, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site)}

    def check() -> str:
        result = subprocess.run(
            [sys.executable, "-m", "contentlint", "check", "post.md", "--format", "json", "--jobs", "1"],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 1, result.stderr
        return result.stdout

    first = check()
    cache_dir = work / ".contentlint_cache"
    keys = file_keys(cache_dir)
    assert len(keys) == 1
    assert check() == first and file_keys(cache_dir) == keys  # unchanged install: the same key

    kind = sorted((site / "contentlint" / "kinds").glob("*.py"))[-1]
    with kind.open("a", encoding="utf-8") as handle:
        handle.write("\n# edited after the first run\n")
    assert check() == first  # same findings (the edit changes nothing) ...
    assert len(file_keys(cache_dir) - keys) == 1  # ... but found by linting again, under a new key


def test_the_digest_is_remembered_under_the_files_stats(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = ResultCache(tmp_path)
    digest = code_digest.code_digest(cache)
    cache.close()

    def fail(files: tuple[str, ...]) -> str:
        raise AssertionError("hashed the package again although no file changed")

    monkeypatch.setattr(code_digest, "content_digest", fail)
    cache = ResultCache(tmp_path)
    assert code_digest.code_digest(cache) == digest
    cache.close()


def test_the_digest_covers_code_data_and_built_in_rules() -> None:
    files, _ = code_digest.installed_files()
    names = {Path(path).relative_to(REPO).as_posix() for path in files}
    assert "contentlint/run.py" in names and "contentlint/formatters/html/report.js" in names
    assert "rules/channels.yaml" in names
    assert any(name.startswith("contentlint/kinds/") for name in names)
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
    assert code_digest.content_digest(files) != code_digest.content_digest(files[1:])
