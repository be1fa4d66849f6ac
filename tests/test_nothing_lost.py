"""Nothing lost: `--fix` changes exactly what it means to, atomically, even when killed, and two
runs at once leave a consistent repository and cache.

Decided behaviour:
- A fixed file keeps its encoding, BOM, line endings, trailing newline (or its absence), mode
  and owner; a symbolic link stays a link and its target is fixed. (A hard-linked file gets a
  new inode: the other names keep the old text. That is the price of an atomic rename.)
- Killed at any moment (SIGKILL), every file is either its original bytes or its fully fixed
  bytes. At most one `.name.XXXX.contentlint-tmp` file can be left (the one being written).
  Such files are never read as posts, and the next `--fix` run deletes those older than
  `fixes.STALE_SECONDS` in the folders it checks (younger ones may belong to a run in progress).
- Two `--fix` runs at once end with every file fully fixed; the loser of a race reports
  "changed while contentlint was running; not fixed" (exit 2) instead of writing stale text.
- Two checks at once share the SQLite cache safely: both report what a fresh run reports, and
  the cache stays loadable. A locked cache is never mistaken for a corrupt one and deleted.
"""

from __future__ import annotations

import codecs
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from contentlint.cli import main
from contentlint.fix.apply import STALE_SECONDS, TEMP_SUFFIX

CONFIG = {"brand": {"name": "InkWell", "terms": {"prefer": {"cheap": "affordable"}}}, "cache_dir": ".cache"}
SELECT = "BR001,BR002,AX003,AX004"
# What each fix turns the post into (BR001 casing, BR002 deprecated term, AX003 fancy letters, AX004 invisible).
BEFORE = [
    "---",
    "channel: x",
    "---",
    "Our inkwell pens are cheap.",
    "\U0001d412\U0001d400\U0001d40b\U0001d404 today, zero\u200bwidth.",
    "Ink well refills: cheap and made by inkwell.",
]
AFTER = [
    "---",
    "channel: x",
    "---",
    "Our InkWell pens are affordable.",
    "SALE today, zerowidth.",
    "InkWell refills: affordable and made by InkWell.",
]


def cli(folder: Path, *args: str) -> tuple[int, str]:
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, ["check", *args])
    finally:
        os.chdir(cwd)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.stdout


def write_config(folder: Path) -> None:
    (folder / ".contentlint.yaml").write_text(yaml.safe_dump(CONFIG), encoding="utf-8")


def encoded(lines: list[str], newline: str, trailing: bool, encoding: str, bom: bytes) -> bytes:
    text = newline.join(lines) + (newline if trailing else "")
    return bom + text.encode(encoding)


def test_the_expected_fixes_are_what_contentlint_does(tmp_path: Path) -> None:
    """Guards the table above: if a rule changes its fix, the byte-exact tests below must change."""
    write_config(tmp_path)
    (tmp_path / "p.md").write_text("\n".join(BEFORE) + "\n", encoding="utf-8")
    cli(tmp_path, "p.md", "--fix", "--select", SELECT, "--no-cache")
    assert (tmp_path / "p.md").read_text(encoding="utf-8") == "\n".join(AFTER) + "\n"


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
    ],
    ids=["utf8", "utf8-bom", "utf16le", "utf16be", "utf32le"],
)
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
@pytest.mark.parametrize("trailing", [True, False], ids=["eol-at-end", "no-eol-at-end"])
def test_fix_changes_only_what_it_means_to(
    tmp_path: Path, encoding: str, bom: bytes, newline: str, trailing: bool
) -> None:
    write_config(tmp_path)
    post = tmp_path / "p.md"
    post.write_bytes(encoded(BEFORE, newline, trailing, encoding, bom))
    post.chmod(0o640)
    code, _ = cli(tmp_path, "p.md", "--fix", "--select", SELECT, "--no-cache")
    assert code == 0
    assert post.read_bytes() == encoded(AFTER, newline, trailing, encoding, bom)
    assert post.stat().st_mode & 0o7777 == 0o640
    assert not list(tmp_path.glob(f".*{TEMP_SUFFIX}"))


def test_fix_keeps_executable_and_setgid_bits_and_owner(tmp_path: Path) -> None:
    write_config(tmp_path)
    post = tmp_path / "p.md"
    post.write_text("\n".join(BEFORE), encoding="utf-8")
    post.chmod(0o2755)
    before = post.stat()
    cli(tmp_path, "p.md", "--fix", "--select", SELECT, "--no-cache")
    after = post.stat()
    assert after.st_mode & 0o7777 == 0o2755
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)


