"""A pre-commit hook pays for every import: heavy libraries load only when a rule needs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("spacy", "textstat", "thinc", "numpy", "wordsegment")


def imported_modules(args: list[str], cwd: Path) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "contentlint", *args], cwd=cwd, capture_output=True, text=True
    )
    modules = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            modules.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return modules


def test_version_imports_nothing_heavy(tmp_path: Path) -> None:
    modules = imported_modules(["--version"], tmp_path)
    assert "click" in modules
    assert not modules & set(HEAVY), modules & set(HEAVY)


def test_rules_explain_count_import_nothing_heavy(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text("---\nchannel: x\n---\nNew pens 😀 https://inkwell.com\n", encoding="utf-8")
    for args in (["rules"], ["explain", "BV001"], ["count", "post.md"]):
        modules = imported_modules(args, tmp_path)
        assert not modules & set(HEAVY), (args, modules & set(HEAVY))


def test_check_without_nlp_rules_does_not_import_spacy(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text(
        "---\nchannel: x\npublish_at: 2026-12-01\n---\nNew pens are here.\n", encoding="utf-8"
    )
    modules = imported_modules(["check", "post.md", "--select", "FM,BV001"], tmp_path)
    assert "contentlint" in modules
    assert not modules & {"spacy", "textstat", "thinc"}


def test_check_and_version_do_not_import_the_editor_server(tmp_path: Path) -> None:
    """pygls and lsprotocol load for `contentlint lsp` only: the hook never pays for them."""
    (tmp_path / "post.md").write_text("---\nchannel: x\n---\nNew pens are here.\n", encoding="utf-8")
    for args in (["--version"], ["check", "post.md"], ["--help"]):
        modules = imported_modules(args, tmp_path)
        assert "contentlint" in modules or args != ["check", "post.md"]
        assert not modules & {"pygls", "lsprotocol", "cattrs", "attrs"}, (args, modules & {"pygls", "lsprotocol"})


def test_check_and_version_do_not_import_the_web_server(tmp_path: Path) -> None:
    """`contentlint serve`'s server, page and the standard library's HTTP modules load for that
    command only."""
    (tmp_path / "post.md").write_text("---\nchannel: x\n---\nNew pens are here.\n", encoding="utf-8")
    for args in (["--version"], ["check", "post.md"], ["--help"]):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "contentlint", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )
        loaded = {
            line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")
        }
        assert "contentlint.cli.web" in loaded  # the command is registered ...
        assert not {"contentlint.serve", "http.server", "socketserver", "webbrowser"} & loaded, args  # ... not loaded


def test_an_unchanged_repo_is_answered_without_numpy(tmp_path: Path) -> None:
    """The whole-repo run of an unchanged repo reuses the last report; opening the corpus store to
    see whether it could answer must not load numpy (a tenth of that run's time)."""
    (tmp_path / ".contentlint.yaml").write_text('content: ["posts/*.md"]\n', encoding="utf-8")
    (tmp_path / "posts").mkdir()
    for i in range(12):
        (tmp_path / "posts" / f"p{i}.md").write_text(
            f"---\nchannel: x\npublish_at: 2026-11-{i + 1:02}\n---\nPost {i}: new pens number {i * 7}.\n",
            encoding="utf-8",
        )
    import time

    time.sleep(2.1)  # a stat is trusted once the file is two seconds old: the first run keeps its report
    assert "numpy" in imported_modules(["check", "-q", "posts"], tmp_path)  # the first run compares posts
    assert "numpy" not in imported_modules(["check", "-q", "posts"], tmp_path)
