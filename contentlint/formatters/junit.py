"""JUnit XML, the lowest common denominator every CI shows as a test report.

One testsuite per post so clean posts show as passing; one failing testcase per violation, and
files that could not be read as errors. XML 1.0 cannot carry most control characters at all
(not even escaped), so they are replaced by a visible `\\xNN` before ElementTree sees them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping

from contentlint.formatters.options import RenderOptions
from contentlint.model.report import Report
from contentlint.model.rulespec import RuleSpec
from contentlint.model.violation import FileError, Violation

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Replace characters XML 1.0 forbids, so the report always parses."""
    return _ILLEGAL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def render(report: Report, rules: Mapping[str, RuleSpec], options: RenderOptions = RenderOptions()) -> str:
    paths: list[str] = []
    for path in [p.path for p in report.posts] + [v.path for v in report.violations] + [e.path for e in report.errors]:
        if path not in paths:
            paths.append(path)
    by_path: dict[str, list[Violation]] = {p: [] for p in paths}
    for violation in report.violations:
        by_path[violation.path].append(violation)
    errors: dict[str, list[FileError]] = {p: [] for p in paths}
    for error in report.errors:
        errors[error.path].append(error)

    root = ET.Element("testsuites", name="contentlint")
    for path in paths:
        root.append(_suite(path, by_path[path], errors[path]))
    _count(root, [suite.attrib for suite in root])
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(path: str, violations: list[Violation], errors: list[FileError]) -> ET.Element:
    suite = ET.Element("testsuite", name=clean(path))
    for v in violations:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=clean(path),
            name=clean(f"{v.code} {v.name} at {v.line}:{v.column}"),
            file=clean(path),
            line=str(v.line),
            time="0",
        )
        failure = ET.SubElement(case, "failure", type=v.code, message=clean(v.message), severity=v.severity)
        failure.text = clean(_details(v))
    for e in errors:
        case = ET.SubElement(suite, "testcase", classname=clean(path), name="contentlint", file=clean(path), time="0")
        error = ET.SubElement(case, "error", type="FileError", message=clean(e.message))
        error.text = clean(f"{path}: {e.message}")
    if not violations and not errors:
        ET.SubElement(suite, "testcase", classname=clean(path), name="contentlint", file=clean(path), time="0")
    suite.attrib.update(
        tests=str(len(suite)), failures=str(len(violations)), errors=str(len(errors)), skipped="0", time="0"
    )
    return suite


def _details(v: Violation) -> str:
    lines = [f"{v.severity} {v.code} {v.name} at {v.path}:{v.line}:{v.column}", v.message]
    lines += [f"related: {r.path}:{r.line}:{r.column}: {r.message}" for r in v.related]
    if v.fix is not None:
        lines.append(f"fix: replace with \u201c{v.fix.replacement}\u201d")
    return "\n".join(lines)


def _count(root: ET.Element, suites: list[dict[str, str]]) -> None:
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s[key]) for s in suites)))
