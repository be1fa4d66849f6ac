"""Issue 16: a gate that passes only what it checked. Each case below passed silently, or failed
for the wrong file, before; each is a row or a test here."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO

from contentlint.cli import main

X_POST_307 = "Our new gel pens dry in a second. " * 9 + "Get yours today!"  # 322 characters, over X's 280


def run(
    args: list[str], cwd: Path, stdin: str | None = None, env: dict[str, str] | None = None
) -> tuple[int, str, str]:
    runner = CliRunner()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = runner.invoke(main, args, input=stdin, catch_exceptions=False, env=env)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


# ---------------------------------------------------------------- nothing passes unchecked


@pytest.mark.parametrize(
    ("front_matter", "codes"),
    [
        ("", ["FM004"]),  # no front matter at all
        ("---\naudience: students\n---\n", ["FM004"]),  # front matter without a channel
        ("---\nchanel: x\n---\n", ["FM004", "FM005"]),  # a typo: no channel, and "did you mean"
    ],
)
def test_a_post_without_a_channel_is_a_finding(tmp_path: Path, front_matter: str, codes: list[str]) -> None:
    write(tmp_path, {"post.md": front_matter + X_POST_307 + "\n"})
    code, out, _ = run(["check", "post.md", "--format", "json", "--select", "FM"], tmp_path)
    data = json.loads(out)
    assert code == 1
    assert sorted({v["code"] for v in data["violations"]}) == codes
    if "FM005" in codes:
        assert "did you mean `channel`?" in next(v["message"] for v in data["violations"] if v["code"] == "FM005")


def test_the_same_post_with_a_channel_gets_the_length_check(tmp_path: Path) -> None:
    write(tmp_path, {"post.md": "---\nchannel: x\n---\n" + X_POST_307 + "\n"})
    code, out, _ = run(["check", "post.md", "--format", "json"], tmp_path)
    assert code == 1 and "BV001" in {v["code"] for v in json.loads(out)["violations"]}


@pytest.mark.parametrize(
    ("config", "files", "args", "message"),
    [
        # a typo in the glob
        ("content: ['post/**/*.md']\n", {"posts/a.md": "---\nchannel: x\n---\nHi.\n"}, [], "no posts matched config"),
        # .txt posts with the glob `init` writes
        ("content: ['posts/**/*.md']\n", {"posts/a.txt": "---\nchannel: x\n---\nHi.\n"}, [], "no posts matched"),
        # a folder without posts
        ("", {"notes/readme.png": "x"}, ["notes"], "no posts matched: notes"),
        # a folder whose posts the content globs leave out
        ("content: ['posts/**/*.md']\n", {"drafts/a.md": "---\nchannel: x\n---\nHi.\n"}, ["drafts"], "no posts"),
    ],
)
def test_a_run_that_matches_no_post_exits_2(
    tmp_path: Path, config: str, files: dict[str, str], args: list[str], message: str
) -> None:
    write(tmp_path, {".contentlint.yaml": config, **files})
    code, out, err = run(["check", *args], tmp_path)
    assert code == 2, out + err
    assert message in err
    assert "No problems found" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--channel", "twiter"], "--channel: unknown channel 'twiter' (did you mean 'x'?)"),
        (["--channel", "twitter"], "(did you mean 'x'?)"),
        (["--audience", "studnets"], "--audience: unknown audience 'studnets' (did you mean 'students'?)"),
        (
            ["--select", "pasive-voice"],
            "unknown rule, category or prefix 'pasive-voice' (did you mean 'passive-voice'?)",
        ),
    ],
)
def test_unknown_names_on_the_command_line_are_errors_with_did_you_mean(
    tmp_path: Path, args: list[str], message: str
) -> None:
    write(tmp_path, {".contentlint.yaml": "audiences: {students: {}}\n", "a.md": "---\nchannel: x\n---\nHi.\n"})
    code, _, err = run(["check", "a.md", *args], tmp_path)
    assert code == 2
    assert message in err, err


def test_every_config_mistake_is_reported_at_once_with_did_you_mean(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            ".contentlint.yaml": (
                "fail-on: error\n"  # 1: a key with a typo
                "brand: {name: InkWell, competitor: [Quillco]}\n"  # 2: a nested typo
                "rules:\n"
                "  pasive-voice: on\n"  # 4: a rule name with a typo
                "  HT004: loud\n"  # 5: a bad value
                "audiences:\n"
                "  students: {channels: [instagam]}\n"  # 7: an unknown channel
                "default_channel: twiter\n"  # 8: another
            ),
            "a.md": "---\nchannel: x\n---\nHi.\n",
        },
    )
    code, _, err = run(["check", "a.md"], tmp_path)
    assert code == 2
    lines = [line for line in err.splitlines() if ".contentlint.yaml:" in line]
    assert len(lines) == 6, err
    assert ".contentlint.yaml:1: fail-on: unknown key (did you mean 'fail_on'?)" in err
    assert ".contentlint.yaml:2: brand.competitor: unknown key" in err
    assert ".contentlint.yaml:4: rules.pasive-voice: unknown rule code or name (did you mean 'passive-voice'?)" in err
    assert ".contentlint.yaml:5: rules.HT004: expected one of off, on" in err
    assert "audiences.students.channels: unknown channel 'instagam' (did you mean 'instagram'?)" in err
    assert ".contentlint.yaml:8: default_channel: unknown channel 'twiter'" in err
    numbers = [int(re.search(r"\.contentlint\.yaml:(\d+):", line).group(1)) for line in lines]
    assert numbers == sorted(numbers)


def test_front_matter_channel_typo_gets_did_you_mean(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": "---\nchannel: twiter\n---\nHi.\n"})
    _, out, _ = run(["check", "a.md", "--format", "json", "--select", "FM002"], tmp_path)
    assert "Unknown channel 'twiter'; did you mean 'x'?" in json.loads(out)["violations"][0]["message"]


# ---------------------------------------------------------------- the right config for each post

BRAND_A = "brand: {name: InkWell}\ncontent: ['posts/**/*.md']\n"
BRAND_B = "brand: {name: PaperCo}\ncontent: ['posts/**/*.md']\nhashtags: {banned: ['#like4like']}\n"


@pytest.fixture()
def monorepo(tmp_path: Path) -> Path:
    return write(
        tmp_path,
        {
            "brands/ink/.contentlint.yaml": BRAND_A,
            "brands/ink/posts/a.md": "---\nchannel: x\n---\nNew pens from Inkwell and Paperco.\n",
            "brands/paper/.contentlint.yaml": BRAND_B,
            "brands/paper/posts/b.md": "---\nchannel: x\n---\nNew paper from Paperco and Inkwell. #like4like\n",
        },
    )


def test_each_post_uses_the_nearest_config_in_its_folder_or_above(monorepo: Path) -> None:
    code, out, _ = run(["check", "brands", "--format", "json", "--select", "BR001,HT003"], monorepo)
    data = json.loads(out)
    assert code == 1
    found = sorted((v["path"], v["code"], v["message"].split("'")[1]) for v in data["violations"])
    assert found == [
        ("brands/ink/posts/a.md", "BR001", "InkWell"),
        ("brands/paper/posts/b.md", "BR001", "PaperCo"),
        ("brands/paper/posts/b.md", "HT003", found[2][2]),
    ]
    assert data["configs"] == ["brands/ink/.contentlint.yaml", "brands/paper/.contentlint.yaml"]


def test_text_and_sarif_name_the_configs(monorepo: Path) -> None:
    _, out, _ = run(["check", "brands", "--select", "BR001"], monorepo)
    assert "configs: brands/ink/.contentlint.yaml, brands/paper/.contentlint.yaml\n" in out
    _, out, _ = run(["check", "brands/ink", "--select", "BR001"], monorepo)
    assert "\nconfig: brands/ink/.contentlint.yaml\n" in out
    _, out, _ = run(["check", "brands", "--select", "BR001", "--format", "sarif"], monorepo)
    assert json.loads(out)["runs"][0]["properties"]["configs"] == [
        "brands/ink/.contentlint.yaml",
        "brands/paper/.contentlint.yaml",
    ]


def test_config_forces_one_config_for_every_post(monorepo: Path) -> None:
    _, out, _ = run(
        ["check", "brands", "--config", "brands/ink/.contentlint.yaml", "--format", "json", "--select", "BR001"],
        monorepo,
    )
    data = json.loads(out)
    assert {v["message"].split("'")[1] for v in data["violations"]} == {"InkWell"}
    assert data["configs"] == ["brands/ink/.contentlint.yaml"]


def test_each_brand_compares_posts_for_repetition_with_its_own_content_only(monorepo: Path) -> None:
    same = "---\nchannel: x\npublish_at: 2026-12-01\n---\nExams are coming, so stock up on pens and paper today.\n"
    write(monorepo, {"brands/ink/posts/r.md": same, "brands/paper/posts/r.md": same})
    _, out, _ = run(["check", "brands", "--format", "json", "--select", "RP"], monorepo)
    assert json.loads(out)["violations"] == []
    write(monorepo, {"brands/ink/posts/r2.md": same.replace("12-01", "12-02")})
    _, out, _ = run(["check", "brands/ink/posts/r2.md", "--format", "json", "--select", "RP"], monorepo)
    assert [v["related"][0]["path"] for v in json.loads(out)["violations"]] == ["brands/ink/posts/r.md"]


def test_examples_from_the_repo_root_use_the_example_brands_config() -> None:
    """The example config's first line says `contentlint check examples/` uses it: now it does."""
    code, out, _ = run(["check", "examples/", "--no-cache", "--format", "json"], REPO)
    data = json.loads(out)
    assert code == 1
    assert data["configs"] == ["examples/.contentlint.yaml"]
    codes = {v["code"] for v in data["violations"]}
    assert {"BR001", "BR002", "BR004", "HT003"} <= codes  # brand name and terms, competitor, banned tag


