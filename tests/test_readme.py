"""The README's generated fragments match what they are generated from; a stale one fails here.

Regenerate the rule table after changing a rule, then review the diff:

    CONTENTLINT_UPDATE_README=1 python -m pytest tests/test_readme.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO

from contentlint.cli import main
from contentlint.formatters import FORMATS

README = REPO / "README.md"
_TABLE_HEAD = "| code | name | category | severity | fix | default | what it reports |\n"


def _rule_table(text: str) -> tuple[int, int]:
    """Where the rule table under "## Rules" starts and ends in the README."""
    section = text.index("\n## Rules\n")
    start = text.index(_TABLE_HEAD, section)
    end = text.index("\n\n", start) + 1
    return start, end


def test_rule_table_is_what_contentlint_rules_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no config: the built-in defaults
    result = CliRunner().invoke(main, ["rules", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    text = README.read_text(encoding="utf-8")
    start, end = _rule_table(text)
    if os.environ.get("CONTENTLINT_UPDATE_README") == "1":
        text = text[:start] + result.output + text[end:]
        README.write_text(text, encoding="utf-8", newline="\n")
        start, end = _rule_table(text)
    assert text[start:end] == result.output, (
        "the README's rule table is stale; regenerate: CONTENTLINT_UPDATE_README=1 python -m pytest tests/test_readme.py"
    )


def test_command_line_block_lists_every_output_format() -> None:
    listed = re.search(r"--config PATH  --format ([a-z|]+)", README.read_text(encoding="utf-8"))
    assert listed is not None
    assert listed.group(1).split("|") == list(FORMATS)


def test_length_table_names_every_channel_with_its_profile_numbers() -> None:
    """The hand-written table of how lengths are counted: every channel, and its numbers from the profiles."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### How lengths are counted") :]
    rows = re.findall(
        r"^\| ([a-z-]+) \| ([^|]+) \|", section[: section.index("\n\n", section.index("| channel |"))], re.M
    )
    table = {name: cell for name, cell in rows if name != "channel"}
    profiles = yaml.safe_load((REPO / "rules" / "channels.yaml").read_text(encoding="utf-8"))["channels"]
    assert set(table) == set(profiles)
    for name, cell in table.items():
        profile = profiles[name]
        numbers = {int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", cell)}
        expected = {limit["limit"] for limit in profile["limits"]}
        if profile.get("fold"):
            expected.add(profile["fold"])
        assert expected <= numbers, (name, cell, expected)


def test_set_up_commands_can_be_pasted_one_after_the_other() -> None:
    """Issue 16: the first command used to `cd examples`, so the second (run from the repo root)
    failed. Neither changes folder now, and the first checks the examples with their own config."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Set up") : text.index("## What it says")]
    commands = re.findall(r"```sh\n(.*?)\n```", section, re.S)
    assert len(commands) == 2
    assert not any(re.search(r"(^|&&|;)\s*cd\s", command) for command in commands)
    assert commands[0].endswith(".venv/bin/contentlint check examples/")
    assert commands[1].startswith(".venv/bin/")  # the venv the first one made


def test_pre_commit_snippet_pins_a_rev_that_can_exist() -> None:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(# \.pre-commit-config\.yaml.*?)```", text, re.S)
    assert block is not None
    rev = yaml.safe_load(block.group(1))["repos"][0]["rev"]
    assert re.fullmatch(r"[0-9a-f]{40}", str(rev)), "the repo has no tags: a commit hash, not v0.1.0"
