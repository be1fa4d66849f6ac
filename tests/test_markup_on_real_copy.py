"""Markup and offsets on real copy (issue 17, class 11): code is not prose and holds no
directives, and an indented line is code only where CommonMark says so."""

from __future__ import annotations

import pytest

from contentlint.run import RunOptions
from contentlint.text.markdown_mask import code_ranges, indented_code
from contentlint.workspace import Workspace

JARGON = "We leverage synergy."


def jargon_found(body: str) -> int:
    linter = Workspace({}, options=RunOptions(select=("CL005",)))
    return len(linter.check_text(f"---\nchannel: x\n---\n{body}\n", path="post.md"))


@pytest.mark.parametrize(
    ("body", "found"),
    [
        (f"Intro.\n\n    {JARGON}\n\nDone.", 0),  # an indented code block after a blank line
        (f"Intro.\n\n\t{JARGON}", 0),  # a tab indents as well
        (f"Intro.\n    {JARGON}", 2),  # no blank line before: a paragraph's continuation, prose
        (f"- item one\n\n    {JARGON}", 2),  # a list item's continued text, prose
        (f"```\n<!-- contentlint-disable -->\n```\n{JARGON}", 2),  # a directive shown in a fence
        (f"Write `<!-- contentlint-disable -->` to stop it. {JARGON}", 2),  # ... in a code span
        (f"<!-- contentlint-disable -->\n{JARGON}", 0),  # a real directive still works
    ],
)
def test_code_and_directives(body: str, found: int) -> None:
    assert jargon_found(body) == found


def test_code_ranges_cover_fences_indented_blocks_and_spans() -> None:
    text = "Intro.\n\n    code\n\n```\nfenced\n```\nA `span` here."
    covered = ["".join(text[start:end]) for start, end in sorted(code_ranges(text))]
    assert covered == ["    code\n", "```\nfenced\n```\n", "`span`"]
    assert indented_code("a\n\n    b\n    c\nd") == [(3, 15)]
