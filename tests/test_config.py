"""Config discovery and validation: every mistake names the file, the key and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint.config.load import ConfigError, find_config, load_config
from contentlint.workspace import Workspace


def test_discovery_walks_up(tmp_path: Path) -> None:
    (tmp_path / ".contentlint.yaml").write_text("brand: {name: InkWell}\n", encoding="utf-8")
    deep = tmp_path / "posts" / "x"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / ".contentlint.yaml"
    assert load_config(cwd=deep).brand.name == "InkWell"


def test_pyproject_section(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[project]\nname='x'\n\n[tool.contentlint]\nfail_on = 'warning'\n\n[tool.contentlint.brand]\nname = 'InkWell'\n",
        encoding="utf-8",
    )
    config = load_config(cwd=tmp_path)
    assert config.fail_on == "warning" and config.brand.name == "InkWell"


def test_pyproject_unknown_key_names_line(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.contentlint]\nfail-on = 'x'\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(cwd=tmp_path)
    assert "pyproject.toml:2: fail-on: unknown key" in str(info.value)


def test_no_config_means_defaults(tmp_path: Path) -> None:
    config = load_config(cwd=tmp_path)
    assert config.path is None and config.fail_on == "error" and config.extends == ("default",)


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("fail_on: sometimes\n", ":1: fail_on: expected one of error, warning, suggestion, never"),
        ("audiences:\n  students: {max_grade: hard}\n", ":2: audiences.students.max_grade: expected a number"),
        ("hashtags:\n  banned: 3\n", ":2: hashtags.banned: expected a list of text"),
        ("overrides:\n  - rules: {}\n", ":2: overrides.0: an override needs `files:`"),
        ("brand:\n  terms:\n    prefer: {cheap: 3}\n", ":3: brand.terms.prefer.cheap: expected text"),
        ("rules:\n  long-sentence: maybe\n", ":2: rules.long-sentence: expected one of off, on"),
        ("- a\n- b\n", ":1: the config must be a mapping"),
        ("brand: [\n", "invalid YAML"),
        ("a: &x 1\nb: *x\n", "aliases"),
    ],
)
def test_errors_name_file_key_line(tmp_path: Path, yaml_text: str, expected: str) -> None:
    path = tmp_path / ".contentlint.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(path) in str(info.value)
    assert expected in str(info.value)


def test_unknown_rule_and_bad_option_are_config_errors(tmp_path: Path) -> None:
    path = tmp_path / ".contentlint.yaml"
    path.write_text("rules:\n  FM001: error\n  no-such-rule: off\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        Workspace(load_config(path))
    assert ":3: rules.no-such-rule: unknown rule code or name" in str(info.value)
    path.write_text("rules:\n  invalid-date: {max: 3}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        Workspace(load_config(path))
    assert ":2: rules.invalid-date: unknown option 'max'" in str(info.value)


def test_channel_override_errors_name_the_channel(tmp_path: Path) -> None:
    path = tmp_path / ".contentlint.yaml"
    path.write_text("channels:\n  x: {limt: 3}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        Workspace(load_config(path))
    assert ":2: channels.x:" in str(info.value) and "limt" in str(info.value)


def test_rule_settings_and_overrides(tmp_path: Path) -> None:
    config = load_config(
        {
            "rules": {"FM003": "warning", "unknown-channel": "off"},
            "overrides": [{"files": ["posts/press/**"], "rules": {"invalid-date": "off"}}],
        }
    )
    linter = Workspace(config)
    general = {r.spec.code: r.severity for r in linter.engine.rules_for("posts/x/a.md")}
    assert general["FM003"] == "warning" and "FM002" not in general
    press = {r.spec.code for r in linter.engine.rules_for("posts/press/2026/a.md")}
    assert "FM003" not in press


def test_dict_config_for_the_api() -> None:
    assert load_config({"brand": {"name": "InkWell"}}).brand.name == "InkWell"
    with pytest.raises(ConfigError):
        load_config({"brand": {"nme": "InkWell"}})
