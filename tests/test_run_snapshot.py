"""An unchanged repo is answered from the last run's report; any change to what it read is not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import contentlint.run as run_module
from contentlint.cache import run_snapshot
from contentlint.config.load import load_config
from contentlint.run import RunOptions
from contentlint.workspace import Workspace

POST = "---\nchannel: x\npublish_at: 2026-12-01\n---\nOur new gel pens glide and dry in a second, {n}.\n"


def make_repo(root: Path) -> None:
    (root / ".contentlint.yaml").write_text("content: ['posts/**/*.md']\n", encoding="utf-8")
    (root / "posts").mkdir()
    for n in range(6):
        (root / "posts" / f"p{n}.md").write_text(POST.format(n="x" * n), encoding="utf-8")
    (root / "posts" / "bad.md").write_text("---\nchannel: x\npublish_at: soon\n---\nA post with a bad date.\n")


def run(root: Path, **options: object) -> dict:
    linter = Workspace(load_config(cwd=root), options=RunOptions(**options), root=root)  # type: ignore[arg-type]
    report = linter.check_paths(["posts"])
    # the violations themselves too: they carry offsets, which the JSON leaves out
    return {"json": report.to_dict(), "violations": report.violations, "texts": {p.path: p.text for p in report.posts}}


@pytest.fixture(autouse=True)
def in_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # paths as a user types them, relative to the repo


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test count as settled (no 2 s wait)."""
    monkeypatch.setattr(run_snapshot, "SETTLE_SECONDS", 0.0)


