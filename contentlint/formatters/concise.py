"""One line per violation, `path:line:col: severity CODE message`, for editors and grep."""

from __future__ import annotations

from collections.abc import Mapping

from contentlint.formatters.options import RenderOptions
from contentlint.model.report import Report
from contentlint.model.rulespec import RuleSpec


def render(report: Report, rules: Mapping[str, RuleSpec], options: RenderOptions = RenderOptions()) -> str:
    lines = [
        f"{v.path}:{v.line}:{v.column}: {v.severity} {v.code} [{v.name}] {v.message}".replace("\n", " ")
        for v in report.violations
    ]
    lines += [f"{e.path}: error: {e.message}" for e in report.errors]
    return "\n".join(lines) + ("\n" if lines else "")
