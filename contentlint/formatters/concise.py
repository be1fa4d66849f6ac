"""One line per violation, `path:line:col: severity CODE message`, for editors and grep."""

from __future__ import annotations

from collections.abc import Mapping

from contentlint.formatters.escape import escape_text
from contentlint.formatters.options import RenderOptions
from contentlint.model.report import Report
from contentlint.model.rulespec import RuleSpec


def render(report: Report, rules: Mapping[str, RuleSpec], options: RenderOptions = RenderOptions()) -> str:
    lines = [
        f"{escape_text(v.path)}:{v.line}:{v.column}: {v.severity} {v.code} [{v.name}] "
        + escape_text(v.message.replace("\n", " "))
        for v in report.violations
    ]
    lines += [f"{escape_text(e.path)}: error: {escape_text(e.message)}" for e in report.errors]
    return "\n".join(lines) + ("\n" if lines else "")