def test_overrides_and_content_read_paths_from_the_configs_folder(tmp_path: Path) -> None:
    """Run from a subfolder: override globs still match paths from the config's folder."""
    write(
        tmp_path,
        {
            ".contentlint.yaml": "overrides:\n  - files: ['posts/x/**']\n    channel: x\n",
            "posts/x/a.md": X_POST_307 + "\n",
        },
    )
    code, out, _ = run(["check", "a.md", "--format", "json", "--select", "FM004,BV001"], tmp_path / "posts" / "x")
    assert code == 1
    assert [v["code"] for v in json.loads(out)["violations"]] == ["BV001"]


def test_contentlint_config_shows_the_effective_config_and_its_sources(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            ".contentlint.yaml": (
                "lang: en\n"
                "rules:\n  HT004: error\n"
                "overrides:\n  - files: ['posts/x/**']\n    channel: x\n    rules: {long-sentence: {max_words: 20}}\n"
            ),
        },
    )
    code, out, _ = run(["config", "posts/x/a.md"], tmp_path)
    assert code == 0
    assert "config: .contentlint.yaml" in out
    assert "post:   posts/x/a.md (matching overrides: overrides[0])" in out
    lines = {line.split("#")[0].strip(): line.split("#")[-1].strip() for line in out.splitlines() if "#" in line}
    assert lines["lang: en"] == ".contentlint.yaml:1"
    assert lines["post default channel: x"] == ".contentlint.yaml:5 (overrides[0])"
    assert lines["HT004 hashtag-casing: error"] == ".contentlint.yaml:3"
    assert lines['CL002 long-sentence: suggestion {"max_words": 20}'] == ".contentlint.yaml:7 (overrides[0])"
    assert lines["BV001 over-channel-limit: error"] == "default"
    _, out, _ = run(["config", "posts/y/a.md", "--format", "json"], tmp_path)
    data = json.loads(out)
    assert data["overrides"] == [] and data["post"] == "posts/y/a.md"


