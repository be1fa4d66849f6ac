"""Hostile input, one row per attack: the input, the exit code, the message, and that the other
post of the folder is still checked with the same findings.

Every row runs the real CLI in a subprocess with a time limit, so a hang fails the row instead of
the suite. The folder always holds `good.md`, whose one finding (BR002, "cheap") must be reported
exactly as in a plain run. Attacks that need a user other than root (an unreadable folder, a
read-only cache) are simulated in-process further down, as tests/test_bad_input.py does for
unreadable files.

| attack                                         | exit | message                                            |
|------------------------------------------------|------|----------------------------------------------------|
| integer of 5,000 digits in front matter        | 1    | FM001 "a number of about 5,000 digits"             |
| the same post on stdin                         | 1    | FM001 on <stdin>                                   |
| integer of 5,000 digits in the config          | 2    | config error "a number of about 5,000 digits"      |
| integer of 5,000 digits in a rule pack         | 2    | rule error "a number of about 5,000 digits"        |
| lone surrogate from a YAML escape ("\\ud800")  | 1    | FM001 "half of a UTF-16 surrogate pair"            |
| duplicate front matter key                     | 1    | FM001 "duplicate key 'sponsored'"                  |
| front matter with lone-CR line breaks          | 1    | BR006, as with LF                                  |
| pack message with a format width of 999999999  | 0    | the template shown as written                      |
| config that is a named pipe                    | 2    | "cannot read config: not a regular file"           |
| rule pack file that is a named pipe            | 2    | "cannot read rule file: not a regular file"        |
| hashtags.banned_file: /dev/zero                | 1    | HT003 "cannot read hashtags.banned_file"           |
| hashtags.banned_file that is a named pipe      | 1    | HT003 "cannot read hashtags.banned_file"           |
| rule pack file that links outside the repo     | 0    | not loaded (links are not followed)                |
| cache folder that is a file                    | 0    | same findings; warning "is not a folder"           |
| cache folder that is a dangling link           | 0    | same findings; warning "is a symbolic link"        |
| cache .gitignore linking outside the repo      | 0    | same findings; the outside file is not created     |
| post and file name with terminal escapes       | 0    | every output escaped; JSON and SARIF valid UTF-8   |
| unreadable folder (simulated)                  | 2    | "permission denied: the folder cannot be read"     |
| read-only cache folder (simulated)             | 0    | same findings; warning "cannot be written"         |
| damaged page in the SQLite cache               | 0    | same findings; the file is rebuilt                 |
| --fix while an editor appends (simulated)      | 2    | "changed while contentlint was running; not fixed" |
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

CONFIG: dict[str, Any] = {"brand": {"name": "InkWell", "terms": {"prefer": {"cheap": "affordable"}}}}
GOOD = "---\nchannel: x\n---\nOur pens are cheap and dry in a second.\n"
HUGE = "1" * 5000
PACK_RULE = {
    "code": "TM001",
    "name": "synergy-word",
    "kind": "existence",
    "severity": "warning",
    "message": "Avoid '{match}'",
    "options": {"tokens": ["synergy"]},
}
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass
class Run:
    code: int
    stdout: bytes
    stderr: str

    @property
    def data(self) -> dict[str, Any]:
        return json.loads(self.stdout.decode("utf-8"))  # strict: the document must be valid UTF-8

    def messages(self, path: str) -> list[str]:
        return [f"{v['code']} {v['message']}" for v in self.data["violations"] if v["path"] == path]

    def good_findings(self) -> list[tuple[str, int, int]]:
        return [(v["code"], v["line"], v["column"]) for v in self.data["violations"] if v["path"] == "good.md"]


def cli(folder: Path, *args: str, stdin: bytes = b"", timeout: float = 60) -> Run:
    """`contentlint check ... --format json` in a fresh process; a hang fails here, not the suite."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "contentlint", "check", *args]
    if "--format" not in args:
        command += ["--format", "json"]
    done = subprocess.run(command, cwd=folder, input=stdin, capture_output=True, timeout=timeout, env=env)
    return Run(done.returncode, done.stdout, done.stderr.decode("utf-8", "replace"))


def write_config(folder: Path, extra: dict[str, Any] | None = None) -> None:
    (folder / ".contentlint.yaml").write_text(yaml.safe_dump({**CONFIG, **(extra or {})}), encoding="utf-8")


