"""JUnit XML: parses, counts match the JSON report, and survives hostile text."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from test_format_html import P4, SAMPLE_RULES, sample_report

from contentlint.formatters import junit
from contentlint.model.report import Report
from contentlint.model.violation import FileError, Violation


def _parse(report: Report) -> ET.Element:
    return ET.fromstring(junit.render(report, SAMPLE_RULES).encode("utf-8"))


def test_counts_equal_the_json_report():
    report = sample_report()
    data = json.loads(json.dumps(report.to_dict()))
    root = _parse(report)
    assert root.tag == "testsuites"
    assert int(root.get("failures")) == len(data["violations"]) == len(root.findall(".//failure"))
    assert int(root.get("errors")) == len(data["errors"]) == len(root.findall(".//error"))
    suites = root.findall("testsuite")
    assert len(suites) == len(report.posts) + len(report.errors)
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites) == len(root.findall(".//testcase"))
    for suite in suites:
        assert int(suite.get("tests")) == len(suite.findall("testcase"))
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))


def test_clean_post_passes_and_violations_fail_with_code_and_severity():
    report = sample_report()
    root = _parse(report)
    clean = next(s for s in root.findall("testsuite") if s.get("name") == P4.path)
    assert [(c.get("name"), list(c)) for c in clean.findall("testcase")] == [("contentlint", [])]
    case = root.find(".//testcase[@name='HT003 banned-hashtag at 9:15']")
    assert case is not None and case.get("classname") == "posts/instagram/back-to-school.md"
    failure = case.find("failure")
    assert failure.get("type") == "HT003" and failure.get("severity") == "error"
    assert failure.get("message") == "'#followforfollow' is on the banned list."


def test_hostile_text_is_kept_readable_and_control_characters_replaced():
    root = _parse(sample_report())
    messages = [f.get("message") for f in root.iter("failure")]
    hostile = next(m for m in messages if "onerror" in m)
    assert hostile == 'Looks like a tag but is not: "><img src=x onerror=alert(3)> & \\x1b[31m%0A\nnext'
    assert any("₹1600*" in m for m in messages)
    errors = [e.get("message") for e in root.iter("error")]
    assert "here: <b>bold</b> 100% broken" in errors[1]


def test_every_illegal_xml_character_is_replaced():
    nasty = "".join(chr(c) for c in range(0x20)) + "\ufffe\uffff\ud800 ok 🎉"
    v = Violation(f"p{nasty}.md", 1, 1, 1, 2, "XX001", "x", "warning", nasty, start=0, end=1)
    text = junit.render(Report((v,), (FileError("e.md", nasty),), 1), {})
    root = ET.fromstring(text.encode("utf-8", "surrogatepass"))
    message = root.find(".//failure").get("message")
    assert message.startswith("\\x00\\x01") and message.endswith(" ok 🎉")
    assert "\t" in message and "\n" in message
