"""The warm Workspace: one post checked against the repo as it stands, saved or unsaved, and kept
up to date as files change (what the editor server and the web page rely on)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from test_repetition import LINKEDIN, TAILORED, TWEET, make_repo, post

from contentlint.run import RunOptions
from contentlint.workspace import Workspace


def codes(result) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(v.code, v.related[0].path if v.related else "") for v in result.violations if v.code.startswith("RP")]


def test_unsaved_text_is_compared_with_the_repo_and_the_index_is_left_as_it_was(tmp_path: Path) -> None:
    make_repo(
        tmp_path,
        {
            "linkedin/glide.md": post("linkedin", LINKEDIN, "2026-12-01"),
            "x/board.md": post("x", TAILORED, "2026-12-02"),
        },
    )
    workspace = Workspace(root=tmp_path)
    draft = tmp_path / "posts" / "x" / "board.md"
    assert codes(workspace.check(draft)) == []
    # the writer pastes the LinkedIn copy into the X draft, unsaved
    assert codes(workspace.check(draft, post("x", TWEET, "2026-12-02"))) == [("RP001", "posts/linkedin/glide.md")]
    # the index still holds the file as saved
    assert codes(workspace.check(draft)) == []
    assert [p.signature for p in workspace.index().posts_of("posts/x/board.md")]


def test_one_post_gets_the_same_findings_as_a_run_over_the_repo(tmp_path: Path) -> None:
    make_repo(
        tmp_path,
        {"linkedin/glide.md": post("linkedin", LINKEDIN, "2026-12-01"), "x/tweet.md": post("x", TWEET, "2026-12-02")},
    )
    workspace = Workspace(root=tmp_path, options=RunOptions(use_cache=False))
    report = workspace.check_paths([str(tmp_path / "posts" / "x" / "tweet.md")])
    assert not report.errors
    one = workspace.check(tmp_path / "posts" / "x" / "tweet.md")
    assert one.violations == report.violations
    assert {v.code for v in one.violations} >= {"RP001", "AU001"}


def test_update_and_remove_keep_the_index_current(tmp_path: Path) -> None:
    make_repo(tmp_path, {"x/board.md": post("x", TAILORED, "2026-12-02")})
    workspace = Workspace(root=tmp_path)
    draft = tmp_path / "posts" / "x" / "tweet.md"
    draft.write_text(post("x", TWEET, "2026-12-02"), encoding="utf-8")
    assert codes(workspace.check(draft)) == []
    source = tmp_path / "posts" / "linkedin" / "glide.md"
    source.parent.mkdir(parents=True)
    source.write_text(post("linkedin", LINKEDIN, "2026-12-01"), encoding="utf-8")
    workspace.update(source)
    assert codes(workspace.check(draft)) == [("RP001", "posts/linkedin/glide.md")]
    source.unlink()
    workspace.remove(source)
    assert codes(workspace.check(draft)) == []


def test_covers_only_posts_inside_the_content_globs(tmp_path: Path) -> None:
    make_repo(tmp_path, {"x/board.md": post("x", TAILORED)})
    workspace = Workspace(root=tmp_path)
    assert workspace.covers(tmp_path / "posts" / "x" / "board.md")
    assert workspace.covers(tmp_path / "posts" / "x" / "new-draft.md")
    assert not workspace.covers(tmp_path / "README.md")
    assert not workspace.covers(tmp_path / "posts" / "x" / "photo.png")


def test_a_broken_config_on_reload_keeps_the_last_good_one(tmp_path: Path) -> None:
    import pytest

    from contentlint.config.errors import ConfigError

    make_repo(tmp_path, {"x/board.md": post("x", TAILORED)})
    workspace = Workspace(root=tmp_path)
    before = workspace.config
    (tmp_path / ".contentlint.yaml").write_text("rules: {no-such-rule: off}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no-such-rule"):
        workspace.reload_config()
    assert workspace.config is before
    assert workspace.check(tmp_path / "posts" / "x" / "board.md").violations is not None


def test_counts_and_fix_text_for_a_draft(tmp_path: Path) -> None:
    make_repo(tmp_path, {"x/board.md": post("x", TAILORED)})
    (tmp_path / ".contentlint.yaml").write_text(
        'brand: {name: InkWell}\ncontent: ["posts/**/*.md"]\n', encoding="utf-8"
    )
    workspace = Workspace(root=tmp_path)
    draft = "---\nchannels: [x, bluesky]\n---\nNew inkwell pens 🎉 " + "a" * 270 + "\n"
    counts = {c.channel: c for c in workspace.counts(draft)}
    assert set(counts) == {"x", "bluesky"}
    x = counts["x"].measures[0]
    assert (x.count, x.limit, x.unit, x.over) == (290, 280, "weighted", True)  # 17 + emoji 2 + 1 + 270
    assert [m.unit for m in counts["bluesky"].measures] == ["graphemes", "utf8-bytes"]
    fixed, applied = workspace.fix_text(draft)
    assert applied == 1 and "New InkWell pens" in fixed and fixed.endswith("a" * 270 + "\n")


def test_warm_up_builds_the_index_and_loads_the_lazy_tables(tmp_path: Path) -> None:
    """In a fresh process: after warm_up the corpus index exists and the first check does not
    pay for the URL grammar or the syllable fallback (what a long-lived server wants)."""
    make_repo(tmp_path, {"x/board.md": post("x", TAILORED, "2026-12-02")})
    script = (
        "from pathlib import Path\n"
        "from contentlint.text import syllables, urls\n"
        "from contentlint.workspace import Workspace\n"
        f"workspace = Workspace(root=Path({str(tmp_path)!r}))\n"
        "assert not workspace._root_unit.has_index\n"
        "assert urls._patterns.cache_info().currsize == 0\n"
        "assert syllables._pyphen.cache_info().currsize == 0\n"
        "workspace.warm_up()\n"
        "assert urls._patterns.cache_info().currsize == 1\n"
        "assert syllables._pyphen.cache_info().currsize == 1\n"
        "print([post.display for post in workspace._root_unit.index().posts_of('posts/x/board.md')])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['posts/x/board.md']"