def write_pack(folder: Path, rule: dict[str, Any] | str, name: str = "r.yaml") -> None:
    (folder / "pack").mkdir(exist_ok=True)
    text = rule if isinstance(rule, str) else yaml.safe_dump(rule)
    (folder / "pack" / name).write_text(text, encoding="utf-8")
    write_config(folder, {"extends": ["default", "pack"]})


def fifo(path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    os.mkfifo(path)


@dataclass(frozen=True)
class Row:
    name: str
    setup: Callable[[Path], None]
    code: int
    message: str  # a regular expression, searched in the row's messages
    args: tuple[str, ...] = (".",)
    stdin: bytes = b""
    where: str = "bad.md"  # "stderr", or the path whose findings hold the message
    good_checked: bool = True  # a config error stops the run: no post is checked
    good_also: tuple[str, ...] = ()  # codes the attack adds to good.md as well (a list it cannot read)
    check: Callable[[Path, Run], None] | None = field(default=None)


def _post(text: str, name: str = "bad.md") -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_text(text, encoding="utf-8", newline="")


def _pipe_config(folder: Path) -> None:
    (folder / ".contentlint.yaml").unlink()
    fifo(folder / ".contentlint.yaml")


def _pipe_pack(folder: Path) -> None:
    write_pack(folder, PACK_RULE)
    (folder / "pack" / "r.yaml").unlink()
    fifo(folder / "pack" / "r.yaml")


def _banned(target: str) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        if target == "pipe":
            fifo(folder / "banned.list")
        write_config(folder, {"hashtags": {"banned_file": "/dev/zero" if target == "zero" else "banned.list"}})
        (folder / "bad.md").write_text("---\nchannel: x\n---\nOur pens. #ad\n", encoding="utf-8")

    return setup


def _linked_pack(folder: Path) -> None:
    outside = folder.parent / f"{folder.name}-outside.yaml"
    outside.write_text(yaml.safe_dump({**PACK_RULE, "options": {"tokens": ["pens"]}}), encoding="utf-8")
    write_pack(folder, {**PACK_RULE, "code": "TM002", "name": "other-word"})
    (folder / "pack" / "outside.yaml").symlink_to(outside)


def _no_outside_rule(folder: Path, run: Run) -> None:
    assert not any(v["code"] == "TM001" for v in run.data["violations"]), "a linked rule file was loaded"


def _cache_file(folder: Path) -> None:
    (folder / ".contentlint_cache").write_text("not a folder", encoding="utf-8")


def _cache_dangling(folder: Path) -> None:
    (folder / ".contentlint_cache").symlink_to(folder.parent / f"{folder.name}-nowhere" / "cache")


def _gitignore_outside(folder: Path) -> None:
    (folder / ".contentlint_cache").mkdir()
    (folder / ".contentlint_cache" / ".gitignore").symlink_to(folder.parent / f"{folder.name}-outside-ignore")


def _outside_not_written(folder: Path, run: Run) -> None:
    assert not (folder.parent / f"{folder.name}-outside-ignore").exists()
    assert (folder / ".contentlint_cache" / ".gitignore").read_text(encoding="utf-8").startswith("# created by")


ESCAPES = "\x1b[2J\x1b[1A\x1b[2K\x1b]0;owned\x07\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\\u009b31m"


def _escapes(folder: Path) -> None:
    write_config(folder)
    (folder / "bad.md").write_text(f"---\nchannel: x\n---\nSo cheap {ESCAPES} now.\n", encoding="utf-8")
    name = os.fsencode("latin-\xe9-\x1b[2J.md") if sys.platform != "win32" else "x.md"
    (folder / os.fsdecode(name.replace(b"\xc3\xa9", b"\xe9"))).write_bytes(b"---\nchannel: x\n---\ncheap.\n")


def _escaped_everywhere(folder: Path, run: Run) -> None:
    paths = {v["path"] for v in run.data["violations"]}
    assert len(paths) == 3, paths  # good.md, bad.md and the file whose name is not UTF-8
    for output in ("text", "concise", "github"):
        shown = cli(folder, ".", "--format", output, "--no-cache").stdout.decode("utf-8")
        assert not CONTROL.search(shown), (output, CONTROL.search(shown))
        assert "\\x1b[2J" in shown and "\\udce9" in shown
    sarif = json.loads(cli(folder, ".", "--format", "sarif", "--no-cache").stdout.decode("utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert "latin-%E9-%1B%5B2J.md" in uris


SPONSORED_CR = "---\rchannel: instagram\rsponsored: true\r---\rLoving these gel pens.\r"
ROWS = [
    Row("huge-int-front-matter", _post(f"---\nchannel: x\nsponsored: {HUGE}\n---\nHi.\n"), 1, r"FM001 .*5,000 digits"),
    Row(
        "huge-int-stdin",
        lambda folder: None,
        1,
        r"FM001 .*5,000 digits",
        args=("-", "good.md"),
        stdin=f"---\npublish_at: {HUGE}\n---\nHi.\n".encode(),
        where="<stdin>",
    ),
    Row(
        "huge-int-config",
        lambda folder: write_config(folder, {"lang": "en"}) or _append(folder / ".contentlint.yaml", f"x: {HUGE}\n"),
        2,
        r"\.contentlint\.yaml:\d+: .*5,000 digits",
        where="stderr",
        good_checked=False,
    ),
    Row(
        "huge-int-pack",
        lambda folder: write_pack(folder, yaml.safe_dump(PACK_RULE) + f"weight: {HUGE}\n"),
        2,
        r"r\.yaml:\d+: .*5,000 digits",
        where="stderr",
        good_checked=False,
    ),
    Row("lone-surrogate", _post('---\nchannel: x\ntitle: "\\ud800"\n---\nHi.\n'), 1, r"FM001 .*surrogate pair"),
    Row(
        "duplicate-key",
        _post("---\nchannel: instagram\nsponsored: true\nsponsored: false\n---\nLoving these pens.\n"),
        1,
        r"FM001 .*duplicate key 'sponsored'",
    ),
    Row("lone-cr-front-matter", _post(SPONSORED_CR), 1, r"BR006 "),
    Row(
        "huge-format-width",
        lambda folder: (
            write_pack(folder, {**PACK_RULE, "message": "{match:999999999}"})
            or _post("---\nchannel: x\n---\nGreat synergy.\n")(folder)
        ),
        0,
        r"^TM001 \{match:999999999\}$",
    ),
    Row("config-pipe", _pipe_config, 2, r"cannot read config: not a regular file", where="stderr", good_checked=False),
    Row("pack-pipe", _pipe_pack, 2, r"cannot read rule file: not a regular file", where="stderr", good_checked=False),
    Row(
        "banned-dev-zero",
        _banned("zero"),
        1,
        r"HT003 cannot read hashtags\.banned_file '/dev/zero'",
        good_also=("HT003",),
    ),
    Row(
        "banned-pipe",
        _banned("pipe"),
        1,
        r"HT003 cannot read hashtags\.banned_file 'banned\.list'",
        good_also=("HT003",),
    ),
    Row("pack-link-outside", _linked_pack, 0, "", where="", check=_no_outside_rule),
    Row("cache-is-a-file", _cache_file, 0, r"cache folder .* is not a folder; this run used no cache", where="stderr"),
    Row("cache-dangling-link", _cache_dangling, 0, r"is a symbolic link; .*this run used no cache", where="stderr"),
    Row("cache-gitignore-link", _gitignore_outside, 0, "", where="", check=_outside_not_written),
    Row("terminal-escapes", _escapes, 0, "", where="", check=_escaped_everywhere),
]


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as stream:
        stream.write(text)


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
def test_hostile_input(tmp_path: Path, row: Row) -> None:
    if "link" in row.name and not hasattr(os, "symlink"):
        pytest.skip("no symbolic links here")
    folder = tmp_path / "repo"
    folder.mkdir()
    write_config(folder)
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    baseline = cli(folder, "good.md", "--no-cache").good_findings()
    assert baseline == [("BR002", 4, 14)]
    row.setup(folder)
    run = cli(folder, *row.args, stdin=row.stdin)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.code == row.code, (run.code, run.stderr, run.stdout[:2000])
    if row.where == "stderr":
        assert re.search(row.message, run.stderr), run.stderr
    elif row.where:
        assert any(re.search(row.message, m) for m in run.messages(row.where)), run.messages(row.where)
    if row.good_checked:
        found = [finding for finding in run.good_findings() if finding[0] not in row.good_also]
        assert found == baseline, "the other post was not checked the same way"
    if row.check is not None:
        row.check(folder, run)


# ------------------------------------------------------------------ simulated (root can read anything)


def _in_process(folder: Path, *args: str) -> tuple[int, dict[str, Any], str]:
    from click.testing import CliRunner

    from contentlint.cli import main

    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, ["check", *args, "--format", "json", "--jobs", "1"])
    finally:
        os.chdir(cwd)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, json.loads(result.stdout), result.stderr


def _repo(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    (folder / "posts" / "locked").mkdir(parents=True)
    write_config(folder)
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    (folder / "posts" / "locked" / "hidden.md").write_text(GOOD, encoding="utf-8")
    return folder


def test_an_unreadable_folder_is_an_error_and_the_rest_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import contentlint.inputs.walk as walk

    folder = _repo(tmp_path)
    locked = folder / "posts" / "locked"
    locked.chmod(0o000)
    real_scandir = walk.os.scandir

    def refuse(path: Any) -> Any:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    if os.geteuid() == 0:
        monkeypatch.setattr(walk.os, "scandir", refuse)
    try:
        code, data, _ = _in_process(folder, ".", "--no-cache")
    finally:
        locked.chmod(0o755)
    assert code == 2
    assert [(e["path"], e["message"]) for e in data["errors"]] == [
        ("posts/locked", "permission denied: the folder cannot be read, so its posts were not checked")
    ]
    assert [(v["path"], v["code"]) for v in data["violations"]] == [("good.md", "BR002")]


def test_a_read_only_cache_changes_no_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import contentlint.cache.folder as cache_folder

    folder = _repo(tmp_path)
    (folder / "posts" / "b.md").write_text(GOOD, encoding="utf-8")  # a repeat: RP002 needs the corpus index
    plain_code, plain, _ = _in_process(folder, "good.md", "posts/b.md", "--no-cache")
    cache = folder / ".contentlint_cache"
    cache.mkdir()
    cache.chmod(0o555)

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    if os.geteuid() == 0:
        monkeypatch.setattr(cache_folder.tempfile, "mkstemp", refuse)
    try:
        code, cached, stderr = _in_process(folder, "good.md", "posts/b.md")
    finally:
        cache.chmod(0o755)
    assert code == plain_code == 1  # RP002 is an error
    assert "cannot be written" in stderr and "this run used no cache" in stderr
    assert cached["violations"] == plain["violations"] and not cached["errors"]
    assert {v["code"] for v in plain["violations"]} >= {"BR002", "RP002"}


def test_a_damaged_page_in_the_sqlite_cache_is_rebuilt(tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    for index in range(300):  # enough rows for several pages
        (folder / "posts" / f"p{index}.md").write_text(GOOD.replace("cheap", f"cheap {index}"), encoding="utf-8")
    first = cli(folder, "posts", "good.md")
    database = folder / ".contentlint_cache" / "results.sqlite"
    data = bytearray(database.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[2 * page : 3 * page] = b"\xff" * page  # one page of rows destroyed, the header intact
    database.write_bytes(bytes(data))
    second = cli(folder, "posts", "good.md")
    assert second.data["violations"] == first.data["violations"]
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "the damaged file was kept"
        assert db.execute("SELECT count(*) FROM results").fetchone()[0] >= 301


def test_fix_never_replaces_a_post_an_editor_wrote_meanwhile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The editor appends after the post was read and fixed in memory, before the rename."""
    import contentlint.fix.fixing as fixing

    folder = _repo(tmp_path)
    post = folder / "good.md"
    real = fixing.fixed_text

    def editor_appends(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        with post.open("a", encoding="utf-8") as stream:
            stream.write("A line the editor wrote.\n")
        return result

    monkeypatch.setattr(fixing, "fixed_text", editor_appends)
    code, data, _ = _in_process(folder, "good.md", "--fix", "--no-cache")
    assert code == 2
    assert [(e["path"], e["message"]) for e in data["errors"]] == [
        ("good.md", "changed while contentlint was running; not fixed")
    ]
    assert post.read_text(encoding="utf-8") == GOOD + "A line the editor wrote.\n"
