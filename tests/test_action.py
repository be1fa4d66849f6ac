"""The GitHub Action (action.yml) and the CI recipes in docs/ci.md stay consistent with the CLI."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from contentlint.formatters import FORMATS

REPO = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
DOCS = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
_EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in _strings(key) + _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _used(prefix: str) -> set[str]:
    found = set()
    for text in _strings(ACTION):
        for expression in _EXPRESSION.findall(text):
            found |= set(re.findall(prefix + r"\.([A-Za-z0-9_-]+)", expression))
    return found


def _steps() -> list[dict[str, Any]]:
    return ACTION["runs"]["steps"]


def test_action_is_composite_and_documented() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert ACTION["name"] and ACTION["description"]
    for name, spec in ACTION["inputs"].items():
        assert spec.get("description"), name
        assert "default" in spec or spec.get("required"), name


def test_every_input_used_is_declared_and_every_declared_input_is_used() -> None:
    declared = set(ACTION["inputs"])
    assert _used("inputs") == declared


def test_outputs_refer_to_existing_step_ids() -> None:
    ids = {step["id"] for step in _steps() if "id" in step}
    assert _used("steps") <= ids
    assert ACTION["outputs"]["exit-code"]["value"] == "${{ steps.check.outputs.exit-code }}"


def test_run_steps_declare_a_shell_and_never_paste_inputs_into_the_script() -> None:
    for step in _steps():
        if "run" in step:
            assert step.get("shell") == "bash", step.get("name")
            assert "inputs." not in step["run"], f"{step.get('name')}: pass inputs through env, not into the script"


def test_action_installs_from_its_own_checkout_and_runs_check() -> None:
    install = next(step for step in _steps() if step.get("id") == "install")
    assert install["env"]["ACTION_PATH"] == "${{ github.action_path }}"
    assert 'python -m venv "$venv"' in install["run"] and "pip install" in install["run"]
    assert '"$ACTION_PATH"' in install["run"]  # its own checkout, into its own virtual environment
    check = next(step for step in _steps() if step.get("id") == "check")
    assert 'contentlint "${args[@]}"' in check["run"] and "args=(check)" in check["run"]
    assert 'echo "exit-code=$code" >> "$GITHUB_OUTPUT"' in check["run"]
    assert re.search(r'exit "\$code"\s*$', check["run"])
    assert any(step.get("uses", "").startswith("actions/setup-python@") for step in _steps())


def test_sarif_upload_step_is_conditional_on_the_input() -> None:
    upload = next(step for step in _steps() if step.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert "inputs.upload-sarif == 'true'" in upload["if"]
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    passthrough = _steps()[-1]
    assert "inputs.upload-sarif == 'true'" in passthrough["if"] and 'exit "$CODE"' in passthrough["run"]


def test_action_defaults_are_values_the_cli_accepts() -> None:
    assert ACTION["inputs"]["format"]["default"] in FORMATS
    assert ACTION["inputs"]["fail-on"]["default"] in ("", "error", "warning", "suggestion", "never")
    assert ACTION["inputs"]["upload-sarif"]["default"] in ("true", "false")


def _yaml_blocks() -> list[Any]:
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", DOCS, re.S)]


def test_docs_yaml_snippets_parse_and_cover_each_recipe() -> None:
    blocks = _yaml_blocks()
    workflows = [b for b in blocks if isinstance(b, dict) and "jobs" in b]
    assert len(workflows) == 2
    with_action = [
        s for w in workflows for s in w["jobs"]["contentlint"]["steps"] if "/contentlint@" in s.get("uses", "")
    ]
    assert with_action and set(with_action[0]["with"]) <= set(ACTION["inputs"])
    gitlab = next(b for b in blocks if isinstance(b, dict) and "contentlint" in b and "script" in b["contentlint"])
    assert gitlab["contentlint"]["artifacts"]["reports"]["junit"] == "contentlint.xml"
    assert any("--format junit --output contentlint.xml" in line for line in gitlab["contentlint"]["script"])
    precommit = next(b for b in blocks if isinstance(b, dict) and "repos" in b)
    assert precommit["repos"][0]["hooks"][0]["id"] == "contentlint"


def test_pre_commit_snippet_names_the_hook_the_repository_ships() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert "contentlint" in {hook["id"] for hook in hooks}


def test_options_used_in_recipes_and_action_exist_in_the_cli() -> None:
    from click.testing import CliRunner

    from contentlint.cli import main

    help_text = CliRunner().invoke(main, ["check", "--help"]).output
    commands = re.findall(r"contentlint check[^\n]*", DOCS) + [
        step["run"] for step in _steps() if step.get("id") == "check"
    ]
    used = {option for command in commands for option in re.findall(r"(?<![\w-])--[a-z][a-z-]+", command)}
    assert {"--format", "--output", "--config", "--fail-on"} <= used
    assert {option for option in used if option not in help_text} == set()


def test_action_uses_current_major_versions_caches_and_takes_a_baseline() -> None:
    """Issue 16: upload-sarif v3 is deprecated in December 2026; setup-python v5 runs on Node 20."""
    uses = {step["uses"].split("@")[0]: step["uses"].split("@")[1] for step in _steps() if "uses" in step}
    assert uses["github/codeql-action/upload-sarif"] == "v4"
    assert uses["actions/setup-python"] == "v6"
    cache = next(step for step in _steps() if step.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == "**/.contentlint_cache" and "inputs.cache == 'true'" in cache["if"]
    check = next(step for step in _steps() if step.get("id") == "check")
    assert check["env"]["INPUT_BASELINE"] == "${{ inputs.baseline }}"
    assert 'args+=(--baseline "$INPUT_BASELINE")' in check["run"]


def test_docs_install_from_a_git_url_and_pin_a_rev_that_can_exist() -> None:
    assert "contentlint @ git+https://" in DOCS
    precommit = next(b for b in _yaml_blocks() if isinstance(b, dict) and "repos" in b)
    rev = precommit["repos"][0]["rev"]
    assert re.fullmatch(r"[0-9a-f]{40}", rev), "no tag exists yet: the example pins a commit hash"
    gitlab = next(
        b for b in _yaml_blocks() if isinstance(b, dict) and "contentlint" in b and "script" in b["contentlint"]
    )
    assert gitlab["contentlint"]["artifacts"]["reports"]["codequality"] == "gl-code-quality.json"
