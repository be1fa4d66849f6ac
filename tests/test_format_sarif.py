"""SARIF 2.1.0 output (validated against the OASIS schema) and the `explain` text it ships."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_format_html import P1, P3, SAMPLE_RULES, sample_report

from contentlint.formatters import sarif
from contentlint.model.explain import explain, short_description
from contentlint.model.report import Report
from contentlint.model.rulespec import RuleSpec
from contentlint.model.violation import FileError, Violation

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-2.1.0.json"


def _validate(log: dict) -> None:
    if not SCHEMA.exists():
        pytest.skip(f"{SCHEMA} not available")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(log), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def _log(report: Report, rules=SAMPLE_RULES) -> dict:
    return json.loads(sarif.render(report, rules))


def test_sample_report_is_valid_sarif():
    _validate(_log(sample_report()))


def test_hostile_and_minimal_reports_are_valid_sarif():
    hostile = Violation(
        'we"ird <dir>/\u09ac\u09be\u0982\u09b2\u09be 🎉.md',
        1,
        1,
        2,
        1,
        "XX001",
        "odd-rule",
        "suggestion",
        '"quoted"\n<script>alert(1)</script>\x1b\x7f🎉',
        start=0,
        end=1,
    )
    _validate(_log(Report((hostile,), (FileError("a b.md", "\x01bad\nfile"),), 2), {}))
    _validate(_log(Report((), (), 0), {}))


def test_driver_rules_are_used_plus_enabled_and_indexes_match():
    log = _log(sample_report())
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    driver = run["tool"]["driver"]
    assert driver["name"] == "contentlint" and "informationUri" not in driver
    ids = [r["id"] for r in driver["rules"]]
    assert "HT001" in ids  # enabled, no results
    assert "CL003" not in ids  # disabled, no results
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
    brand = driver["rules"][ids.index("BR001")]
    assert brand["name"] == "brand-name-casing"
    assert brand["shortDescription"]["text"] == "The brand name spelled or cased wrongly."
    assert brand["help"]["text"].startswith("BR001 brand-name-casing (brand, default error, fixable)")
    assert brand["defaultConfiguration"]["level"] == "error"
    assert brand["properties"]["tags"] == ["brand"]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["CL004"] == "note" and levels["CL006"] == "warning" and levels["HT003"] == "error"
    assert run["columnKind"] == "unicodeCodePoints"


def test_locations_fixes_related_and_notifications():
    report = sample_report()
    run = _log(report)["runs"][0]
    by_rule = {
        (r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]): r for r in run["results"]
    }
    brand = by_rule[("BR001", "posts/facebook/eid-offer.md")]
    region = brand["locations"][0]["physicalLocation"]["region"]
    source = next(v for v in report.violations if v.code == "BR001" and v.path == P3.path)
    assert region == {
        "startLine": source.line,
        "startColumn": source.column,
        "endLine": source.end_line,
        "endColumn": source.end_column,
    }
    replacement = brand["fixes"][0]["artifactChanges"][0]["replacements"][0]
    start, length = replacement["deletedRegion"]["charOffset"], replacement["deletedRegion"]["charLength"]
    assert P3.text[start : start + length] == "Inkwell"  # code points, after astral emoji
    assert replacement["insertedContent"]["text"] == "InkWell"
    repeat = by_rule[("RP001", "posts/x/exam-tips.md")]
    related = repeat["relatedLocations"][0]
    assert related["id"] == 0 and related["message"]["text"]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == P1.path
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    uris = [
        n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for n in invocation["toolExecutionNotifications"]
    ]
    assert uris == ["posts/summer%20sale/draft%20%231.md", "posts/bad%2Cname%3Ahere.md"]


def test_artifact_uris():
    assert sarif.artifact_uri("./posts/a b.md") == "posts/a%20b.md"
    assert sarif.artifact_uri("posts\\x\\ঈদ.md") == "posts/x/%E0%A6%88%E0%A6%A6.md"
    assert sarif.artifact_uri("/tmp/a?.md") == "file:///tmp/a%3F.md"
    assert sarif.artifact_uri("C:\\work\\a b.md") == "file:///C:/work/a%20b.md"


def test_results_without_a_spec_get_a_bare_rule():
    v = Violation("a.md", 1, 1, 1, 2, "TM001", "team-rule", "warning", "m", start=0, end=1)
    run = _log(Report((v,), (), 1), {})["runs"][0]
    assert run["tool"]["driver"]["rules"] == [
        {"id": "TM001", "name": "team-rule", "shortDescription": {"text": "team rule"}}
    ]
    assert run["invocations"][0] == {"executionSuccessful": True}


def test_explain_lists_header_description_options_and_examples():
    text = explain(SAMPLE_RULES["BR001"])
    assert text.splitlines()[0] == "BR001 brand-name-casing (brand, default error, fixable)"
    assert "A brand that misspells itself looks careless." in " ".join(text.split())
    assert "Options (defaults):\n  name: InkWell" in text
    assert "Reported: Try Inkwell pens." in text and "Fine: Try InkWell pens." in text
    weasel = explain(SAMPLE_RULES["CL004"])
    assert '"literally", ...] (10 in all)' in weasel
    assert "Off by default" in explain(SAMPLE_RULES["CL003"])


def test_short_description_is_the_first_sentence():
    spec = SAMPLE_RULES["BR002"]
    assert short_description(spec) == "A term the brand has replaced, e.g. cheap."
    bengali = RuleSpec("TM002", "bn-rule", "existence", "team", "warning", "m", "প্রথম বাক্য। দ্বিতীয়।")
    assert short_description(bengali) == "প্রথম বাক্য।"
    empty = RuleSpec("TM003", "no-description", "existence", "team", "warning", "m", "")
    assert short_description(empty) == "No description."
