""" "Disable RULE for this line / this post": the edit is written in the project's own suppression
syntax, and applied it really turns the finding off and changes nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint.inputs.source import MAX_FILE_BYTES, SourceError
from contentlint.model.violation import Fix
from contentlint.workspace import Workspace

CONFIG = 'brand: {name: InkWell}\ncontent: ["posts/**/*"]\n'


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    (tmp_path / ".contentlint.yaml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "posts").mkdir()
    return Workspace(root=tmp_path)


def applied(text: str, fix: Fix | None) -> str:
    assert fix is not None
    return text[: fix.start] + fix.replacement + text[fix.end :]


def codes(workspace: Workspace, text: str, name: str = "post.md") -> list[tuple[str, int]]:
    path = workspace.root / "posts" / name
    return [(v.code, v.line) for v in workspace.check(path, text).violations if v.code == "BR001"]


def suppress(workspace: Workspace, text: str, line: int, scope: str, name: str = "post.md") -> Fix | None:
    return workspace.suppression(text, workspace.root / "posts" / name, line, "BR001", scope)


def test_disable_for_a_line_adds_a_comment_above_it_and_the_finding_goes(workspace: Workspace) -> None:
    text = "---\nchannel: x\n---\nFirst Inkwell line.\n  Second Inkwell line.\n"
    assert codes(workspace, text) == [("BR001", 4), ("BR001", 5)]
    after = applied(text, suppress(workspace, text, 5, "line"))
    assert after == (
        "---\nchannel: x\n---\nFirst Inkwell line.\n  <!-- contentlint-disable-next-line BR001 -->\n  Second Inkwell line.\n"
    )
    assert codes(workspace, after) == [("BR001", 4)]


def test_disable_for_a_line_joins_a_comment_already_there(workspace: Workspace) -> None:
    text = "<!-- contentlint-disable-next-line CL006 -->\r\nINKWELL SALE Inkwell\r\n"
    after = applied(text, suppress(workspace, text, 2, "line"))
    assert after == "<!-- contentlint-disable-next-line CL006, BR001 -->\r\nINKWELL SALE Inkwell\r\n"
    assert codes(workspace, after) == []
    assert suppress(workspace, after, 2, "line") is None  # already covered


def test_crlf_is_kept(workspace: Workspace) -> None:
    text = "Hello Inkwell\r\n"
    assert applied(text, suppress(workspace, text, 1, "line")) == (
        "<!-- contentlint-disable-next-line BR001 -->\r\nHello Inkwell\r\n"
    )
    assert applied(text, suppress(workspace, text, 1, "post")) == (
        "---\r\ncontentlint:\r\n  disable: [BR001]\r\n---\r\nHello Inkwell\r\n"
    )


def test_no_line_comment_where_it_would_break_or_be_published(workspace: Workspace) -> None:
    text = "---\ntitle: Inkwell\nchannel: youtube\n---\nBody\n"
    assert suppress(workspace, text, 2, "line") is None  # a front matter line is YAML
    assert suppress(workspace, "Plain Inkwell text\n", 1, "line", "post.txt") is None  # the comment would be posted
    csv = "text,channel\nInkwell pens,x\n"
    assert suppress(workspace, csv, 2, "line", "calendar.csv") is None
    assert suppress(workspace, csv, 2, "post", "calendar.csv") is None


def test_disable_for_the_post_adds_the_front_matter_key(workspace: Workspace) -> None:
    text = "---\nchannel: x\n---\nFirst Inkwell line.\n"
    after = applied(text, suppress(workspace, text, 4, "post"))
    assert after == "---\nchannel: x\ncontentlint:\n  disable: [BR001]\n---\nFirst Inkwell line.\n"
    assert codes(workspace, after) == []


def test_disable_for_the_post_extends_the_list_already_there(workspace: Workspace) -> None:
    for settings in (
        "contentlint: {disable: [HT002]}\n",
        "contentlint:\n  disable:\n    - HT002\n",
        "contentlint:\n  disable: HT002\n",
    ):
        text = f"---\nchannel: x\n{settings}publish_at: 2026-12-01\n---\nInkwell\n"
        after = applied(text, suppress(workspace, text, 6, "post"))
        assert (
            after == "---\nchannel: x\ncontentlint: {disable: [HT002, BR001]}\npublish_at: 2026-12-01\n---\nInkwell\n"
        )
        assert codes(workspace, after) == []


def test_no_post_edit_that_would_lose_a_comment_or_break_the_yaml(workspace: Workspace) -> None:
    commented = "---\ncontentlint:\n  disable: [HT002]  # the campaign tag is fine\n---\nInkwell\n"
    assert suppress(workspace, commented, 5, "post") is None
    broken = "---\nchannel: [x\n---\nInkwell\n"
    assert suppress(workspace, broken, 4, "post") is None
    already = "---\ncontentlint: {disable: [brand-name-casing]}\n---\nInkwell\n"
    assert suppress(workspace, already, 4, "post") is None


def test_unsaved_text_is_held_to_a_files_limits(workspace: Workspace) -> None:
    path = workspace.root / "posts" / "post.md"
    with pytest.raises(SourceError, match="NUL character at line 2"):
        workspace.check(path, "fine\nbinary\x00junk\n")
    with pytest.raises(SourceError, match="too large"):
        workspace.check(path, "a" * (MAX_FILE_BYTES + 1))
