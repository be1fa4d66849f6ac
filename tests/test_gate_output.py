"""Issue 16: honest --fix, --diff and --quiet, and CI-native output (GitLab Code Quality, GitHub's
annotation limit and job summary, SARIF fingerprints)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_gate import run, write

from contentlint.formatters import render
from contentlint.model.report import PostInfo, Report
from contentlint.model.violation import Violation

FIXABLE = "---\nchannel: x\n---\nCheap pens from Inkwell, guaranteed.\n"  # BR001/BR002 fixable, BR007 not
OTHER = "---\nchannel: x\n---\nOur Inkwell notebooks are cheap.\n"
CONFIG = "brand: {name: InkWell, terms: {prefer: {cheap: affordable}}}\n"


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    return write(tmp_path, {".contentlint.yaml": CONFIG, "posts/a.md": FIXABLE, "posts/b.md": OTHER})


def test_fix_says_what_it_fixed_per_file_and_reports_what_is_left(repo: Path) -> None:
    code, out, err = run(["check", "posts", "--fix"], repo)
    assert "fixed 2 problems in posts/a.md" in err and "fixed 2 problems in posts/b.md" in err
    assert "Fixed 4 problems in 2 files." in err
    assert code == 0  # BR007 is a warning: below fail_on
    assert "BR007" in out and "BR001" not in out and "1 problem (1 warning)" in out


def test_fix_on_stdin_prints_the_fixed_post_and_reports_what_is_left(repo: Path) -> None:
    code, out, err = run(["check", "-", "--fix", "--fail-on", "warning"], repo, stdin=FIXABLE)
    assert out == "---\nchannel: x\n---\nAffordable pens from InkWell, guaranteed.\n"
    assert "BR007" in err and "No problems found" not in err
    assert code == 1
    code, out, err = run(["check", "-", "--fix"], repo, stdin="---\nchannel: x\n---\nAll fine here.\n")
    assert out == "---\nchannel: x\n---\nAll fine here.\n" and code == 0


def test_diff_exits_1_when_it_has_changes_and_0_when_not(repo: Path) -> None:
    code, out, _ = run(["check", "posts/a.md", "--diff"], repo)
    assert code == 1 and "+Affordable pens from InkWell, guaranteed." in out
    assert (repo / "posts" / "a.md").read_text(encoding="utf-8") == FIXABLE
    write(repo, {"posts/c.md": "---\nchannel: x\n---\nAll fine here.\n"})
    code, out, _ = run(["check", "posts/c.md", "--diff"], repo)
    assert code == 0 and out == ""
    code, out, _ = run(["check", "-", "--diff"], repo, stdin=FIXABLE)
    assert code == 1 and "+Affordable pens" in out


def test_quiet_keeps_every_file_header_and_drops_the_summary(tmp_path: Path) -> None:
    write(
        tmp_path,
        {"Posts/Launch.md": "---\nchannel: x\n---\nGet it #like4like\n", "ok.md": "---\nchannel: x\n---\nFine.\n"},
    )
    write(tmp_path, {".contentlint.yaml": "hashtags: {banned: ['#like4like']}\n"})
    code, out, _ = run(["check", "Posts", "-q"], tmp_path)
    assert code == 1
    assert out.splitlines()[0] == "Posts/Launch.md"  # a path starting with a capital keeps its header
    assert "HT003" in out and "problem" not in out and "config:" not in out
    code, out, _ = run(["check", "ok.md", "-q"], tmp_path)
    assert code == 0 and out == ""


def test_text_output_names_the_config(repo: Path) -> None:
    _, out, _ = run(["check", "posts"], repo)
    assert out.splitlines()[-2] == "config: .contentlint.yaml"


# ---------------------------------------------------------------- CI formats


def violation(path: str, line: int, code: str = "BR001", severity: str = "error", start: int = 0) -> Violation:
    return Violation(
        path, line, 1, line, 8, code, "brand-name-casing", severity, "Write InkWell", start=start, end=start + 7
    )


def report_of(text: str, violations: list[Violation]) -> Report:
    return Report(tuple(violations), (), 1, (PostInfo("posts/a.md", ("x",), (), None, "en", text),))


def test_gitlab_code_quality_report() -> None:
    text = "Inkwell pens.\nInkwell ink.\n"
    report = report_of(text, [violation("posts/a.md", 1), violation("posts/a.md", 2, start=14)])
    issues = json.loads(render("gitlab", report, {}))
    assert [set(i) for i in issues] == [{"description", "check_name", "fingerprint", "severity", "location"}] * 2
    assert issues[0]["check_name"] == "contentlint/BR001" and issues[0]["severity"] == "major"
    assert issues[0]["location"] == {"path": "posts/a.md", "lines": {"begin": 1, "end": 1}}
    assert len({i["fingerprint"] for i in issues}) == 2  # unique, or GitLab shows one
    # stable when the post is edited above the finding (line numbers move, the fingerprint not)
    moved = report_of(
        "New line.\n" + text, [violation("posts/a.md", 2, start=10), violation("posts/a.md", 3, start=24)]
    )
    assert [i["fingerprint"] for i in json.loads(render("gitlab", moved, {}))] == [i["fingerprint"] for i in issues]


def test_sarif_results_carry_stable_partial_fingerprints() -> None:
    text = "Inkwell pens.\n"
    first = json.loads(render("sarif", report_of(text, [violation("posts/a.md", 1)]), {}))
    moved = json.loads(render("sarif", report_of("Hello.\n" + text, [violation("posts/a.md", 2, start=7)]), {}))
    prints = [run["results"][0]["partialFingerprints"] for run in (first["runs"][0], moved["runs"][0])]
    assert prints[0] == prints[1] and list(prints[0]) == ["contentlintFinding/v1"]


def test_github_says_how_many_annotations_it_will_not_show_and_writes_the_job_summary(
    tmp_path: Path,
) -> None:
    posts = {f"posts/p{i:02}.md": "---\nchannel: x\n---\nPens from Inkwell.\n" for i in range(13)}
    write(tmp_path, {".contentlint.yaml": "brand: {name: InkWell}\n", **posts})
    summary = tmp_path / "summary.md"
    code, out, _ = run(
        ["check", "posts", "--format", "github", "--select", "BR001"],
        tmp_path,
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert code == 1
    assert out.count("::error ") == 13
    assert "GitHub shows 10 annotations of each level per step, so 3 of these 13 will not appear" in out
    table = summary.read_text(encoding="utf-8")
    assert table.startswith("## contentlint\n")
    assert table.count("| BR001 brand-name-casing |") == 13
    assert "3 of them are not shown as annotations" in table


def test_github_shows_no_note_under_the_limit() -> None:
    report = report_of("Inkwell pens.\n", [violation("posts/a.md", 1)])
    assert "GitHub shows" not in render("github", report, {})


def test_a_markdown_table_cell_cannot_break_the_summary() -> None:
    from contentlint.formatters.github import step_summary

    v = Violation("posts/a|b.md", 1, 1, 1, 2, "BR001", "x", "error", "a | b\n<script>", start=0, end=1)
    table = step_summary(Report((v,), (), 1), {})
    row = next(line for line in table.splitlines() if "BR001" in line)
    assert row.count(" | ") == 4 and "<script>" not in table
