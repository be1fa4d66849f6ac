"""spaCy is an extra (issue 18): the default install runs every default rule without it, and a
config that names a pipeline that cannot run says so once, as a config error, not once a post."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from contentlint.config import nlp
from contentlint.config.errors import ConfigError
from contentlint.config.load import load_config
from contentlint.run import RunOptions
from contentlint.workspace import Workspace

PASSIVE = "---\nchannel: linkedin\n---\nThe new pens were tested by our team. They are made in Pune.\n"


def test_a_pipeline_that_is_not_installed_is_a_config_error_naming_the_extra(tmp_path: Path) -> None:
    (tmp_path / ".contentlint.yaml").write_text("nlp: {en: en_no_such_pipeline}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path / ".contentlint.yaml")
    message = str(raised.value)
    assert ".contentlint.yaml:1: nlp.en:" in message
    assert "'en_no_such_pipeline' is not installed" in message and "contentlint[spacy]" in message


def test_without_spacy_the_config_error_says_to_install_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nlp, "installed", lambda module: False)
    with pytest.raises(ConfigError, match=r"spaCy is not installed: pip install 'contentlint\[spacy\]'"):
        load_config({"nlp": {"en": "en_core_web_sm"}}, cwd=tmp_path)


def test_the_environment_variable_overrides_and_is_checked_the_same_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONTENTLINT_SPACY_EN", "en_no_such_pipeline")
    with pytest.raises(ConfigError, match=r"environment: CONTENTLINT_SPACY_EN: .*not installed"):
        load_config(None, cwd=tmp_path)
    monkeypatch.setenv("CONTENTLINT_SPACY_EN", "./pipelines/en")
    with pytest.raises(ConfigError, match=r"no spaCy pipeline at .*pipelines/en"):
        load_config(None, cwd=tmp_path)


def test_the_cli_stops_with_exit_2_and_no_traceback(tmp_path: Path) -> None:
    (tmp_path / ".contentlint.yaml").write_text("nlp:\n  en: en_no_such_pipeline\n", encoding="utf-8")
    (tmp_path / "post.md").write_text(PASSIVE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "contentlint", "check", "post.md"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "nlp.en" in done.stderr and "contentlint[spacy]" in done.stderr
    assert "Traceback" not in done.stderr


def test_without_a_pipeline_passive_voice_runs_its_heuristic_and_never_imports_spacy(tmp_path: Path) -> None:
    (tmp_path / ".contentlint.yaml").write_text("rules: {passive-voice: on}\n", encoding="utf-8")
    (tmp_path / "post.md").write_text(PASSIVE, encoding="utf-8")
    code = (
        "import sys, json; sys.modules['spacy'] = None\n"  # as if spaCy were not installed
        "from contentlint.cli import main\n"
        "sys.argv = ['contentlint', 'check', '--format', 'json', '--select', 'CL003', 'post.md']\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count('"code": "CL003"') == 2  # "were tested", "are made"


def test_a_pipeline_folder_with_a_parser_is_used_for_passive_voice(tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    pipeline = spacy.blank("en")
    pipeline.add_pipe("parser")
    pipeline.initialize()  # untrained: a parser is there, its parse is arbitrary
    (tmp_path / "pipelines").mkdir()
    pipeline.to_disk(tmp_path / "pipelines" / "en")
    (tmp_path / ".contentlint.yaml").write_text(
        "nlp: {en: pipelines/en}\nrules: {passive-voice: on}\n", encoding="utf-8"
    )
    config = load_config(tmp_path / ".contentlint.yaml")
    assert config.nlp["en"] == str((tmp_path / "pipelines" / "en").resolve())
    report = Workspace(config, options=RunOptions(select=("CL003",)), root=tmp_path).check_paths(
        [str(_write(tmp_path / "post.md", PASSIVE))]
    )
    assert not report.errors  # the parse ran (what an untrained parser finds is not the point)


def test_a_pipeline_without_a_parser_is_reported_for_the_post_by_name(tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    spacy.blank("en").to_disk(tmp_path / "blank")
    config = load_config({"nlp": {"en": "./blank"}, "rules": {"passive-voice": "on"}}, cwd=tmp_path)
    report = Workspace(config, options=RunOptions(select=("CL003",)), root=tmp_path).check_paths(
        [str(_write(tmp_path / "post.md", PASSIVE))]
    )
    [error] = report.errors
    assert "has no dependency parser" in error.message and "internal error" not in error.message


def test_the_wheel_does_not_require_spacy_and_offers_it_as_an_extra(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    from hatchling.builders.wheel import WheelBuilder

    repo = Path(__file__).resolve().parent.parent
    [wheel] = list(WheelBuilder(str(repo)).build(directory=str(tmp_path), versions=["standard"]))
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        requires = [line for line in archive.read(metadata).decode().splitlines() if line.startswith("Requires-Dist:")]
    spacy_lines = [line for line in requires if "spacy" in line.lower()]
    assert spacy_lines and all("extra ==" in line for line in spacy_lines), spacy_lines
    assert any("extra == 'spacy'" in line or 'extra == "spacy"' in line for line in spacy_lines)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
