"""Bad input, one test per row of the table below: every case has a decided, documented behaviour
(docs/security.md carries the same table for users). "File error" means: reported in `errors`
with a message naming the problem, exit code 2, and every other file still checked.

| input                                   | behaviour                                                                  |
|-----------------------------------------|----------------------------------------------------------------------------|
| invalid UTF-8                           | file error "not valid UTF-8 (byte N, line L); save the file as UTF-8"      |
| UTF-8 with BOM, UTF-16/32 with BOM      | read; columns count from after the BOM; `--fix` writes encoding + BOM back |
| UTF-16 without a BOM                    | file error "binary" (NUL bytes): the encoding is never guessed             |
| CRLF, lone CR                           | each is one line break; columns never count it; `--fix` keeps them         |
| NUL bytes                               | file error "contains NUL ... binary file"                                  |
| a 50 MB post                            | file error "file is 52,428,800 bytes; ... up to 1,048,576 bytes", read    |
|                                         | no further than the limit (bounded memory, well under a second)            |
| YAML bomb (aliases) in front matter     | FM001 "YAML aliases (*name) are not allowed here"; the body is still linted |
| YAML bomb in the config                 | config error `file:line: YAML aliases ...`, exit 2                         |
| deeply nested YAML (front matter/config)| FM001 / config error "nested too deeply" (limit 40 levels)                 |
| front matter that is a list or a scalar | FM001 "front matter is a list; it must be key: value pairs"                |
| control characters in YAML              | FM001 / config error "character U+001F is not allowed in YAML"             |
| dates in the future, past, with zones   | accepted; compared in UTC, naive = UTC; year 1/9999 with a zone is clamped |
|                                         | (no crash); not ISO 8601 -> FM003                                          |
| symlink loop given as a path            | file error "Too many levels of symbolic links"                             |
| symlinks inside a walked folder         | skipped (links to files, to folders, loops, broken links alike)            |
| broken symlink given as a path          | file error "No such file or directory"                                     |
| unreadable file (chmod 000)             | file error "permission denied"                                             |
| a folder named like a post (`x.md/`)    | walked as a folder, never read as a file                                   |
| a named pipe (FIFO) called `x.md`       | file error "not a regular file"; never blocks waiting for a writer         |
| a file that vanishes after listing      | file error "No such file or directory"                                     |
| a file changed between check and --fix  | file error "changed while contentlint was running; not fixed"              |
| a folder with 100,000 posts             | completes; memory grows with the number of posts (~5 KB each; measured    |
|                                         | 10,000: 12 s, 150 MB; 100,000: 86 s, 650 MB); 10,000 in CI, 100,000 with   |
|                                         | CONTENTLINT_FUZZ=1                                                         |
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

import contentlint
from contentlint.cli import main
from contentlint.inputs.source import MAX_FILE_BYTES

HEAVY = os.environ.get("CONTENTLINT_FUZZ") == "1"
GOOD = "---\nchannel: x\n---\nOur gel pens dry in a second, so your notes stay clean.\n"
BRAND = {"brand": {"name": "InkWell", "terms": {"prefer": {"cheap": "affordable"}}}}


def run(folder: Path, *args: str, config: dict | None = None) -> tuple[int, dict]:
    """`contentlint check ... --format json` in `folder`; (exit code, parsed JSON)."""
    (folder / ".contentlint.yaml").write_text(yaml.safe_dump(config or BRAND), encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, ["check", *args, "--format", "json", "--no-cache", "--jobs", "1"])
    finally:
        os.chdir(cwd)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, json.loads(result.stdout)


def errors_of(data: dict) -> dict[str, str]:
    return {e["path"]: e["message"] for e in data["errors"]}


def with_good_post(folder: Path) -> None:
    (folder / "good.md").write_text(GOOD, encoding="utf-8")


# ------------------------------------------------------------------ encodings


def test_invalid_utf8_is_a_file_error_and_others_are_still_checked(tmp_path: Path) -> None:
    with_good_post(tmp_path)
    (tmp_path / "latin1.md").write_bytes("Caf\u00e9 line one\nna\u00efve".encode("latin-1"))
    code, data = run(tmp_path, ".")
    assert code == 2 and data["files_checked"] == 1
    assert errors_of(data)["latin1.md"] == "not valid UTF-8 (byte 3, line 1); save the file as UTF-8"


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
    ],
)
def test_bom_files_are_read_and_columns_start_after_the_bom(tmp_path: Path, encoding: str, bom: bytes) -> None:
    (tmp_path / "p.md").write_bytes(bom + "Buy inkwell pens.\n".encode(encoding))
    code, data = run(tmp_path, "p.md", "--select", "BR001")
    assert code == 1 and not data["errors"]
    [violation] = data["violations"]
    assert (violation["line"], violation["column"], violation["end_column"]) == (1, 5, 12)


def test_utf16_without_bom_is_not_guessed(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_bytes("Buy pens.".encode("utf-16-le"))
    code, data = run(tmp_path, "p.md")
    assert code == 2 and "binary" in errors_of(data)["p.md"]


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_crlf_and_lone_cr_are_line_breaks_and_never_columns(tmp_path: Path, newline: str) -> None:
    text = newline.join(["---", "channel: x", "---", "First line.", "Second inkwell line."]) + newline
    (tmp_path / "p.md").write_bytes(text.encode("utf-8"))
    _code, data = run(tmp_path, "p.md", "--select", "BR001")
    [violation] = data["violations"]
    assert (violation["line"], violation["column"], violation["end_line"], violation["end_column"]) == (5, 8, 5, 15)


def test_nul_bytes_are_a_binary_file_error(tmp_path: Path) -> None:
    with_good_post(tmp_path)
    (tmp_path / "nul.md").write_bytes(b"Hello\x00world")
    (tmp_path / "late-nul.md").write_bytes(b"x" * 9000 + b"\nline two\x00")
    code, data = run(tmp_path, ".")
    errors = errors_of(data)
    assert code == 2 and data["files_checked"] == 1
    assert "binary" in errors["nul.md"]
    assert errors["late-nul.md"] == "contains a NUL character at line 2: this looks like a binary file, not a post"


# ------------------------------------------------------------------ size


def _peak_rss_of(code: str, cwd: Path) -> tuple[int, str]:
    """Run Python code in a fresh process; (peak RSS in MB, its stdout)."""
    wrapper = code + "\nimport resource\nprint('RSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
    result = subprocess.run([sys.executable, "-c", wrapper], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    rss = int(result.stdout.rsplit("RSS ", 1)[1])
    return rss, result.stdout


def test_a_50_mb_post_is_refused_quickly_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    with big.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: 50 MB of NULs that cost no disk
    with_good_post(tmp_path)
    code, data = run(tmp_path, ".")
    assert code == 2 and data["files_checked"] == 1
    assert errors_of(data)["big.md"] == (
        f"file is 52,428,800 bytes; contentlint reads files of up to {MAX_FILE_BYTES:,} bytes (too large to be a post)"
    )
    # Memory: refusing the file reads none of it (measured in a fresh process against a baseline).
    probe = "from contentlint.inputs.read import read_bytes, ReadError\nfrom pathlib import Path\n"
    baseline, _ = _peak_rss_of(probe, tmp_path)
    refused, out = _peak_rss_of(
        probe + "try:\n read_bytes(Path('big.md'))\nexcept ReadError as e:\n print(e)\n", tmp_path
    )
    assert "52,428,800 bytes" in out
    assert refused - baseline < 20, (baseline, refused)


def test_stdin_is_never_read_past_the_limit(tmp_path: Path) -> None:
    """The size check is not just a stat: stdin has no size and is cut at the limit too."""
    payload = b"a" * (MAX_FILE_BYTES + 1)
    result = subprocess.run(
        [sys.executable, "-m", "contentlint", "check", "-", "--format", "json", "--no-cache"],
        input=payload,
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 2
    [error] = json.loads(result.stdout)["errors"]
    assert error["message"].startswith(f"file is over {MAX_FILE_BYTES:,} bytes")


def test_a_file_at_the_limit_is_read(tmp_path: Path) -> None:
    from contentlint.inputs.read import read_bytes

    path = tmp_path / "edge.md"
    path.write_bytes(b"a" * MAX_FILE_BYTES)
    assert len(read_bytes(path)) == MAX_FILE_BYTES


# ------------------------------------------------------------------ YAML


BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


def test_yaml_bomb_in_front_matter_is_fm001_and_the_body_is_still_linted() -> None:
    violations = contentlint.lint_text(f"---\n{BOMB}---\nBuy inkwell pens.\n", config=BRAND)
    codes = {v.code: v for v in violations}
    assert "aliases" in codes["FM001"].message and codes["FM001"].line == 3  # the first alias
    assert "BR001" in codes


def test_yaml_bomb_in_config_is_a_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".contentlint.yaml").write_text("lang: en\n" + BOMB, encoding="utf-8")
    with_good_post(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", ".", "--no-cache"])
    assert result.exit_code == 2
    assert result.stderr.endswith("/.contentlint.yaml:3: YAML aliases (*name) are not allowed here\n")


@pytest.mark.parametrize(
    "nested",
    [
        "a: " + "[" * 3000 + "]" * 3000,
        "a: " + "{a: " * 500 + "1" + "}" * 500,
        "".join(" " * i + "k:\n" for i in range(60)),
    ],
)
def test_deeply_nested_yaml_is_refused_in_front_matter_and_config(tmp_path: Path, nested: str) -> None:
    violations = contentlint.lint_text(f"---\n{nested}\n---\nHello.\n", config=BRAND)
    assert any(v.code == "FM001" and "nested" in v.message for v in violations)
    config = tmp_path / "c.yaml"
    config.write_text(nested + "\n", encoding="utf-8")
    with pytest.raises(Exception) as caught:
        contentlint.lint_text("Hello.", config=str(config))
    assert "nested" in str(caught.value) and str(config) in str(caught.value)


@pytest.mark.parametrize(
    "front, kind", [("- a\n- b", "a list"), ("just words", "a single value"), ("42", "a single value")]
)
def test_front_matter_that_is_a_list_or_a_scalar_is_fm001(front: str, kind: str) -> None:
    violations = contentlint.lint_text(f"---\n{front}\n---\nHello.\n")
    assert [v.message for v in violations if v.code == "FM001"] == [
        f"Front matter problem: front matter is {kind}; it must be key: value pairs"
    ]


def test_control_characters_in_yaml_are_fm001_not_a_crash(tmp_path: Path) -> None:
    violations = contentlint.lint_text("---\nchannel: x\ntitle: a\x1fb\n---\nHello.\n")
    [fm] = [v for v in violations if v.code == "FM001"]
    assert "U+001F" in fm.message and fm.line == 3
    config = tmp_path / "c.yaml"
    config.write_text("lang: en\nfail_on: \x01error\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"c\.yaml:2: invalid YAML: character U\+0001"):
        contentlint.lint_text("Hello.", config=str(config))


@pytest.mark.parametrize(
    "when, valid",
    [
        ("2099-12-31T23:59:59+14:00", True),
        ("1970-01-01", True),
        ("2026-12-01T10:00:00+05:30", True),
        ("2026-12-01T10:00:00Z", True),
        ("2026-12-01 10:00", True),
        ("0001-01-01T00:00:00+05:30", True),
        ("9999-12-31T23:59:59-12:00", True),
        ("2026-02-30", False),
        ("next tuesday", False),
        ("2026-12-01T10:00:00+25:00", False),
    ],
)
def test_dates_future_past_and_zoned_never_crash(tmp_path: Path, when: str, valid: bool) -> None:
    post = f"---\nchannel: x\naudience: students\npublish_at: {when}\n---\nOur pens glide. Buy them now.\n"
    for name in ("a.md", "b.md"):  # two identical posts: the repetition rules compare their dates
        (tmp_path / name).write_text(post, encoding="utf-8")
    config = {**BRAND, "audiences": {"students": {"channels": ["x"]}}}
    _code, data = run(tmp_path, ".", config=config)
    assert not data["errors"], data["errors"]
    codes = {v["code"] for v in data["violations"]}
    assert ("FM003" not in codes) == valid
    if valid:
        assert "RP002" in codes  # the same post twice on one channel on one date


# ------------------------------------------------------------------ files and folders


def test_symlink_loop_given_as_a_path_is_a_file_error(tmp_path: Path) -> None:
    (tmp_path / "a.md").symlink_to("b.md")
    (tmp_path / "b.md").symlink_to("a.md")
    with_good_post(tmp_path)
    code, data = run(tmp_path, "a.md", "good.md")
    assert code == 2 and data["files_checked"] == 1
    assert errors_of(data) == {"a.md": "Too many levels of symbolic links"}


def test_symlinks_inside_a_walked_folder_are_skipped(tmp_path: Path) -> None:
    posts = tmp_path / "posts"
    (posts / "sub").mkdir(parents=True)
    (posts / "sub" / "good.md").write_text(GOOD, encoding="utf-8")
    (posts / "sub" / "up").symlink_to("..")  # a folder loop
    (posts / "loop.md").symlink_to("loop.md")  # a file loop
    (posts / "broken.md").symlink_to("nowhere.md")  # a broken link
    outside = tmp_path / "secret.txt"
    outside.write_text("inkwell secret", encoding="utf-8")
    (posts / "leak.md").symlink_to(outside)  # a link out of the folder
    code, data = run(tmp_path, "posts")
    assert code == 0, data
    assert data["files_checked"] == 1 and not data["errors"]


def test_content_globs_do_not_follow_symlinks_either(tmp_path: Path) -> None:
    from contentlint.inputs.walk import glob_content

    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "posts" / "link.md").symlink_to(tmp_path / "posts" / "a.md")
    (tmp_path / "posts" / "dir").symlink_to(tmp_path / "posts")
    assert glob_content(["posts/**/*.md", "posts/*/*.md", "posts/link.md"], tmp_path) == [tmp_path / "posts" / "a.md"]


def test_broken_symlink_given_as_a_path_is_a_file_error(tmp_path: Path) -> None:
    (tmp_path / "gone.md").symlink_to("nowhere.md")
    code, data = run(tmp_path, "gone.md")
    assert code == 2 and errors_of(data) == {"gone.md": "No such file or directory"}


def test_unreadable_file_is_a_permission_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000 for real; as root (CI containers), where chmod does not stop reads, the same
    refusal is simulated at the one place contentlint opens a post."""
    import contentlint.inputs.read as files_module

    with_good_post(tmp_path)
    secret = tmp_path / "secret.md"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0o000)
    if os.geteuid() == 0:
        real_open = files_module.os.open

        def refuse(path: Any, *args: Any, **kwargs: Any) -> int:
            if Path(path).name == "secret.md":
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(files_module.os, "open", refuse)
    try:
        code, data = run(tmp_path, ".")
    finally:
        secret.chmod(0o644)
    assert code == 2 and data["files_checked"] == 1
    assert errors_of(data) == {"secret.md": "permission denied"}