def test_rules_shows_the_effective_severity_and_state(tmp_path: Path) -> None:
    write(tmp_path, {".contentlint.yaml": "rules:\n  HT004: error\n  shouting: off\n  passive-voice: on\n"})
    _, out, _ = run(["rules"], tmp_path)
    rows = {line.split()[0]: line for line in out.splitlines() if line[:2].isupper()}
    assert " error " in rows["HT004"] and "(default suggestion: .contentlint.yaml:2)" in rows["HT004"]
    assert "  off  (default on: .contentlint.yaml:3)" in rows["CL006"]
    assert "off" not in rows["CL003"].split("(")[0] and "(default off" in rows["CL003"]
    _, out, _ = run(["rules", "--format", "json"], tmp_path)
    ht004 = next(r for r in json.loads(out) if r["code"] == "HT004")
    assert (ht004["severity"], ht004["default_severity"], ht004["enabled"]) == ("error", "suggestion", True)


# ---------------------------------------------------------------- only posts are checked


def test_content_and_overrides_match_the_same_paths(tmp_path: Path) -> None:
    """`posts/*.md` once matched posts/x/deep/a.md in overrides (fnmatch) but not in content
    (pathlib); both now read it as a .gitignore line does: not below posts/."""
    write(
        tmp_path,
        {
            ".contentlint.yaml": (
                "content: ['posts/*.md']\noverrides:\n  - files: ['posts/*.md']\n    rules: {invalid-date: off}\n"
            ),
            "posts/a.md": "---\nchannel: x\npublish_at: soon\n---\nHi.\n",
            "posts/x/deep/a.md": "---\nchannel: x\npublish_at: soon\n---\nHi.\n",
        },
    )
    from contentlint.workspace import Workspace

    workspace = Workspace(root=tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in workspace.content_files()] == ["posts/a.md"]
    _, out, _ = run(["check", "posts/a.md", "posts/x/deep/a.md", "--format", "json"], tmp_path)
    assert [v["path"] for v in json.loads(out)["violations"] if v["code"] == "FM003"] == ["posts/x/deep/a.md"]


