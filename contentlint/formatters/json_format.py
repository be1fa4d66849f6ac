"""`--format json`: exactly the object of DESIGN A5."""

from __future__ import annotations

import json
from collections.abc import Mapping

from contentlint.formatters.escape import json_surrogates
from contentlint.formatters.options import RenderOptions
from contentlint.model.report import Report
from contentlint.model.rulespec import RuleSpec


def render(report: Report, rules: Mapping[str, RuleSpec], options: RenderOptions = RenderOptions()) -> str:
    return json_surrogates(json.dumps(report.to_dict(), ensure_ascii=False, indent=2)) + "\n"
