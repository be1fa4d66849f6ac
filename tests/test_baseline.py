"""Baselines (issue 16): adopt contentlint on a repo with existing findings, without turning
anything off; entries survive edits elsewhere, fixed findings drop out, stale entries are told."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from test_gate import run, write

from contentlint.baseline import BaselineError, load

OLD = "---\nchannel: x\n---\nCheap pens from Inkwell, guaranteed.\n"
OTHER = "---\nchannel: x\n---\nOur Inkwell notebooks are cheap.\n"
CONFIG = "brand: {name: InkWell, terms: {prefer: {cheap: affordable}}}\ncontent: ['posts/**/*.md']\n"


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    return write(tmp_path, {".contentlint.yaml": CONFIG, "posts/old.md": OLD, "posts/other.md": OTHER})


def codes(out: str) -> list[tuple[str, str]]:
    return sorted((v["path"], v["code"]) for v in json.loads(out)["violations"])


def test_write_then_check_passes_and_the_file_reads_well(repo: Path) -> None:
    code, _, err = run(["check", "posts", "--write-baseline", "baseline.yaml"], repo)
    assert code == 0 and "Wrote 5 findings to baseline.yaml" in err
    text = (repo / "baseline.yaml").read_text(encoding="utf-8")
    assert text.startswith("# contentlint baseline")
    data = yaml.safe_load(text)
    assert list(data["findings"]) == ["posts/old.md", "posts/other.md"]  # sorted by path
    entries = data["findings"]["posts/old.md"]
    assert [e["rule"] for e in entries] == sorted(e["rule"] for e in entries)  # then by rule
    assert {k: entries[0][k] for k in ("rule", "text")} == {"rule": "BR001 brand-name-casing", "text": "Inkwell"}
    assert "line" not in entries[0]
    code, out, _ = run(["check", "posts", "--baseline", "baseline.yaml", "--format", "json"], repo)
    assert code == 0 and json.loads(out)["violations"] == []
    assert json.loads(out)["baseline"] == {"accepted": 5, "stale": 0}
    _, out, _ = run(["check", "posts", "--baseline", "baseline.yaml"], repo)
    assert "5 findings in the baseline not shown." in out


def test_an_edit_elsewhere_keeps_the_entries_and_a_new_finding_fails(repo: Path) -> None:
    run(["check", "posts", "--write-baseline", "baseline.yaml"], repo)
    (repo / "posts" / "old.md").write_text(
        "---\nchannel: x\naudience: x\n---\nNew intro line.\n\nCheap pens from Inkwell, guaranteed.\n", encoding="utf-8"
    )
    code, out, _ = run(["check", "posts", "--baseline", "baseline.yaml", "--format", "json"], repo)
    assert codes(out) == []
    assert code == 0
    (repo / "posts" / "old.md").write_text(OLD + "\nAnd a new line from Ink Well.\n", encoding="utf-8")
    code, out, _ = run(["check", "posts", "--baseline", "baseline.yaml", "--format", "json"], repo)
    assert code == 1 and codes(out) == [("posts/old.md", "BR001")]


def test_an_entry_whose_line_was_edited_still_matches_its_text(repo: Path) -> None:
    run(["check", "posts", "--write-baseline", "baseline.yaml"], repo)
    (repo / "posts" / "old.md").write_text(OLD.replace("guaranteed.", "guaranteed!"), encoding="utf-8")
    code, out, _ = run(["check", "posts", "--baseline", "baseline.yaml", "--format", "json"], repo)
    assert code == 0 and codes(out) == []


def test_fixed_findings_leave_stale_entries_that_are_reported(repo: Path) -> None:
    run(["check", "posts", "--write-baseline", "baseline.yaml"], repo)
    (repo / "posts" / "old.md").write_text(OLD.replace("Inkwell", "InkWell"), encoding="utf-8")
    code, out, _ = run(["check", "posts", "--baseline", "baseline.yaml"], repo)
    assert code == 0
    assert "1 baseline entry no longer found (fixed): run with --write-baseline to drop them." in out
    run(["check", "posts", "--write-baseline", "baseline.yaml"], repo)
    assert len(load(repo / "baseline.yaml").entries) == 4  # the file shrank


def test_a_run_over_some_files_keeps_the_other_files_entries(repo: Path) -> None:
    """A pre-commit run names only changed files: files it did not check are neither stale nor dropped."""
    run(["check", "posts", "--write-baseline", "baseline.yaml"], repo)
    code, out, _ = run(["check", "posts/old.md", "--baseline", "baseline.yaml"], repo)
    assert code == 0 and "no longer found" not in out
    run(["check", "posts/old.md", "--write-baseline", "baseline.yaml"], repo)
    assert len(load(repo / "baseline.yaml").entries) == 5


def test_the_configs_baseline_key(repo: Path) -> None:
    run(["check", "posts", "--write-baseline", "baseline.yaml"], repo)
    (repo / ".contentlint.yaml").write_text(CONFIG + "baseline: baseline.yaml\n", encoding="utf-8")
    code, out, _ = run(["check", "posts", "--format", "json"], repo)
    assert code == 0 and codes(out) == []
    # the baseline is one of the config's own files: never walked as a post
    assert json.loads(out)["files_checked"] == 2


def test_a_broken_baseline_is_an_error_naming_it(repo: Path) -> None:
    (repo / "baseline.yaml").write_text("version: 7\n", encoding="utf-8")
    code, _, err = run(["check", "posts", "--baseline", "baseline.yaml"], repo)
    assert code == 2 and "baseline.yaml: not a contentlint baseline" in err
    with pytest.raises(BaselineError):
        load(repo / "missing.yaml")


def test_two_identical_findings_need_two_entries(repo: Path) -> None:
    write(repo, {"posts/old.md": "---\nchannel: x\n---\nInkwell pens.\n"})
    run(["check", "posts/old.md", "--write-baseline", "baseline.yaml", "--select", "BR001"], repo)
    write(repo, {"posts/old.md": "---\nchannel: x\n---\nInkwell pens.\nInkwell pens.\n"})
    code, out, _ = run(
        ["check", "posts/old.md", "--baseline", "baseline.yaml", "--select", "BR001", "--format", "json"], repo
    )
    assert code == 1 and len(json.loads(out)["violations"]) == 1
