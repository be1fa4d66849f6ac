"""Rule packs, configs and front matter are untrusted input: a pack can come from another team or
the internet, a post from anyone with write access to a content repository.

- YAML is loaded with a safe loader only: `!!python/...` tags (and any tag the safe loader cannot
  build) are refused with a message naming the file, line and tag, and nothing is ever executed.
- Regular expressions from packs and config are compiled up front (a typo is an error with its
  line) and run with a time bound; a pattern that keeps timing out is stopped for the run.
- Every malformed rule file is a clear error: file, line, field and what is expected.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import contentlint
from contentlint.cli import main
from contentlint.config.load import ConfigError, load_config
from contentlint.engine.rule_packs import RuleError, load_rule_file
from contentlint.text.patterns import MAX_TIMEOUTS, PatternTimeout, compile_pattern

# Each payload would create the file PWNED (or call a function) if it were ever constructed.
PAYLOADS = (
    "!!python/object/apply:os.system ['touch PWNED']",
    "!!python/object/apply:subprocess.call [['touch', 'PWNED']]",
    "!!python/object/new:subprocess.Popen [['touch', 'PWNED']]",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/object:builtins.object {}",
)
GOOD_RULE = {
    "code": "TM001",
    "name": "synergy-word",
    "kind": "existence",
    "severity": "warning",
    "message": "Avoid '{match}'",
    "options": {"tokens": ["synergy"]},
    "examples": {"fail": ["Great synergy."], "pass": ["Working together."]},
}


def cli(folder: Path, *args: str) -> tuple[int, str, str]:
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, list(args))
    finally:
        os.chdir(cwd)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "post.md").write_text("---\nchannel: x\n---\nGreat synergy with our partners.\n", encoding="utf-8")
    return tmp_path


# ------------------------------------------------------------------ no code execution from YAML


@pytest.mark.parametrize("payload", PAYLOADS)
def test_python_tags_in_config_are_refused_and_never_run(folder: Path, payload: str) -> None:
    (folder / ".contentlint.yaml").write_text(f"lang: en\nbrand:\n  name: {payload}\n", encoding="utf-8")
    code, _, err = cli(folder, "check", "post.md", "--no-cache")
    assert code == 2
    assert ".contentlint.yaml:3: YAML tag !!python/" in err and "never builds objects" in err, err
    assert not (folder / "PWNED").exists()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_python_tags_in_front_matter_are_fm001_and_never_run(folder: Path, payload: str) -> None:
    (folder / "evil.md").write_text(f"---\nchannel: x\ntitle: {payload}\n---\nHello.\n", encoding="utf-8")
    code, out, _ = cli(folder, "check", "evil.md", "--format", "json", "--no-cache")
    [fm] = [v for v in json.loads(out)["violations"] if v["code"] == "FM001"]
    assert fm["line"] == 3 and "YAML tag !!python/" in fm["message"], fm
    assert code == 1 and not (folder / "PWNED").exists()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_python_tags_in_rule_files_are_refused_and_never_run(folder: Path, payload: str) -> None:
    pack = folder / "team"
    pack.mkdir()
    (pack / "evil.yaml").write_text(yaml.safe_dump(GOOD_RULE) + f"description: {payload}\n", encoding="utf-8")
    (folder / ".contentlint.yaml").write_text("extends: [default, team]\n", encoding="utf-8")
    code, _, err = cli(folder, "check", "post.md", "--no-cache")
    assert code == 2 and "Traceback" not in err
    assert "evil.yaml:" in err and "YAML tag !!python/" in err, err
    assert not (folder / "PWNED").exists()


def test_python_tags_as_mapping_keys_are_refused_too(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("? !!python/tuple [a, b]\n: 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"c\.yaml:1: YAML tag !!python/tuple is not allowed"):
        load_config(str(config))


def test_custom_tags_are_refused_but_safe_explicit_tags_are_plain_values() -> None:
    violations = contentlint.lint_text("---\nchannel: !!str x\ntitle: !include secrets.yaml\n---\nHello.\n")
    [fm] = [v for v in violations if v.code == "FM001"]
    assert "YAML tag !include is not allowed" in fm.message and fm.line == 3


# ------------------------------------------------------------------ time-bounded patterns

EVIL = "(a|a)+$"


def _evil_pack(folder: Path, pattern: str = EVIL) -> None:
    pack = folder / "team"
    pack.mkdir(exist_ok=True)
    rule = {
        **GOOD_RULE,
        "code": "TM010",
        "name": "evil-pattern",
        "options": {"patterns": [pattern], "scope": "prose"},
        "examples": {},
    }
    (pack / "evil.yaml").write_text(yaml.safe_dump(rule), encoding="utf-8")
    (folder / ".contentlint.yaml").write_text("extends: [default, team]\n", encoding="utf-8")


def test_an_evil_pattern_is_stopped_end_to_end_and_named(folder: Path) -> None:
    _evil_pack(folder)
    for index in range(8):
        (folder / f"slow{index}.md").write_text("a" * 40 + "!\n", encoding="utf-8")
    code, out, _ = cli(folder, "check", ".", "--select", "TM010", "--format", "json", "--no-cache", "--jobs", "1")
    data = json.loads(out)
    assert code == 2 and data["files_checked"] == 9
    messages = {e["path"]: e["message"] for e in data["errors"]}
    assert sorted(messages) == [f"slow{i}.md" for i in range(8)]
    assert all(m.startswith("rule TM010 evil-pattern: pattern '(a|a)+$'") for m in messages.values())
    stopped = [m for m in messages.values() if "no longer run" in m]
    assert len(stopped) == 8 - MAX_TIMEOUTS  # after 3 time-outs the pattern is not tried again


def test_a_pattern_that_times_out_is_tripped_for_the_rest_of_the_run() -> None:
    pattern = compile_pattern(EVIL)
    for _ in range(MAX_TIMEOUTS):
        with pytest.raises(PatternTimeout, match="took longer than"):
            list(pattern.finditer("a" * 40 + "!"))
    with pytest.raises(PatternTimeout, match="no longer run"):  # refused before it runs at all
        list(pattern.finditer("aaa"))
    assert list(compile_pattern(EVIL).finditer("aaa")), "a fresh pattern is not affected"


def test_a_pattern_just_under_the_bound_on_every_post_is_stopped_by_its_total(monkeypatch: pytest.MonkeyPatch) -> None:
    """Never one time-out, yet the pattern's time in all is bounded: 0.6 s here instead of 10 s."""
    from contentlint.text import patterns

    monkeypatch.setattr(patterns, "TOTAL_SECONDS", 0.6)
    pattern = compile_pattern(r"(a|aa)+$")
    slow = "a" * 24 + "!"  # a few hundredths of a second a try: well under the 0.25 s bound
    stopped = None
    for post in range(200):
        try:
            list(pattern.finditer(slow))
        except PatternTimeout as exc:
            stopped = (post, str(exc))
            break
    assert stopped is not None, "the total bound never applied"
    assert stopped[0] < 199  # stopped long before the last post: the total bound applied
    with pytest.raises(PatternTimeout, match="in all, over the"):
        list(pattern.finditer("aaa"))


