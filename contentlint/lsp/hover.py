"""Hover: on a flagged span, what `contentlint explain CODE` says (what, why, how to fix); anywhere
in a post, its live length on each of its channels, counted as BV001 and `contentlint count` count."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lsprotocol import types

from contentlint.engine.counts import ChannelCount
from contentlint.lsp.checker import Checked, Checker
from contentlint.lsp.documents import OpenDocument
from contentlint.lsp.positions import Lines
from contentlint.model.violation import Violation
from contentlint.text.counting import UNIT_LABELS


def _contains(span: types.Range, position: types.Position) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(span.start) <= key(position) <= key(span.end)


def flagged_at(
    violations: Sequence[Violation], position: types.Position, range_of: Callable[[Violation], types.Range]
) -> list[tuple[Violation, types.Range]]:
    return [(v, span) for v in violations if _contains(span := range_of(v), position)]


def count_lines(counts: Sequence[ChannelCount]) -> list[str]:
    """`x: 211 / 280 weighted characters`, one line per limit of each channel."""
    lines = []
    for count in counts:
        for measure in count.measures:
            field = "" if measure.field == "body" else f" ({measure.field})"
            over = f", over by {measure.count - measure.limit}" if measure.over else ""
            unit = UNIT_LABELS.get(measure.unit, measure.unit)
            lines.append(f"{count.channel}{field}: {measure.count} / {measure.limit} {unit}{over}")
        if count.fold is not None:
            lines.append(f"{count.channel}: about {count.fold} characters show before “see more”")
    return lines


def hover_content(explanations: Sequence[str], counts: Sequence[ChannelCount], markdown: bool) -> str | None:
    """The hover text: each explanation as `contentlint explain` prints it, then the counts."""
    parts = []
    for explanation in explanations:
        parts.append(f"```text\n{explanation.rstrip()}\n```" if markdown else explanation.rstrip())
    lines = count_lines(counts)
    if lines:
        heading = "**Length on its channels**" if markdown else "Length on its channels:"
        bullet = "- " if markdown else "  "
        parts.append("\n".join([heading, *(bullet + line for line in lines)]))
    if not parts:
        return None
    return ("\n\n---\n\n" if markdown else "\n\n").join(parts)


def hover_at(
    document: OpenDocument,
    lines: Lines,
    checked: Checked,
    checker: Checker,
    position: types.Position,
    *,
    markdown: bool,
) -> types.Hover | None:
    """The explanations of the findings under the cursor, then the post's counts."""
    assert document.path is not None
    flagged = flagged_at(checked.violations, position, lambda v: lines.span(v.line, v.column, v.end_line, v.end_column))
    explanations = list(dict.fromkeys(filter(None, (checker.explain(v.code) for v, _ in flagged))))
    content = hover_content(explanations, checker.counts(document.path, document.text), markdown)
    if content is None:
        return None
    kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
    return types.Hover(contents=types.MarkupContent(kind=kind, value=content), range=flagged[0][1] if flagged else None)
