"""The front matter values that are published as text (title, image alt text), with offsets.

Character rules (AX003, AX004) must read these too: a screen reader reads the alt text aloud,
and a title is the first thing a search or a reader sees. A value is only returned where it
stands verbatim in the file (not written with YAML escapes), so offsets and fixes stay exact.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any


def published_fields(doc: Any) -> Iterator[tuple[str, int]]:
    """(value, file offset) for the title and each front matter image's alt text."""
    fm = doc.front_matter
    paths: list[tuple[Any, ...]] = []
    if isinstance(doc.meta.get("title"), str):
        paths.append(("title",))
    images = doc.meta.get("images")
    if isinstance(images, list):
        for index, item in enumerate(images):
            if isinstance(item, Mapping) and isinstance(item.get("alt"), str):
                paths.append(("images", index, "alt"))
    for path in paths:
        value = _value_at(doc.meta, path)
        if not value or tuple(path) not in fm.positions:
            continue
        start, end = fm.span(*path)
        found = doc.text.find(value, start, max(end, start + len(value)))
        if found >= 0:
            yield value, found


def _value_at(data: Mapping[str, Any], path: tuple[Any, ...]) -> str:
    value: Any = data
    for key in path:
        value = value[key]
    return value if isinstance(value, str) else ""