def test_fix_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    write_config(tmp_path)
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "p.md"
    target.write_text("\n".join(BEFORE), encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    code, _ = cli(tmp_path, "link.md", "--fix", "--select", SELECT, "--no-cache")
    assert code == 0 and link.is_symlink()
    assert target.read_text(encoding="utf-8") == "\n".join(AFTER)


def test_fix_leaves_files_without_fixes_untouched(tmp_path: Path) -> None:
    write_config(tmp_path)
    clean = tmp_path / "clean.md"
    clean.write_bytes(b"---\r\nchannel: x\r\n---\r\nOur InkWell pens glide.")
    os.utime(clean, (1_000_000, 1_000_000))
    cli(tmp_path, ".", "--fix", "--select", SELECT, "--no-cache")
    assert clean.read_bytes() == b"---\r\nchannel: x\r\n---\r\nOur InkWell pens glide."
    assert clean.stat().st_mtime == 1_000_000  # not even rewritten


# ------------------------------------------------------------------ killed mid-run

VARIANTS = [
    ("utf-8", b"", "\n"),
    ("utf-8", codecs.BOM_UTF8, "\r\n"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "\n"),
    ("utf-8", b"", "\r"),
]


def make_tree(root: Path, count: int) -> dict[Path, tuple[bytes, bytes]]:
    """`count` fixable posts in several folders and encodings: path -> (original, fully fixed)."""
    expected = {}
    for index in range(count):
        folder = root / "posts" / f"d{index % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        encoding, bom, newline = VARIANTS[index % len(VARIANTS)]
        tail = [f"Post number {index}: inkwell {'cheap ' * (index % 3)}notes."]
        original = encoded(BEFORE + tail, newline, index % 2 == 0, encoding, bom)
        fixed_tail = [f"Post number {index}: InkWell {'affordable ' * (index % 3)}notes."]
        fixed = encoded(AFTER + fixed_tail, newline, index % 2 == 0, encoding, bom)
        path = folder / f"p{index:04d}.md"
        path.write_bytes(original)
        expected[path] = (original, fixed)
    write_config(root)
    return expected


def start_fix(root: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "contentlint",
            "check",
            "posts",
            "--fix",
            "--select",
            SELECT,
            "--jobs",
            "1",
            "--format",
            "json",
            *extra,
        ],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def states(expected: dict[Path, tuple[bytes, bytes]]) -> dict[str, int]:
    counts = {"original": 0, "fixed": 0}
    for path, (original, fixed) in expected.items():
        data = path.read_bytes()
        assert data in (original, fixed), f"{path} is neither its original nor its fixed bytes: {data[:80]!r}"
        counts["original" if data == original else "fixed"] += 1
    return counts


def temporaries(root: Path) -> list[Path]:
    return sorted(root.rglob(f"*{TEMP_SUFFIX}"))


def wait_for_first_fix(process: subprocess.Popen, expected: dict[Path, tuple[bytes, bytes]], timeout: float) -> None:
    """Poll until some file has been rewritten, so the kill lands inside the writing phase."""
    deadline = time.monotonic() + timeout
    paths = list(expected)
    while time.monotonic() < deadline and process.poll() is None:
        if any(path.read_bytes() != expected[path][0] for path in paths[::5]):
            return
        time.sleep(0.005)


def test_sigkill_mid_fix_leaves_every_file_original_or_fully_fixed(tmp_path: Path) -> None:
    expected = make_tree(tmp_path, 240)
    mixed = 0
    # Kill at a fixed early delay (while reading), then right after the first write and a little later.
    for attempt, extra_delay in enumerate([None, 0.0, 0.05, 0.15, 0.4]):
        for path, (original, _) in expected.items():
            path.write_bytes(original)
        left_before = set(temporaries(tmp_path))
        process = start_fix(tmp_path, "--no-cache")
        if extra_delay is None:
            time.sleep(0.3)
        else:
            wait_for_first_fix(process, expected, timeout=120)
            time.sleep(extra_delay)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
        counts = states(expected)
        mixed += counts["original"] > 0 and counts["fixed"] > 0
        print(attempt, counts, len(temporaries(tmp_path)))
        assert len(set(temporaries(tmp_path)) - left_before) <= 1, temporaries(tmp_path)
        for leftover in temporaries(tmp_path):  # pretend it was left long ago, for the next run to clean
            os.utime(leftover, (time.time() - STALE_SECONDS - 5,) * 2)
    assert mixed >= 1, "no kill landed while files were being written; the test proved nothing"
    # The next run finishes the job: everything fixed, stale temporaries gone, and they were never read.
    finished = start_fix(tmp_path, "--no-cache")
    out, _ = finished.communicate(timeout=300)
    assert finished.returncode == 0, out[-2000:]
    assert json.loads(out)["files_checked"] == len(expected)
    assert states(expected)["fixed"] == len(expected)
    assert temporaries(tmp_path) == []


def test_stale_temporary_files_are_ignored_by_checks_and_young_ones_are_kept(tmp_path: Path) -> None:
    expected = make_tree(tmp_path, 3)
    folder = next(iter(expected)).parent
    stale = folder / f".p0000.md.abc123{TEMP_SUFFIX}"
    stale.write_bytes(b"half a post \x00\xff")
    os.utime(stale, (time.time() - STALE_SECONDS - 5,) * 2)
    young = folder / f".p0000.md.def456{TEMP_SUFFIX}"  # as if another run were writing it right now
    young.write_bytes(b"being written")
    unrelated = folder / ".notes.contentlint-tmp.bak"
    unrelated.write_bytes(b"not ours")
    _code, out = cli(tmp_path, "posts", "--format", "json", "--select", SELECT, "--no-cache")
    assert json.loads(out)["files_checked"] == 3 and not json.loads(out)["errors"]
    assert stale.exists()  # a plain check never deletes anything
    cli(tmp_path, "posts", "--fix", "--select", SELECT, "--no-cache")
    assert not stale.exists() and young.exists() and unrelated.exists()


# ------------------------------------------------------------------ two runs at once


def test_two_concurrent_fix_runs_leave_every_file_fully_fixed(tmp_path: Path) -> None:
    expected = make_tree(tmp_path, 150)
    first, second = start_fix(tmp_path), start_fix(tmp_path)
    outputs = [p.communicate(timeout=300) for p in (first, second)]
    for process, (out, err) in zip((first, second), outputs, strict=False):
        assert process.returncode in (0, 2), err[-2000:]
        for error in json.loads(out)["errors"]:
            assert error["message"] == "changed while contentlint was running; not fixed", error
    assert states(expected)["fixed"] == len(expected)
    assert temporaries(tmp_path) == []
    _assert_cache_loadable(tmp_path / ".cache")


def _check_json(root: Path, *extra: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "contentlint", "check", "posts", "--format", "json", "--jobs", "1", *extra],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]
    return json.loads(result.stdout)