def test_a_folder_named_like_a_post_is_walked_not_read(tmp_path: Path) -> None:
    (tmp_path / "x.md").mkdir()
    (tmp_path / "x.md" / "inner.md").write_text("Buy inkwell pens.\n", encoding="utf-8")
    for target in (".", "x.md", "x.md/"):
        _code, data = run(tmp_path, target, "--select", "BR001")
        assert not data["errors"] and data["files_checked"] == 1, target
        assert [v["path"] for v in data["violations"]] == ["x.md/inner.md"]


def test_a_named_pipe_called_like_a_post_does_not_hang(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(tmp_path / "pipe.md")
    with_good_post(tmp_path)
    (tmp_path / ".contentlint.yaml").write_text(yaml.safe_dump(BRAND), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "contentlint", "check", ".", "--format", "json", "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    data = json.loads(result.stdout)
    assert result.returncode == 2 and data["files_checked"] == 1
    assert errors_of(data)["pipe.md"] == "not a regular file (a pipe, socket or device), not a post"


def test_a_file_that_vanishes_between_listing_and_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import contentlint.workspace as linter_module

    with_good_post(tmp_path)
    (tmp_path / "gone.md").write_text(GOOD, encoding="utf-8")
    real_expand = linter_module.expand_named

    def expand_then_delete(*args: Any, **kwargs: Any) -> Any:
        listed = real_expand(*args, **kwargs)
        (tmp_path / "gone.md").unlink()
        return listed

    monkeypatch.setattr(linter_module, "expand_named", expand_then_delete)
    code, data = run(tmp_path, ".")
    assert code == 2 and data["files_checked"] == 1
    assert errors_of(data) == {"gone.md": "No such file or directory"}


def test_a_file_changed_between_check_and_fix_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import contentlint.fix.fixing as fixing_module

    post = tmp_path / "p.md"
    post.write_text("Buy inkwell pens.\n", encoding="utf-8")
    real = fixing_module.source_of

    def edited_meanwhile(path: Path) -> Any:
        post.write_text("Buy inkwell pens today.\n", encoding="utf-8")  # the writer saved again
        return real(path)

    monkeypatch.setattr(fixing_module, "source_of", edited_meanwhile)
    code, data = run(tmp_path, "p.md", "--fix")
    assert code == 2
    assert errors_of(data)["p.md"] == "changed while contentlint was running; not fixed"
    assert post.read_text(encoding="utf-8") == "Buy inkwell pens today.\n"


# ------------------------------------------------------------------ many files


def _many_posts(folder: Path, count: int) -> None:
    for index in range(count):
        sub = folder / f"d{index // 1000:03d}"
        if index % 1000 == 0:
            sub.mkdir(parents=True)
        (sub / f"p{index:06d}.md").write_text(
            f"---\nchannel: x\n---\nPost {index}: our pens glide, number {index * 7919 % 100003}.\n", encoding="utf-8"
        )


def _check_many(tmp_path: Path, count: int) -> tuple[float, int]:
    _many_posts(tmp_path / "posts", count)
    (tmp_path / ".contentlint.yaml").write_text(yaml.safe_dump(BRAND), encoding="utf-8")
    started = time.monotonic()
    code = (
        "import json, sys\nfrom contentlint.cli import main\n"
        "sys.argv = ['contentlint', 'check', 'posts', '--format', 'json', '--output', 'out.json', '--quiet']\n"
        "try:\n main()\nexcept SystemExit as e:\n print('EXIT', e.code)\n"
    )
    rss, out = _peak_rss_of(code, tmp_path)
    elapsed = time.monotonic() - started
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["files_checked"] == count and not data["errors"], out
    print(f"\n{count} posts: {elapsed:.1f}s, peak RSS {rss} MB")
    return elapsed, rss


def test_ten_thousand_posts_complete_with_bounded_memory(tmp_path: Path) -> None:
    _elapsed, rss = _check_many(tmp_path, 10_000)
    assert rss < 1500, f"{rss} MB for 10,000 tiny posts"


@pytest.mark.slow
@pytest.mark.skipif(not HEAVY, reason="100,000 files takes minutes: set CONTENTLINT_FUZZ=1")
def test_hundred_thousand_posts_complete_with_bounded_memory(tmp_path: Path) -> None:
    _elapsed, rss = _check_many(tmp_path, 100_000)
    assert rss < 4000, f"{rss} MB for 100,000 tiny posts"
