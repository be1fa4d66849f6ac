"""A team's own rule pack: YAML files in a folder named in `extends`, no Python.

The generic kinds must work with the team's own codes, and every mistake a team can make in a
pack must end in a clear message (exit 2, the file and the problem named, no traceback), and a
pathological regular expression must not be able to hang a CI gate.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

RULES = {
    "synergy-word.yaml": """code: TM001
name: synergy-word
kind: existence
severity: warning
message: "Avoid '{match}'; say what you mean."
description: Corporate filler that readers skip.
options:
  tokens: [synergy, leverage]
  patterns: ['\\bwin-win\\b']
examples:
  fail: ["Great synergy with our partners."]
  pass: ["Working together with our partners."]
""",
    "house-words.yaml": """code: TM002
name: house-words
kind: substitution
severity: suggestion
message: "Write '{replacement}', not '{match}'"
options:
  swap: {colour pencil: coloured pencil, stationary: stationery}
""",
    "one-exclamation.yaml": """code: TM003
name: one-exclamation
kind: occurrence
severity: warning
message: "{count} exclamation marks; one is enough"
options:
  patterns: ['!']
  scope: prose
  max: 1
""",
    "giveaway-rules.yaml": """code: TM004
name: giveaway-rules
kind: conditional
severity: error
message: "A giveaway ('{match}') must link its rules"
options:
  first_tokens: [giveaway, contest]
  second_patterns: ['inkwell\\.in/rules']
""",
}


def _write_pack(folder: Path, rules: dict[str, str]) -> Path:
    pack = folder / "team-rules"
    pack.mkdir()
    for name, text in rules.items():
        (pack / name).write_text(text, encoding="utf-8")
    (folder / ".contentlint.yaml").write_text("extends: [default, team-rules]\n", encoding="utf-8")
    return pack


def _check(folder: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "contentlint", "check", "--no-cache", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def test_generic_kinds_work_from_yaml_alone(tmp_path: Path) -> None:
    _write_pack(tmp_path, RULES)
    (tmp_path / "post.md").write_text(
        "---\nchannel: x\n---\nOur colour pencil synergy is a win-win! Big giveaway this week! Join now!\n",
        encoding="utf-8",
    )
    result = _check(tmp_path, "--select", "TM", "--format", "json", "post.md")
    report = json.loads(result.stdout)
    codes = sorted(v["code"] for v in report["violations"])
    assert codes == ["TM001", "TM001", "TM002", "TM003", "TM004"], result.stdout
    swap = next(v for v in report["violations"] if v["code"] == "TM002")
    assert swap["fix"]["replacement"] == "coloured pencil"
    assert result.returncode == 1
    (tmp_path / "ok.md").write_text(
        "---\nchannel: x\n---\nOur coloured pencils are back. Giveaway rules: inkwell.in/rules\n"
    )
    assert _check(tmp_path, "--select", "TM", "ok.md").returncode == 0


def test_team_rules_are_listed_and_explained(tmp_path: Path) -> None:
    _write_pack(tmp_path, RULES)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    listed = subprocess.run(
        [sys.executable, "-m", "contentlint", "rules"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert "TM001" in listed.stdout and "synergy-word" in listed.stdout


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (
            "code: BR001\nname: my-brand\nkind: existence\nseverity: error\nmessage: m\noptions: {tokens: [x]}\n",
            ["BR001", "built-in"],
        ),
        ("code: TM009\nname: my-kind\nkind: sentiment\nseverity: error\nmessage: m\n", ["unknown kind", "sentiment"]),
        (
            "code: TM009\nname: bad-option\nkind: existence\nseverity: error\nmessage: m\noptions: {tokenz: [x]}\n",
            ["tokenz", "options"],
        ),
        (
            "code: TM009\nname: bad-regex\nkind: existence\nseverity: error\nmessage: m\noptions: {patterns: ['(unclosed']}\n",
            ["invalid regular expression", "(unclosed"],
        ),
        (
            "code: TM009\nname: off-brand-word\nkind: banned-term\nseverity: error\nmessage: m\n",
            ["unknown kind", "banned-term"],
        ),
    ],
    ids=["code-clash", "unknown-kind", "bad-option", "invalid-regex", "python-kind-not-for-packs"],
)
def test_pack_mistakes_are_clear_errors(tmp_path: Path, broken: str, expected: list[str]) -> None:
    _write_pack(tmp_path, {"broken.yaml": broken})
    (tmp_path / "post.md").write_text("Hello.\n", encoding="utf-8")
    result = _check(tmp_path, "post.md")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "broken.yaml" in result.stderr
    for word in expected:
        assert word in result.stderr, result.stderr


@pytest.mark.parametrize("pattern", ["(a+)+$", "(a|a)+$", "(a|aa)+$"])
def test_catastrophic_regex_cannot_hang_the_run(tmp_path: Path, pattern: str) -> None:
    """`regex` already defuses (a+)+ itself; (a|a)+ still backtracks exponentially, so the time
    bound in contentlint/patterns.py must stop it and name the rule."""
    evil = (
        "code: TM010\nname: evil-pattern\nkind: existence\nseverity: warning\nmessage: m\n"
        f"options: {{patterns: ['{pattern}'], scope: prose}}\n"
    )
    _write_pack(tmp_path, {"evil.yaml": evil})
    (tmp_path / "slow.md").write_text("---\nchannel: x\n---\n" + "a" * 40 + "!\n", encoding="utf-8")
    (tmp_path / "fine.md").write_text("---\nchannel: x\n---\nOur colour pencils are back.\n", encoding="utf-8")
    # The subprocess's timeout is the hang guard; the error message below shows the bound fired.
    result = _check(tmp_path, "--format", "json", "slow.md", "fine.md", timeout=60)
    report = json.loads(result.stdout)
    assert report["files_checked"] == 2
    if pattern == "(a+)+$":
        assert result.returncode == 0, "no match and no error: regex needs no time bound here"
        return
    assert result.returncode == 2, result.stdout + result.stderr
    messages = [e["message"] for e in report["errors"]]
    assert any("TM010" in m and "evil-pattern" in m and pattern in m for m in messages), messages
    assert [e["path"] for e in report["errors"]] == ["slow.md"]