def test_exclude_and_gitignore_keep_files_out_of_walks_and_the_corpus(tmp_path: Path) -> None:
    repeat = "---\nchannel: x\npublish_at: 2026-12-01\n---\nExams are coming, so stock up on gel pens today.\n"
    write(
        tmp_path,
        {
            ".contentlint.yaml": "content: ['posts/**/*.md']\nexclude: ['posts/archive/']\n",
            ".gitignore": "posts/drafts/\n",
            "posts/live.md": repeat,
            "posts/drafts/copy.md": repeat.replace("12-01", "12-02"),
            "posts/archive/old.md": repeat.replace("12-01", "12-03"),
        },
    )
    (tmp_path / ".git").mkdir()
    code, out, _ = run(["check", "posts", "--format", "json"], tmp_path)
    data = json.loads(out)
    assert data["files_checked"] == 1 and code == 0, data
    (tmp_path / ".gitignore").write_text("", encoding="utf-8")  # the draft is now a post: a repeat
    _, out, _ = run(["check", "posts", "--format", "json", "--no-cache"], tmp_path)
    data = json.loads(out)
    assert data["files_checked"] == 2 and {v["code"] for v in data["violations"]} == {"RP002"}


HOOK = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]


def hook(root: Path, files: list[str]) -> subprocess.CompletedProcess[str]:
    """The shipped hook as pre-commit runs it: `entry`, its `args`, then the changed files."""
    entry = shlex.split(HOOK["entry"])
    assert entry[0] == "contentlint"
    command = [sys.executable, "-m", "contentlint", *entry[1:], *HOOK.get("args", []), *files]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})


