"""Every rule's YAML examples and every case file under tests/rules/ run as tests, so
`contentlint explain` never shows an example that is not true.

Case file format (tests/rules/<rule-name>.yaml):
    rule: BV001
    config: {...}            # optional config (A2 shape) for every case
    cases:
      - name: what this case shows
        text: "---\\nchannel: x\\n---\\nbody"
        path: post.md        # optional
        config: {...}        # optional, merged over the file's config per top-level key
        flagged: 1           # violations of this rule expected (0: clean)
        at: [[4, 1]]         # optional (line, column) of each violation, in order
        message: "312/280"   # optional substring of the first violation's message
        severity: error      # optional severity of every violation
        fixed: "..."         # optional text after every fix is applied until none is left
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, lint_one

from contentlint.config.builtin import builtin_rules_dir
from contentlint.engine.rule_packs import load_pack

SPECS = load_pack(builtin_rules_dir(), builtin=True)
CASE_DIR = REPO / "tests" / "rules"


def _examples() -> list[Any]:
    params = []
    for spec in SPECS:
        for index, text in enumerate(spec.examples_fail):
            params.append(pytest.param(spec, text, True, id=f"{spec.code}-fail-{index}"))
        for index, text in enumerate(spec.examples_pass):
            params.append(pytest.param(spec, text, False, id=f"{spec.code}-pass-{index}"))
    return params


@pytest.mark.parametrize(("spec", "text", "should_fail"), _examples())
def test_rule_yaml_examples(spec: Any, text: str, should_fail: bool) -> None:
    found = lint_one(spec.code, text, spec.example_config)
    if should_fail:
        assert found, f"{spec.code} example should be flagged: {text!r}"
    else:
        assert not found, f"{spec.code} example should be clean: {text!r}, got {[v.message for v in found]}"


def _case_files() -> list[Path]:
    return sorted(CASE_DIR.glob("*.yaml"))


def _cases() -> list[Any]:
    params = []
    for path in _case_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for index, case in enumerate(data["cases"]):
            name = case.get("name", str(index))
            params.append(pytest.param(data, case, id=f"{path.stem}-{index}-{name[:40]}"))
    return params


@pytest.mark.parametrize(("data", "case"), _cases())
def test_rule_case(data: dict, case: dict) -> None:
    from contentlint.fix.apply import apply_fixes

    config = dict(data.get("config") or {})
    config.update(case.get("config") or {})
    path = case.get("path", "post.md")
    found = lint_one(data["rule"], case["text"], config, path)
    described = [(v.line, v.column, v.message) for v in found]
    assert len(found) == case["flagged"], f"{case.get('name')}: expected {case['flagged']}, got {described}"
    if "at" in case:
        assert [[v.line, v.column] for v in found] == case["at"], described
    if "message" in case:
        assert case["message"] in found[0].message, described
    if "severity" in case:
        assert all(v.severity == case["severity"] for v in found), described
    if "fixed" in case:
        text = case["text"]
        for _ in range(4):
            fixes = [(v.code, v.fix) for v in lint_one(data["rule"], text, config, path) if v.fix]
            text, applied = apply_fixes(text, fixes)
            if not applied:
                break
        assert text == case["fixed"]


def test_every_rule_has_a_case_file() -> None:
    names = {path.stem for path in _case_files()}
    missing = [spec.name for spec in SPECS if spec.name not in names]
    assert not missing, f"rules without tests/rules/<name>.yaml: {missing}"


def test_case_files_name_real_rules() -> None:
    by_name = {spec.name: spec.code for spec in SPECS}
    for path in _case_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert by_name.get(path.stem) == data["rule"], f"{path.name} must test the rule it is named after"