def _assert_cache_loadable(folder: Path) -> None:
    with sqlite3.connect(folder / "results.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM meta").fetchone() == (1,)
        db.execute("SELECT key, payload FROM results").fetchall()


def test_two_concurrent_checks_share_the_cache_and_agree_with_a_fresh_run(tmp_path: Path) -> None:
    make_tree(tmp_path, 150)
    fresh = _check_json(tmp_path, "--no-cache")
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "contentlint", "check", "posts", "--format", "json", "--jobs", "1"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for process in runs:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 1, err[-2000:]
        assert json.loads(out) == fresh
    _assert_cache_loadable(tmp_path / ".cache")
    assert _check_json(tmp_path) == fresh  # now served from the cache the two runs wrote


def test_a_locked_cache_is_not_deleted_and_the_run_still_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite says "database is locked" when another run holds the lock too long: that run's
    cache must survive (it used to be taken for corrupt and unlinked); this run goes uncached."""
    import contentlint.cache.result_cache as result_cache

    make_tree(tmp_path, 3)
    fresh = _check_json(tmp_path, "--no-cache")
    _check_json(tmp_path)  # create the cache
    path = tmp_path / ".cache" / result_cache.FILE_NAME
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    real_connect = sqlite3.connect
    monkeypatch.setattr(result_cache.sqlite3, "connect", lambda *a, **k: real_connect(*a, **{**k, "timeout": 0.2}))
    try:
        cache = result_cache.ResultCache(path.parent)
        assert cache.get("any", "p.md", "") is None  # disabled for this run, no exception
        cache.close()
        assert path.exists()
    finally:
        holder.rollback()
        holder.close()
    monkeypatch.undo()
    _assert_cache_loadable(tmp_path / ".cache")
    assert _check_json(tmp_path) == fresh
