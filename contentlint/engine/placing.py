"""Findings become Violations here, once: line and column from offsets, the message from the
rule's template, suppressions from front matter and HTML comments."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from contentlint.engine.rule_set import ActiveRule
from contentlint.engine.suppress import Region, front_matter_disabled, regions
from contentlint.model.rulespec import RuleSpec
from contentlint.model.violation import Finding, Violation
from contentlint.text.document import Document
from contentlint.text.markdown_mask import code_ranges


class _SafeArgs(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# A width or precision of four digits or more in a pack's message ("{match:999999999}") would
# build a string of that size for every finding: such a template is shown as written.
_HUGE_FORMAT = re.compile(r"\{[^{}]*:[^{}]*\d{4}")


def render_message(spec: RuleSpec, args: Mapping[str, Any], key: str | None = None) -> str:
    """The rule's template (`message:`, or the `messages:` entry the finding names) with its args."""
    template = spec.messages.get(key, spec.message) if key else spec.message
    if _HUGE_FORMAT.search(template):
        return template
    try:
        return template.format_map(_SafeArgs(args))
    except (ValueError, IndexError, AttributeError, OverflowError, MemoryError):
        return template


def place(doc: Document, rule: ActiveRule, finding: Finding) -> Violation:
    line, column = doc.line_col(finding.start)
    end_line, end_column = doc.line_col(max(finding.end, finding.start))
    return Violation(
        path=doc.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        code=rule.spec.code,
        name=rule.spec.name,
        severity=finding.severity or rule.severity,
        message=render_message(rule.spec, finding.args, finding.message),
        fix=finding.fix if doc.origin is None else None,  # cell offsets: `--fix` must not rewrite a CSV
        related=finding.related,
        start=doc.file_offset(finding.start),
        end=doc.file_offset(max(finding.end, finding.start)),
    )


def suppress(doc: Document, violations: list[Violation]) -> list[Violation]:
    """Drop what the post's front matter (`contentlint: {disable: [...]}`) or its comments turn off."""
    if not violations:
        return violations
    disabled = front_matter_disabled(dict(doc.meta))
    suppressed: tuple[Region, ...] = ()
    if "contentlint-" in doc.text:
        code = code_ranges(doc.text) if doc.is_markdown else []
        suppressed = regions(doc.text, lambda offset: doc.line_col(offset)[0], code)
    kept = []
    for violation in violations:
        if violation.code.lower() in disabled or violation.name in disabled:
            continue
        if any(region.covers(violation.line, violation.code, violation.name) for region in suppressed):
            continue
        kept.append(violation)
    return kept
