"""`--format json`: exactly the object of DESIGN A5."""

from __future__ import annotations

import json
from collections.abc import Mapping

from contentlint.model.report import Report
from contentlint.model.rulespec import RuleSpec


def render(report: Report, rules: Mapping[str, RuleSpec]) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
