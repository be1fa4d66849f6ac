"""GitLab Code Quality: the JSON array GitLab's merge request widget reads
(`artifacts: reports: codequality:`), a subset of the Code Climate issue format.

Each finding is `description`, `check_name`, `fingerprint`, `severity` and `location` (`path`,
`lines.begin`). The fingerprint is stable across runs (rule, path, the flagged text and its
line: model/fingerprint.py), so GitLab tells new findings from ones the target branch already
had; it is unique within a report, or GitLab would show only the first of two.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from contentlint.formatters.options import RenderOptions
from contentlint.model.fingerprint import report_fingerprints
from contentlint.model.report import Report
from contentlint.model.rulespec import RuleSpec

SEVERITIES = {"error": "major", "warning": "minor", "suggestion": "info"}


def render(report: Report, rules: Mapping[str, RuleSpec], options: RenderOptions = RenderOptions()) -> str:
    prints = report_fingerprints(report)
    issues: list[dict[str, Any]] = [
        {
            "description": f"{v.code} {v.name}: {v.message}",
            "check_name": f"contentlint/{v.code}",
            "fingerprint": prints[id(v)],
            "severity": SEVERITIES.get(v.severity, "minor"),
            "location": {"path": _path(v.path), "lines": {"begin": max(v.line, 1), "end": max(v.end_line, v.line, 1)}},
        }
        for v in report.violations
    ]
    for error in report.errors:  # a file that could not be checked blocks the gate: say so there too
        digest = hashlib.sha256(f"error\0{error.path}\0{error.message}".encode("utf-8", "surrogatepass")).hexdigest()
        issues.append(
            {
                "description": f"could not be checked: {error.message}",
                "check_name": "contentlint/file-error",
                "fingerprint": digest[:32],
                "severity": "critical",
                "location": {"path": _path(error.path), "lines": {"begin": 1}},
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def _path(path: str) -> str:
    posix = path.replace("\\", "/")
    while posix.startswith("./"):
        posix = posix[2:]
    return posix
