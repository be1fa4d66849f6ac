"""The page's form controls write the post's front matter: one key at a time, the rest untouched.

The writer sees and saves the whole post (front matter included) in the editor; a control
(channels, audience, publish date, title, an image's alt text) rewrites only the lines of its
own key. Every other byte stays as the writer typed it, comments included, so the form and the
text never disagree and nothing typed by hand is reformatted away.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import yaml

from contentlint.text import yamlsafe

# As text.document reads a front matter block.
_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\r|\Z)", re.M)
_NAMES = {"channels": ("channel", "channels"), "audience": ("audience", "audiences")}  # either spelling
_KEYS = {**_NAMES, "alt": ("images",)}  # the keys a field writes: the last one when none is there
FIELDS = ("channels", "audience", "publish_at", "title", "alt")


class FrontMatterError(ValueError):
    """The front matter cannot be edited by the form (broken YAML, a list, ...): fix it in the text."""


class _Dumper(yaml.SafeDumper):
    """Plain dates: the project reads dates as text (FM003 checks them), so none needs quotes."""


_Dumper.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def _render(key: str, value: Any) -> str:
    """`key: value` as a person would write it: `channels: [x, linkedin]`, `title: Exams`, and
    images as a block list of src/alt pairs."""
    names = isinstance(value, list) and all(isinstance(item, str) for item in value)
    return yaml.dump(
        {key: value},
        Dumper=_Dumper,
        allow_unicode=True,
        default_flow_style=None if names else False,
        sort_keys=False,
        width=10_000,
    )


def _names(value: Any, field: str) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise FrontMatterError(f"{field} must be a name or a list of names")
    return [item.strip() for item in items if item.strip()]


def _entries(yaml_text: str, positions: Mapping[yamlsafe.KeyPath, yamlsafe.Position]) -> dict[str, tuple[int, int]]:
    """Each top-level key's lines (start of its line to the start of the next key's line), less
    the comment and blank lines at its end, which stay where they are."""
    starts = sorted(
        (yaml_text.rfind("\n", 0, p.start) + 1, path[0])
        for path, p in positions.items()
        if len(path) == 2 and path[1] == "<key>"
    )
    found = {}
    for i, (start, key) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(yaml_text)
        lines = yaml_text[start:end].splitlines(keepends=True)
        while len(lines) > 1 and (not lines[-1].strip() or lines[-1].startswith("#")):
            end -= len(lines.pop())
        found[key] = (start, end)
    return found


def set_fields(text: str, changes: Mapping[str, Any]) -> str:
    """The post with the form's `changes` written into its front matter (None or "" removes a key).

    Keys: channels (a name or list; one is written `channel: x`), audience (likewise),
    publish_at, title (text), alt ({image index: alt text} for the front matter's `images`).
    """
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise FrontMatterError(f"unknown field(s) {', '.join(sorted(unknown))}; the form sets {', '.join(FIELDS)}")
    opening = _OPEN.match(text)
    closing = _CLOSE.search(text, opening.end()) if opening else None
    if opening and not closing:
        raise FrontMatterError("the front matter starts with --- but is never closed with ---")
    if opening and closing:
        head, yaml_text, tail = text[: opening.end()], text[opening.end() : closing.start()], text[closing.start() :]
    else:
        head, yaml_text, tail = "---\n", "", "---\n" + text
    newline = "\r\n" if "\r\n" in (yaml_text or head) else "\n"
    try:
        data, positions = yamlsafe.load(yaml_text)
    except yamlsafe.YamlError as exc:
        line = f" (line {exc.line + 1} of the post)" if exc.line else ""
        raise FrontMatterError(f"fix the front matter in the text first{line}: {exc.message}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError("the front matter is not key: value pairs; fix it in the text first")
    entries = _entries(yaml_text, positions)
    edits: list[tuple[str, str | None]] = []  # (existing or new key, its new lines or None to remove)
    for field, value in changes.items():
        keys = _KEYS.get(field, (field,))
        rendered = _rendered(field, value, data)
        present = [key for key in keys if key in entries]
        edits += [(key, None) for key in present[1:]]
        edits.append((present[0] if present else keys[-1], rendered))
    for key, rendered in sorted(edits, key=lambda edit: -entries.get(edit[0], (len(yaml_text), 0))[0]):
        rendered = rendered.replace("\n", newline) if rendered is not None else ""
        if key in entries:
            start, end = entries[key]
            yaml_text = yaml_text[:start] + rendered + yaml_text[end:]
        elif rendered:
            if yaml_text and not yaml_text.endswith(("\n", "\r")):
                yaml_text += newline
            yaml_text += rendered
    if not opening and not yaml_text:
        return text
    return head + yaml_text + tail


def _rendered(field: str, value: Any, data: Mapping[str, Any]) -> str | None:
    if field in _NAMES:
        names = _names(value or [], field)
        if not names:
            return None
        key = "channel" if field == "channels" and len(names) == 1 else field
        return _render(key, names[0] if len(names) == 1 else names)
    if field == "alt":
        return _render("images", _with_alt(data.get("images"), value))
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise FrontMatterError(f"{field} must be text")
    return _render(field, value.strip())


def _with_alt(images: Any, alts: Any) -> list[Any]:
    if not isinstance(images, list):
        raise FrontMatterError("the front matter has no `images` list to set alt texts in")
    if not isinstance(alts, Mapping):
        raise FrontMatterError("alt must map image numbers to alt texts")
    updated: list[Any] = list(images)
    for index, alt in alts.items():
        position = int(index) if str(index).isdigit() else -1
        if not 0 <= position < len(updated) or not isinstance(alt, str):
            raise FrontMatterError(f"there is no image {index} to set an alt text for")
        image = updated[position]
        if isinstance(image, str):
            image = {"src": image}
        if not isinstance(image, Mapping):
            raise FrontMatterError(f"image {position} is neither a file name nor src/alt pairs")
        updated[position] = {**image, "alt": alt}
    return updated