def _forbid_linting(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("the unchanged run linted files")

    monkeypatch.setattr(run_module._Run, "_lint_files", fail)


def test_an_unchanged_repo_is_answered_from_the_last_report(
    tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_repo(tmp_path)
    cold = run(tmp_path)
    assert any(v["code"] == "FM003" for v in cold["json"]["violations"])
    _forbid_linting(monkeypatch)
    warm = run(tmp_path)
    assert warm["json"] == cold["json"]
    assert warm["violations"] == cold["violations"]
    # texts come back for posts with findings (the text report quotes their lines, --fix compares)
    assert warm["texts"]["posts/bad.md"] == cold["texts"]["posts/bad.md"]


def test_the_last_report_is_not_reused_on_another_day(
    tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An undated draft publishes on the day of the run, so yesterday's repetition findings may
    not hold today: the day is part of the unchanged-run key."""
    import time

    make_repo(tmp_path)
    run(tmp_path)
    tomorrow = time.gmtime(time.time() + 86_400)
    monkeypatch.setattr(run_module.time, "gmtime", lambda seconds=None: tomorrow)
    linted = []
    real = run_module._Run._lint_files

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        linted.append(True)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(run_module._Run, "_lint_files", counting)
    run(tmp_path)
    assert linted  # linted again (the result cache still answers for each unchanged post)


def test_the_html_report_gets_every_text_back(tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch) -> None:
    make_repo(tmp_path)
    cold = run(tmp_path, all_texts=True)
    _forbid_linting(monkeypatch)
    assert run(tmp_path, all_texts=True) == cold


@pytest.mark.parametrize("change", ["same-size edit", "new post", "deleted post", "config", "mode"])
def test_any_change_to_what_the_run_read_is_linted_again(tmp_path: Path, settled: None, change: str) -> None:
    make_repo(tmp_path)
    before = run(tmp_path)
    post = tmp_path / "posts" / "p3.md"
    if change == "same-size edit":
        post.write_text(post.read_text().replace("publish_at: 2026-12-01", "publish_at: 2026-99-01"))
    elif change == "new post":
        (tmp_path / "posts" / "new.md").write_text("---\nchannel: x\npublish_at: never\n---\nNew.\n")
    elif change == "deleted post":
        (tmp_path / "posts" / "bad.md").unlink()
    elif change == "config":
        (tmp_path / ".contentlint.yaml").write_text("content: ['posts/**/*.md']\nrules: {FM003: warning}\n")
    elif change == "mode":
        post.chmod(0o000)
        if os.access(post, os.R_OK):
            pytest.skip("running as a user who reads any file")
    after = run(tmp_path)
    post.chmod(0o644)
    assert after["json"] != before["json"]


def test_files_written_just_before_the_run_are_not_trusted_by_their_stat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Git's racily-clean case: a file written within the settle time could change again within
    one timestamp tick, so no report is stored while any file is that fresh."""
    make_repo(tmp_path)
    run(tmp_path)  # the files are milliseconds old: nothing stored
    calls: list[int] = []
    real = run_module._Run._lint_files
    monkeypatch.setattr(run_module._Run, "_lint_files", lambda self, *a: calls.append(1) or real(self, *a))
    run(tmp_path)
    assert calls == [1]


def test_a_run_with_errors_is_not_kept(tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that could not be read, or a rule that timed out, is tried again next run."""
    make_repo(tmp_path)
    (tmp_path / "posts" / "huge.md").write_bytes(b"x" * (1 << 21))
    first = run(tmp_path)
    assert first["json"]["errors"]
    calls: list[int] = []
    real = run_module._Run._lint_files
    monkeypatch.setattr(run_module._Run, "_lint_files", lambda self, *a: calls.append(1) or real(self, *a))
    assert run(tmp_path) == first and calls == [1]


def test_no_cache_and_stdin_never_use_it(tmp_path: Path, settled: None) -> None:
    make_repo(tmp_path)
    run(tmp_path, use_cache=False)
    assert not (tmp_path / ".contentlint_cache").exists()
    assert run_snapshot.run_state("f", tmp_path, ["-"], [], 0) is None


def test_an_unchanged_run_loads_no_rule_kind(tmp_path: Path) -> None:
    """The hook's common case (nothing changed) costs a walk, a stat per file and one row: no
    rule kind is imported, so none of their patterns is compiled."""
    import subprocess
    import sys
    import time

    make_repo(tmp_path)
    time.sleep(run_snapshot.SETTLE_SECONDS + 0.2)  # old enough for their stat to be trusted
    command = [sys.executable, "-X", "importtime", "-m", "contentlint", "check", "posts", "--format", "json"]
    first = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    second = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert first.stdout == second.stdout and '"FM003"' in first.stdout
    assert "contentlint.kinds.catalog" in first.stderr
    assert "contentlint.kinds.catalog" not in second.stderr


def test_every_built_in_rule_builds_from_its_options() -> None:
    """Built-in rules are not built when the catalogue loads (a cached run needs none), so this
    is where a bad option in a shipped rule file is caught."""
    from contentlint.config.builtin import builtin_rules_dir
    from contentlint.engine.building import build_rule_kind
    from contentlint.engine.rule_packs import load_catalogue

    catalogue = load_catalogue(["default"], builtin_rules_dir())
    for spec in catalogue.specs:
        assert build_rule_kind(spec, dict(spec.options)) is not None, spec.code


def test_a_file_name_that_is_not_utf8_is_cached_and_read_back(tmp_path: Path, settled: None) -> None:
    """Python keeps such a name's bytes as lone surrogates, which SQLite refuses as text: the
    cache rows escape them instead of the run ending in a traceback."""
    make_repo(tmp_path)
    try:
        with open(os.path.join(os.fsencode(tmp_path), b"posts", b"caf\xe9.md"), "wb") as post:
            post.write(b"---\nchannel: x\npublish_at: someday\n---\nA post with an odd name.\n")
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    name = os.fsdecode(b"posts/caf\xe9.md")
    cold = run(tmp_path)
    assert any(v["path"] == name for v in cold["json"]["violations"])
    warm = run(tmp_path)  # answered from the stored report
    assert warm["json"] == cold["json"] and warm["texts"][name] == cold["texts"][name]
