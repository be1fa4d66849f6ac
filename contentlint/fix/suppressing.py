"""Edits that turn one rule off for one line or for one post, written in the project's own
suppression syntax (engine/suppress.py): what an editor's "disable RULE" actions write.

An edit is offered only after it has been tried: applied to the text, the comment must cover the
line, or the front matter must still parse, disable the rule and say everything else it said.
Where no such edit exists (a line of the front matter, a plain-text post, whose comments would
be published) there is none, rather than one that breaks the post.
"""

from __future__ import annotations

import bisect
import re

import yaml

from contentlint.engine.suppress import front_matter_disabled, regions
from contentlint.model.violation import Fix
from contentlint.text.document import Document, split_front_matter

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NEXT_LINE_COMMENT = re.compile(r"([ \t]*)<!--\s*contentlint-disable-next-line\b(.*?)-->[ \t]*")


def _starts(text: str) -> list[int]:
    return [0, *(match.end() for match in _LINE_BREAK.finditer(text))]


def _newline(text: str) -> str:
    found = _LINE_BREAK.search(text)
    return found.group() if found else "\n"


def _applied(text: str, fix: Fix) -> str:
    return text[: fix.start] + fix.replacement + text[fix.end :]


def disable_line(doc: Document, line: int, code: str, name: str = "") -> Fix | None:
    """`<!-- contentlint-disable-next-line CODE -->` above `line` (1-based) of a Markdown post's
    body, or CODE added to such a comment already there. `name` is the rule's name, which
    a comment may use instead of its code."""
    if doc.origin is not None or not doc.is_markdown:
        return None
    text = doc.text
    starts = _starts(text)
    if not 1 <= line <= len(starts) or starts[line - 1] < doc.body_start:
        return None
    start = starts[line - 1]
    target = line + 1
    fix = None
    if line >= 2 and starts[line - 2] >= doc.body_start:
        above_start = starts[line - 2]
        above = text[above_start:start].rstrip("\r\n")
        comment = _NEXT_LINE_COMMENT.fullmatch(above)
        if comment is not None:
            codes = [part for part in re.split(r"[,\s]+", comment.group(2)) if part]
            if not codes or {code.lower(), name} & {part.lower() for part in codes}:
                return None  # the line is already covered
            replacement = f"{comment.group(1)}<!-- contentlint-disable-next-line {', '.join([*codes, code])} -->"
            fix = Fix(replacement, above_start, above_start + len(above))
            target = line
    if fix is None:
        indent = re.match(r"[ \t]*", text[start:])
        prefix = indent.group() if indent else ""
        fix = Fix(f"{prefix}<!-- contentlint-disable-next-line {code} -->{_newline(text)}", start, start)
    new_text = _applied(text, fix)
    new_starts = _starts(new_text)

    def line_of(offset: int) -> int:
        return bisect.bisect_right(new_starts, offset)

    covered = any(region.covers(target, code, name) for region in regions(new_text, line_of))
    return fix if covered else None


def disable_post(doc: Document, code: str, name: str = "") -> Fix | None:
    """`contentlint: {disable: [CODE]}` in the post's front matter (front matter added if it has
    none). `name` is the rule's name, which the list may use instead of its code."""
    if doc.origin is not None:
        return None
    text = doc.text
    front = doc.front_matter
    if front.error is not None:
        return None
    newline = _newline(text)
    if front.end == 0:
        fix = Fix(f"---{newline}contentlint:{newline}  disable: [{code}]{newline}---{newline}", 0, 0)
    elif "contentlint" not in front.data:
        starts = _starts(text)
        closing = starts[bisect.bisect_left(starts, front.end) - 1]
        fix = Fix(f"contentlint:{newline}  disable: [{code}]{newline}", closing, closing)
    else:
        settings = front.data["contentlint"]
        key = front.positions.get(("contentlint", "<key>"))
        value = front.positions.get(("contentlint",))
        if not isinstance(settings, dict) or key is None or value is None:
            return None
        written = text[key.end : value.end].rstrip("\r\n")  # from after the key to the end of its value
        disabled = settings.get("disable", [])
        disabled = [disabled] if isinstance(disabled, str) else disabled
        if "#" in written or not isinstance(disabled, list):
            return None  # a comment would be lost, or a shape the rule would not read
        if {code.lower(), name} - {""} & front_matter_disabled({"contentlint": settings}):
            return None  # already off
        flow = _flow({**settings, "disable": [*disabled, code]})
        fix = Fix(f": {flow}", key.end, key.end + len(written))
    after = split_front_matter(_applied(text, fix))
    if after.error is not None or code.lower() not in front_matter_disabled(dict(after.data)):
        return None
    others = {key: value for key, value in after.data.items() if key != "contentlint"}
    if others != {key: value for key, value in front.data.items() if key != "contentlint"}:
        return None
    return fix


def _flow(value: object) -> str:
    """A YAML flow mapping on one line: `{disable: [HT002, BR001]}`."""
    return yaml.safe_dump(value, default_flow_style=True, sort_keys=False, allow_unicode=True, width=10**6).strip()
