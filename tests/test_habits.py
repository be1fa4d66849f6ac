"""The project's own habits are written down where tools and people find them."""

from __future__ import annotations

import re
import sys

import yaml
from conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_pre_commit_runs_the_ci_checks_with_the_projects_own_tools() -> None:
    """Local hooks only (nothing downloaded), each a tool the test extras install."""
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = config["repos"][0]["hooks"]
    assert [hook["id"] for hook in hooks] == ["ruff", "ruff-format", "mypy", "lint-imports"]
    extras = " ".join(PYPROJECT["project"]["optional-dependencies"]["test"])
    for hook in hooks:
        assert hook["language"] == "system"
        tool = hook["entry"].split()[0]
        assert tool.startswith(".venv/bin/"), tool
        assert {"lint-imports": "import-linter"}.get(tool[len(".venv/bin/") :], tool[len(".venv/bin/") :]) in extras
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert all(command in ci for command in ("ruff check .", "ruff format --check .", "lint-imports"))


def test_the_license_the_metadata_promises_is_there() -> None:
    assert PYPROJECT["project"]["license"] == {"text": "MIT"}
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) 2026 contentlint authors\n")
    assert (REPO / "contentlint" / "py.typed").exists()


def test_the_architecture_page_lists_the_layers_of_the_import_contract() -> None:
    page = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    listed = [cell.replace("\\|", "|") for cell in re.findall(r"^\| `(.+?)` \|", page, re.M)]
    contract = next(c for c in PYPROJECT["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    layers = [layer.replace("contentlint.", "") for layer in contract["layers"]]
    assert listed == layers