@pytest.fixture()
def content_repo(tmp_path: Path) -> Path:
    write(
        tmp_path,
        {
            ".contentlint.yaml": (
                "content: ['posts/**/*.md']\nhashtags: {banned_file: banned-hashtags.txt}\nbrand: {name: InkWell}\n"
            ),
            "banned-hashtags.txt": "#like4like\n#followforfollow\n",
            "README.md": "# Our posts\n\nRun #like4like contentlint here. Written by the INKWELL TEAM!!!\n",
            "LICENSE": "Copyright Inkwell. #like4like\n",
            "CHANGELOG": "2026: Inkwell #like4like\n",
            "docs/guide.md": "How to write #like4like posts for Inkwell.\n",
            "posts/x/a.md": "---\nchannel: x\naudience: students\n---\nNew gel pens are here. #InkWell\n",
        },
    )
    (tmp_path / ".git").mkdir()
    return tmp_path


def test_the_hook_never_fails_on_a_file_that_is_not_a_post(content_repo: Path) -> None:
    assert "--force-exclude" in HOOK["entry"].split() + HOOK.get("args", [])
    others = ["README.md", "LICENSE", "CHANGELOG", "banned-hashtags.txt", "docs/guide.md", ".contentlint.yaml"]
    done = hook(content_repo, others)
    assert done.returncode == 0, done.stdout + done.stderr
    done = hook(content_repo, [*others, "posts/x/a.md"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 file checked" in done.stdout


def test_the_hook_still_fails_a_bad_post(content_repo: Path) -> None:
    write(content_repo, {"posts/x/b.md": "---\nchannel: x\n---\nGet yours #like4like\n"})
    done = hook(content_repo, ["README.md", "posts/x/b.md"])
    assert done.returncode == 1 and "HT003" in done.stdout


def test_without_force_exclude_a_named_file_is_checked_as_asked(content_repo: Path) -> None:
    code, out, _ = run(["check", "README.md", "--select", "BR001", "--format", "json"], content_repo)
    assert json.loads(out)["files_checked"] == 1
    code, out, err = run(["check", "--force-exclude", "README.md", "LICENSE", "--format", "json"], content_repo)
    assert code == 0 and json.loads(out)["files_checked"] == 0
    assert "2 files skipped, not posts" in err


def test_walking_a_folder_skips_repository_documents_and_the_configs_own_files(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            ".contentlint.yaml": "hashtags: {banned_file: banned.txt}\n",
            "banned.txt": "#like4like\n",
            "README.md": "Hello #like4like\n",
            "a.md": "---\nchannel: x\n---\nHi.\n",
        },
    )
    _, out, _ = run(["check", ".", "--format", "json"], tmp_path)
    assert json.loads(out)["files_checked"] == 1


def test_glob_patterns_are_checked_when_the_config_is_read(tmp_path: Path) -> None:
    write(tmp_path, {".contentlint.yaml": "content: ['']\nexclude: [3]\n", "a.md": "Hi.\n"})
    code, _, err = run(["check", "a.md"], tmp_path)
    assert code == 2
    assert "content.0: expected text" in err and "exclude.0: expected text" in err


def test_a_content_repo_inside_an_ignored_folder_of_another_repo_is_still_checked(tmp_path: Path) -> None:
    """git would ignore the whole copy; but the copy has its own config, so its posts are posts."""
    (tmp_path / ".git").mkdir()
    write(
        tmp_path,
        {
            ".gitignore": "build/\n",
            "build/site/.contentlint.yaml": "content: ['posts/**/*.md']\n",
            "build/site/posts/a.md": "---\nchannel: x\n---\nHi.\n",
        },
    )
    code, out, _ = run(["check", "posts", "--format", "json"], tmp_path / "build" / "site")
    assert code == 0 and json.loads(out)["files_checked"] == 1
