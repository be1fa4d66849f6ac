"""Inline suppression: `<!-- contentlint-disable CODE, name -->` ... `<!-- contentlint-enable -->`
and `<!-- contentlint-disable-next-line CODE -->`; without codes they cover every rule."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

_DIRECTIVE = re.compile(r"<!--\s*contentlint-(disable-next-line|disable|enable)\b(.*?)-->", re.S)
ALL = "*"


@dataclass(frozen=True)
class Region:
    first_line: int
    last_line: int  # inclusive; a very large number for "to the end of the file"
    selectors: frozenset[str]

    def covers(self, line: int, code: str, name: str) -> bool:
        return self.first_line <= line <= self.last_line and (
            ALL in self.selectors or code.lower() in self.selectors or name in self.selectors
        )


def _selectors(raw: str) -> frozenset[str]:
    parts = [part.strip().lower() for part in re.split(r"[,\s]+", raw) if part.strip()]
    return frozenset(parts) if parts else frozenset({ALL})


def _directives(text: str) -> Iterator[re.Match[str]]:
    """The directives, searched for only up to the last "-->": from every "<!-- contentlint-"
    after it the search would read to the end of the text (quadratic in unclosed directives)."""
    return _DIRECTIVE.finditer(text, 0, text.rfind("-->") + 3)


def regions(text: str, line_of: Callable[[int], int], code: Sequence[tuple[int, int]] = ()) -> tuple[Region, ...]:
    """Suppressed regions of a file; `line_of(offset)` gives the 1-based line of an offset. A
    directive inside `code` (fenced blocks, code spans) is an example, not a directive."""
    found: list[Region] = []
    open_regions: dict[str, int] = {}
    end_of_file = 10**9
    for match in _directives(text):
        if any(start <= match.start() < end for start, end in code):
            continue
        action, selectors = match.group(1), _selectors(match.group(2))
        line = line_of(match.start())
        if action == "disable-next-line":
            next_line = line_of(match.end()) + 1
            found.append(Region(next_line, next_line, selectors))
        elif action == "disable":
            for selector in selectors:
                open_regions.setdefault(selector, line)
        else:
            closing = selectors if ALL not in selectors else frozenset(open_regions)
            for selector in closing:
                if selector in open_regions:
                    found.append(Region(open_regions.pop(selector), line, frozenset({selector})))
    for selector, line in open_regions.items():
        found.append(Region(line, end_of_file, frozenset({selector})))
    return tuple(found)


def front_matter_disabled(meta: Mapping[str, Any]) -> frozenset[str]:
    settings = meta.get("contentlint")
    if not isinstance(settings, dict):
        return frozenset()
    disabled = settings.get("disable")
    if isinstance(disabled, str):
        disabled = [disabled]
    if not isinstance(disabled, list):
        return frozenset()
    return frozenset(str(item).strip().lower() for item in disabled)
