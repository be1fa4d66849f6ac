"""SARIF 2.1.0, the format code-scanning services (GitHub, Azure DevOps, IDEs) read.

Columns and fix offsets are code points, so the run declares `columnKind: unicodeCodePoints`
instead of SARIF's UTF-16 default; otherwise a Bengali or emoji post would be highlighted off
by a few characters.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from contentlint._version import __version__
from contentlint.formatters.escape import json_surrogates
from contentlint.formatters.options import RenderOptions
from contentlint.model.explain import explain, short_description
from contentlint.model.fingerprint import report_fingerprints
from contentlint.model.report import Report
from contentlint.model.rulespec import RuleSpec
from contentlint.model.violation import Violation

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}
FINGERPRINT_KEY = "contentlintFinding/v1"  # rule, path, flagged text and its line (model/fingerprint.py)


def render(report: Report, rules: Mapping[str, RuleSpec], options: RenderOptions = RenderOptions()) -> str:
    """One run: the rule catalogue that matters for this report, its results, and file errors."""
    codes = sorted({v.code for v in report.violations} | {c for c, s in rules.items() if s.enabled})
    index = {code: i for i, code in enumerate(codes)}
    names = {v.code: v.name for v in report.violations}
    descriptors = [_rule(rules[c]) if c in rules else _bare_rule(c, names.get(c, c)) for c in codes]
    prints = report_fingerprints(report)
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "contentlint", "version": __version__, "rules": descriptors}},
        "invocations": [_invocation(report)],
        "columnKind": "unicodeCodePoints",
        "results": [_result(v, index[v.code], prints[id(v)]) for v in report.violations],
    }
    if report.configs:
        run["properties"] = {"configs": list(report.configs)}
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json_surrogates(json.dumps(log, indent=2, ensure_ascii=False)) + "\n"


def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative stays relative (with `/`), absolute becomes file:.
    A file name that is not UTF-8 (lone surrogates from the file system) is percent-encoded as
    the bytes it was, so the URI names the very file."""
    posix = path.replace("\\", "/")
    if re.match(r"^[A-Za-z]:/", posix):
        return "file:///" + posix[:2] + _quote(posix[2:])
    if posix.startswith("/"):
        return "file://" + _quote(posix)
    while posix.startswith("./"):
        posix = posix[2:]
    return _quote(posix)


def _quote(path: str) -> str:
    return quote(path.encode("utf-8", "surrogateescape") if _has_surrogate(path) else path, safe="/")


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


def _rule(spec: RuleSpec) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": spec.code,
        "name": spec.name,
        "shortDescription": {"text": short_description(spec)},
        "fullDescription": {"text": spec.description.strip() or short_description(spec)},
        "help": {"text": explain(spec)},
        "defaultConfiguration": {"level": LEVELS.get(spec.severity, "warning")},
        "properties": {"tags": [spec.category]},
    }
    if not spec.enabled:
        descriptor["defaultConfiguration"]["enabled"] = False
    return descriptor


def _bare_rule(code: str, name: str) -> dict[str, Any]:
    """A rule that produced results but whose spec the caller did not pass (a plugin, a bug)."""
    return {"id": code, "name": name, "shortDescription": {"text": name.replace("-", " ")}}


def _location(
    path: str, line: int, column: int, end_line: int | None = None, end_column: int | None = None
) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": max(line, 1), "startColumn": max(column, 1)}
    if end_line is not None and end_column is not None:
        region["endLine"] = max(end_line, region["startLine"])
        end_column = max(end_column, 1)
        if region["endLine"] == region["startLine"]:
            end_column = max(end_column, region["startColumn"])
        region["endColumn"] = end_column
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(path)},
            "region": region,
        }
    }


def _result(v: Violation, rule_index: int, fingerprint: str) -> dict[str, Any]:
    """One result; `partialFingerprints` lets code scanning follow it across runs as lines move."""
    result: dict[str, Any] = {
        "ruleId": v.code,
        "ruleIndex": rule_index,
        "level": LEVELS.get(v.severity, "warning"),
        "message": {"text": v.message or v.name},
        "locations": [_location(v.path, v.line, v.column, v.end_line, v.end_column)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if v.related:
        result["relatedLocations"] = [
            {"id": i, **_location(r.path, r.line, r.column), "message": {"text": r.message or r.path}}
            for i, r in enumerate(v.related)
        ]
    if v.fix is not None:
        start, end = sorted((max(v.fix.start, 0), max(v.fix.end, 0)))
        result["fixes"] = [
            {
                "description": {
                    "text": f"Replace with \u201c{v.fix.replacement}\u201d" if v.fix.replacement else "Delete the text"
                },
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": artifact_uri(v.path)},
                        "replacements": [
                            {
                                "deletedRegion": {"charOffset": start, "charLength": end - start},
                                "insertedContent": {"text": v.fix.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    return result


def _invocation(report: Report) -> dict[str, Any]:
    invocation: dict[str, Any] = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "error",
                "message": {"text": e.message or "could not be checked"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(e.path)}}}],
            }
            for e in report.errors
        ]
    return invocation