def test_invalid_regex_in_config_is_a_config_error_with_its_line(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("brand:\n  affiliate_patterns:\n    - 'amzn\\.to'\n    - '(unclosed'\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(str(config))
    assert str(caught.value).startswith(f"{config}:4: brand.affiliate_patterns.1: invalid regular expression")


def test_an_evil_affiliate_pattern_in_config_is_time_bounded(tmp_path: Path) -> None:
    config = {"brand": {"affiliate_patterns": [EVIL]}}
    with pytest.raises(Exception, match=r"BR006 missing-disclosure: pattern '\(a\|a\)\+\$' took longer"):
        contentlint.lint_text("See https://shop.in/" + "a" * 40 + "!\n", config=config)


# ------------------------------------------------------------------ malformed rules

MALFORMED = [
    ("missing-code", {k: v for k, v in GOOD_RULE.items() if k != "code"}, ":1: code: required, and must be text"),
    ("missing-name", {k: v for k, v in GOOD_RULE.items() if k != "name"}, ":1: name: required, and must be text"),
    ("missing-kind", {k: v for k, v in GOOD_RULE.items() if k != "kind"}, ":1: kind: required, and must be text"),
    ("missing-message", {k: v for k, v in GOOD_RULE.items() if k != "message"}, "message: required, and must be text"),
    ("missing-severity", {k: v for k, v in GOOD_RULE.items() if k != "severity"}, "severity: required"),
    ("code-not-text", {**GOOD_RULE, "code": 1001}, "code: required, and must be text"),
    ("bad-code-format", {**GOOD_RULE, "code": "tm1"}, "code: 'tm1' must be two capital letters and three digits"),
    ("code-too-long", {**GOOD_RULE, "code": "TMX0001"}, "must be two capital letters and three digits"),
    ("bad-name", {**GOOD_RULE, "name": "Synergy Word"}, "name: 'Synergy Word' must be kebab-case"),
    ("unknown-kind", {**GOOD_RULE, "kind": "sentiment"}, "kind: unknown kind 'sentiment'; a rule pack can use:"),
    ("python-kind", {**GOOD_RULE, "kind": "brand-casing"}, "kind: unknown kind 'brand-casing'"),
    ("bad-severity", {**GOOD_RULE, "severity": "fatal"}, "severity: must be one of error, warning, suggestion"),
    ("unknown-field", {**GOOD_RULE, "sevrity": "error"}, "sevrity: unknown field; expected one of:"),
    ("options-not-mapping", {**GOOD_RULE, "options": ["synergy"]}, "options: must be a mapping"),
    ("unknown-option", {**GOOD_RULE, "options": {"tokenz": ["x"]}}, "options: "),
    ("tokens-not-list", {**GOOD_RULE, "options": {"tokens": 5}}, "options: "),
    ("scope-wrong-type", {**GOOD_RULE, "options": {"tokens": ["x"], "scope": ["prose"]}}, "options: "),
    ("no-tokens-or-patterns", {**GOOD_RULE, "options": {}}, "options: kind existence needs `tokens` or `patterns`"),
    ("bad-regex", {**GOOD_RULE, "options": {"patterns": ["[a-"]}}, "options: invalid regular expression '[a-'"),
    ("examples-not-mapping", {**GOOD_RULE, "examples": ["Great synergy."]}, "examples: must be a mapping"),
    ("examples-unknown-key", {**GOOD_RULE, "examples": {"bad": ["x"]}}, "examples: must be a mapping"),
    (
        "examples-not-text",
        {**GOOD_RULE, "examples": {"fail": [{"a": 1}], "pass": []}},
        "examples: examples must be text",
    ),
]


@pytest.mark.parametrize("rule, expected", [(r, e) for _, r, e in MALFORMED], ids=[i for i, _, _ in MALFORMED])
def test_every_malformed_rule_is_a_clear_error(tmp_path: Path, rule: dict, expected: str) -> None:
    path = tmp_path / "rule.yaml"
    path.write_text(yaml.safe_dump(rule, sort_keys=False), encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rule_file(path, "team")
    message = str(caught.value)
    assert message.startswith(f"{path}:") and expected in message, message


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", "a rule file must be a mapping"),
        ("- code: TM001\n", "a rule file must be a mapping"),
        ("just words\n", "a rule file must be a mapping"),
        ("code: [TM001\n", "invalid YAML"),
        ("code: &c TM001\nname: *c\n", "YAML aliases"),
        ("code: TM001\nname: a\x01\n", "character U+0001 is not allowed"),
    ],
)
def test_broken_rule_files_are_clear_errors(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "rule.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match=f"^{re.escape(str(path))}:\\d+: .*{re.escape(expected)}"):
        load_rule_file(path, "team")


def test_a_rule_file_that_is_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "rule.yaml"
    path.write_bytes(yaml.safe_dump({**GOOD_RULE, "message": "caf\u00e9"}, allow_unicode=True).encode("latin-1"))
    with pytest.raises(RuleError, match="cannot read rule file"):
        load_rule_file(path, "team")


def test_a_malformed_pack_fails_the_cli_with_exit_2_and_no_traceback(folder: Path) -> None:
    pack = folder / "team"
    pack.mkdir()
    (pack / "bad.yaml").write_text(yaml.safe_dump({**GOOD_RULE, "examples": "fail"}), encoding="utf-8")
    (folder / ".contentlint.yaml").write_text("extends: [default, team]\n", encoding="utf-8")
    code, out, err = cli(folder, "check", "post.md", "--no-cache")
    assert code == 2 and out == "" and "Traceback" not in err
    assert "bad.yaml" in err and "examples: must be a mapping" in err
