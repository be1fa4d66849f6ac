"""The command line as users and CI see it: exit codes, output shapes, bad input, no writes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from contentlint.cli import main

CLEAN = "---\nchannel: x\npublish_at: 2026-12-01\n---\nNew pens are here.\n"
BAD_DATE = "---\nchannel: x\npublish_at: 12/01/2026\n---\nNew pens are here.\n"


def run(args: list[str], cwd: Path, stdin: bytes | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = runner.invoke(main, args, input=stdin, catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".contentlint.yaml").write_text("content: ['posts/**/*.md']\n", encoding="utf-8")
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "clean.md").write_text(CLEAN, encoding="utf-8")
    (posts / "bad.md").write_text(BAD_DATE, encoding="utf-8")
    return tmp_path


def test_exit_1_on_error_and_json_shape(repo: Path) -> None:
    code, out, _ = run(["check", "posts", "--format", "json", "--select", "FM"], repo)
    assert code == 1
    data = json.loads(out)
    assert set(data) == {"version", "files_checked", "violations", "errors", "summary", "configs"}
    assert data["configs"] == [".contentlint.yaml"]
    assert data["version"] == 1 and data["files_checked"] == 2
    assert data["summary"] == {"error": 1, "warning": 0, "suggestion": 0}
    violation = data["violations"][0]
    assert set(violation) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "name",
        "severity",
        "message",
        "fix",
        "related",
    }
    assert (violation["path"], violation["line"], violation["column"], violation["code"]) == (
        "posts/bad.md",
        3,
        13,
        "FM003",
    )


def test_exit_0_when_clean_and_exit_zero_flag(repo: Path) -> None:
    assert run(["check", "posts/clean.md", "--select", "FM"], repo)[0] == 0
    assert run(["check", "posts", "--select", "FM", "--exit-zero"], repo)[0] == 0


def test_fail_on_never_and_warning(repo: Path) -> None:
    assert run(["check", "posts", "--select", "FM", "--fail-on", "never"], repo)[0] == 0


def test_text_output_has_caret_and_summary(repo: Path) -> None:
    _code, out, _ = run(["check", "posts/bad.md", "--select", "FM"], repo)
    assert "posts/bad.md" in out
    assert "FM003 invalid-date" in out
    assert "^^^^^^^^^^" in out
    assert out.rstrip().endswith("1 problem (1 error) in 1 file checked.")
    assert "\033[" not in out  # no colour when not on a terminal


def test_concise_format(repo: Path) -> None:
    _, out, _ = run(["check", "posts/bad.md", "--select", "FM", "--format", "concise"], repo)
    assert out.startswith("posts/bad.md:3:13: error FM003 [invalid-date]")


def test_stdin(repo: Path) -> None:
    code, out, _ = run(["check", "-", "--select", "FM", "--format", "json"], repo, stdin=BAD_DATE.encode())
    assert code == 1
    assert json.loads(out)["violations"][0]["path"] == "<stdin>"


def test_missing_path_is_exit_2_and_others_still_checked(repo: Path) -> None:
    code, out, _ = run(["check", "posts/bad.md", "nope.md", "--select", "FM", "--format", "json"], repo)
    data = json.loads(out)
    assert code == 2
    assert data["errors"] == [{"path": "nope.md", "message": "no such file or folder"}]
    assert data["violations"][0]["code"] == "FM003"


def test_invalid_utf8_and_binary_are_errors_not_tracebacks(repo: Path) -> None:
    (repo / "posts" / "latin1.md").write_bytes("caf\xe9 pens".encode("latin-1"))
    (repo / "posts" / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, out, _ = run(["check", "posts", "--select", "FM", "--format", "json"], repo)
    data = json.loads(out)
    assert code == 2
    messages = {e["path"]: e["message"] for e in data["errors"]}
    assert "not valid UTF-8" in messages["posts/latin1.md"]
    assert "binary" in messages["posts/binary.md"]
    assert data["files_checked"] == 2  # the two good posts were still checked


def test_empty_file_large_post_and_too_large_file(repo: Path) -> None:
    (repo / "posts" / "empty.md").write_text("", encoding="utf-8")
    (repo / "posts" / "long.md").write_text("---\nchannel: x\n---\n" + "word " * 100_000, encoding="utf-8")
    (repo / "posts" / "huge.md").write_text("---\nchannel: x\n---\n" + "word " * 2_000_000, encoding="utf-8")
    code, out, _ = run(
        ["check", "posts/empty.md", "posts/long.md", "posts/huge.md", "--select", "BV001", "--format", "json"], repo
    )
    data = json.loads(out)
    assert code == 2
    assert data["files_checked"] == 2
    assert [v["code"] for v in data["violations"]] == ["BV001"]
    assert data["violations"][0]["message"].startswith("499999/280 weighted characters on x")
    assert data["errors"][0]["path"] == "posts/huge.md"
    assert "1,048,576 bytes" in data["errors"][0]["message"]


def test_unknown_select_code_is_usage_error(repo: Path) -> None:
    code, _, err = run(["check", "posts", "--select", "ZZ999"], repo)
    assert code == 2
    assert "unknown rule" in err and "ZZ999" in err


def test_config_errors_name_file_key_line(repo: Path) -> None:
    (repo / ".contentlint.yaml").write_text("brand:\n  name: InkWell\n  colour: blue\n", encoding="utf-8")
    code, _, err = run(["check", "posts"], repo)
    assert code == 2
    assert ".contentlint.yaml:3: brand.colour: unknown key" in err
    (repo / ".contentlint.yaml").write_text("repetition:\n  window_days: soon\n", encoding="utf-8")
    code, _, err = run(["check", "posts"], repo)
    assert code == 2 and ":2: repetition.window_days: expected a whole number" in err
    assert "Traceback" not in err


def test_never_writes_the_files_it_checks(repo: Path) -> None:
    before = {p: p.read_bytes() for p in (repo / "posts").iterdir()}
    mtimes = {p: p.stat().st_mtime_ns for p in before}
    run(["check", "posts"], repo)
    run(["check", "posts", "--diff"], repo)
    assert {p: p.read_bytes() for p in before} == before
    assert {p: p.stat().st_mtime_ns for p in before} == mtimes


def test_invalid_front_matter_body_still_checked(repo: Path) -> None:
    (repo / "posts" / "broken.md").write_text("---\nchannel: [x\n---\n" + "a" * 300 + "\n", encoding="utf-8")
    _code, out, _ = run(
        ["check", "posts/broken.md", "--channel", "x", "--select", "FM001,BV001", "--format", "json"], repo
    )
    codes = [v["code"] for v in json.loads(out)["violations"]]
    assert codes == ["FM001", "BV001"]


def test_github_format_chosen_in_actions(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = run(["check", "posts/bad.md", "--select", "FM"], repo)
    assert out.startswith("::error file=posts/bad.md,line=3,col=13")


def test_rules_and_explain(repo: Path) -> None:
    code, out, _ = run(["rules"], repo)
    assert code == 0 and "BV001  over-channel-limit" in out
    code, out, _ = run(["explain", "invalid-date"], repo)
    assert code == 0 and "FM003" in out and "ISO 8601" in out
    code, _, err = run(["explain", "XX123"], repo)
    assert code == 2 and "unknown rule" in err


def test_count_shows_every_unit(repo: Path) -> None:
    (repo / "bn.md").write_text("---\nchannel: bluesky\n---\nএক্সক্লুসিভ অফার\n", encoding="utf-8")
    code, out, _ = run(["count", "bn.md"], repo)
    assert code == 0
    assert "     16  weighted characters" in out
    assert "      9  graphemes" in out
    assert "     46  bytes" in out
    assert "* bluesky" in out


def test_init_writes_a_valid_config(tmp_path: Path) -> None:
    code, _out, _ = run(["init"], tmp_path)
    assert code == 0 and (tmp_path / ".contentlint.yaml").exists()
    from contentlint.config.load import load_config

    assert load_config(tmp_path / ".contentlint.yaml").brand.name == "YourBrand"
    code, _, err = run(["init"], tmp_path)
    assert code == 2 and "already exists" in err


def test_suppression_comments_and_front_matter(repo: Path) -> None:
    text = "---\nchannel: x\ncontentlint:\n  disable: [FM003]\npublish_at: soon\n---\nNew pens.\n"
    (repo / "posts" / "quiet.md").write_text(text, encoding="utf-8")
    _code, out, _ = run(["check", "posts/quiet.md", "--select", "FM", "--format", "json"], repo)
    assert json.loads(out)["violations"] == []


def test_output_file(repo: Path) -> None:
    code, out, _err = run(["check", "posts", "--select", "FM", "--format", "json", "--output", "report.json"], repo)
    assert code == 1 and out == ""
    assert json.loads((repo / "report.json").read_text())["summary"]["error"] == 1


def test_similar_lists_the_nearest_posts(tmp_path: Path) -> None:
    (tmp_path / ".contentlint.yaml").write_text(
        "content: ['posts/**/*.md']\naudiences:\n  students: {channels: [x, instagram]}\n", encoding="utf-8"
    )
    posts = tmp_path / "posts"
    posts.mkdir()
    body = "Exams are coming. Our gel pens dry in a second, so your notes stay clean all term."
    (posts / "a.md").write_text(
        f"---\nchannel: instagram\naudience: students\npublish_at: 2026-12-01\n---\n{body} #StudyTips\n",
        encoding="utf-8",
    )
    (posts / "b.md").write_text(
        f"---\nchannel: x\naudience: students\npublish_at: 2026-12-03\n---\n{body}\n", encoding="utf-8"
    )
    (posts / "c.md").write_text(
        "---\nchannel: x\naudience: students\npublish_at: 2026-12-05\n---\nA different post about refills and recycled plastic boxes.\n",
        encoding="utf-8",
    )
    code, out, _ = run(["similar", "posts/b.md", "--format", "json"], tmp_path)
    assert code == 0
    nearest = json.loads(out)["similar"]
    assert nearest[0]["path"] == "posts/a.md" and nearest[0]["flagged"] == "RP001"
    assert all(item["path"] != "posts/c.md" or not item["flagged"] for item in nearest)


def test_overlapping_paths_check_each_file_once(repo: Path) -> None:
    _code, out, _ = run(["check", "posts", "posts/bad.md", "./posts", "--select", "FM", "--format", "json"], repo)
    data = json.loads(out)
    assert data["files_checked"] == 2
    assert len(data["violations"]) == 1
