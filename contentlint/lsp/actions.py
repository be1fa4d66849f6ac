"""Code actions: a quick fix per fixable finding (the same Fix objects `--fix` applies), every safe
fix at once (`source.fixAll.contentlint`), and "disable RULE for this line / this post", written
in the project's own suppression syntax."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence

from lsprotocol import types

from contentlint.lsp.checker import Checked, Checker
from contentlint.lsp.documents import OpenDocument
from contentlint.lsp.positions import Lines, line_starts
from contentlint.model.violation import Fix, Violation

FIX_ALL = "source.fixAll.contentlint"
_QUICKFIX = str(types.CodeActionKind.QuickFix)


def _allows(only: Sequence[str] | None, kind: str) -> bool:
    """Whether a requested kind list (`context.only`) takes `kind`: "source" takes "source.fixAll.contentlint"."""
    return only is None or any(kind == wanted or kind.startswith(wanted + ".") for wanted in only)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(position: types.Position) -> tuple[int, int]:
        return (position.line, position.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def _shown(text: str, limit: int = 30) -> str:
    """Text for a title: invisible characters named (U+200B), long text cut."""
    shown = "".join(char if char.isprintable() else f"U+{ord(char):04X}" for char in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def fix_title(violation: Violation, fix: Fix, text: str) -> str:
    old = text[fix.start : fix.end]
    if not fix.replacement:
        return f"Fix {violation.code}: delete '{_shown(old)}'"
    if not old:
        return f"Fix {violation.code}: insert '{_shown(fix.replacement)}'"
    return f"Fix {violation.code}: replace '{_shown(old)}' with '{_shown(fix.replacement)}'"


def text_edits(old: str, new: str, lines: Lines) -> list[types.TextEdit]:
    """The smallest line-wise edits that turn `old` into `new`, each trimmed to what changes, so
    the cursor and the undo history keep their place."""

    def split(text: str) -> list[str]:
        starts = line_starts(text)
        ends = [*starts[1:], len(text)]
        return [text[start:end] for start, end in zip(starts, ends, strict=True) if end > start]

    old_lines, new_lines = split(old), split(new)
    offsets = [0]
    for line in old_lines:
        offsets.append(offsets[-1] + len(line))
    edits = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        start, end = offsets[i1], offsets[i2]
        before, after = old[start:end], "".join(new_lines[j1:j2])
        prefix = 0
        while prefix < min(len(before), len(after)) and before[prefix] == after[prefix]:
            prefix += 1
        suffix = 0
        while suffix < min(len(before), len(after)) - prefix and before[-1 - suffix] == after[-1 - suffix]:
            suffix += 1
        edits.append(
            types.TextEdit(
                range=lines.range_of(start + prefix, end - suffix), new_text=after[prefix : len(after) - suffix]
            )
        )
    return edits


def workspace_edit(document: OpenDocument, edits: list[types.TextEdit], versioned: bool) -> types.WorkspaceEdit:
    """Edits of one open buffer; tied to its version where the client supports it, so an edit made
    for an older text is refused rather than applied in the wrong place."""
    if versioned:
        identifier = types.OptionalVersionedTextDocumentIdentifier(uri=document.uri, version=document.version)
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=identifier, edits=edits)])
    return types.WorkspaceEdit(changes={document.uri: edits})


def code_actions(
    document: OpenDocument,
    lines: Lines,
    checked: Checked,
    checker: Checker,
    wanted: types.Range,
    only: Sequence[str] | None,
    diagnostic_of: Callable[[Violation], types.Diagnostic],
    *,
    versioned: bool,
) -> list[types.CodeAction]:
    assert document.path is not None
    actions: list[types.CodeAction] = []
    text = document.text
    if _allows(only, _QUICKFIX):
        disables: list[types.CodeAction] = []
        seen: set[tuple[str, str]] = set()
        for violation in checked.violations:
            diagnostic = diagnostic_of(violation)
            if not _overlaps(diagnostic.range, wanted):
                continue
            fix = violation.fix
            if fix is not None and 0 <= fix.start <= fix.end <= len(text):
                edit = types.TextEdit(range=lines.range_of(fix.start, fix.end), new_text=fix.replacement)
                actions.append(
                    types.CodeAction(
                        title=fix_title(violation, fix, text),
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        is_preferred=True,
                        edit=workspace_edit(document, [edit], versioned),
                    )
                )
            for scope, where in (("line", "this line"), ("post", "this post")):
                if (violation.code, scope) in seen:
                    continue
                seen.add((violation.code, scope))
                suppression = checker.suppression(document.path, text, violation.line, violation.code, scope)
                if suppression is None:
                    continue
                edit = types.TextEdit(
                    range=lines.range_of(suppression.start, suppression.end), new_text=suppression.replacement
                )
                disables.append(
                    types.CodeAction(
                        title=f"Disable {violation.code} {violation.name} for {where}",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        edit=workspace_edit(document, [edit], versioned),
                    )
                )
        actions += disables
    if _allows(only, FIX_ALL) and any(violation.fix is not None for violation in checked.violations):
        fixed = checker.fix_all(document.path, text)
        if fixed is not None:
            actions.append(
                types.CodeAction(
                    title="Fix all contentlint problems that have a safe fix",
                    kind=FIX_ALL,
                    edit=workspace_edit(document, text_edits(text, fixed, lines), versioned),
                )
            )
    return actions
