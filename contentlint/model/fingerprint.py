"""A finding's fingerprint: what stays the same when a post is edited elsewhere.

Line numbers move when a line is added above a finding, so baselines, SARIF's
`partialFingerprints` and GitLab's `fingerprint` are built from what the finding is about: the
rule, the file, the flagged text and the line around it, with runs of white space made one space.
Two identical findings in one file (the same word twice on one line) are told apart by their
order, so a fingerprint is unique within a report.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence

from contentlint.model.report import Report
from contentlint.model.violation import Violation

_SPACE = re.compile(r"\s+")
SHOWN = 120  # characters of flagged text a baseline shows (and loosely matches on)


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def flagged_text(violation: Violation, text: str) -> str:
    """The characters the finding marks (empty for a finding at a point)."""
    if not text or not 0 <= violation.start <= violation.end <= len(text):
        return ""
    return text[violation.start : violation.end]


def surroundings(violation: Violation, text: str) -> str:
    """The whole lines the finding touches."""
    if not text or not 0 <= violation.start <= len(text):
        return violation.message
    first = max(text.rfind("\n", 0, violation.start), text.rfind("\r", 0, violation.start)) + 1
    end = min(max(violation.end, violation.start), len(text))
    stops = [i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0]
    return text[first : min(stops) if stops else len(text)]


def shown_text(violation: Violation, text: str) -> str:
    """The flagged text as a baseline quotes it: white space made one space, long ones cut."""
    flagged = normalise(flagged_text(violation, text))
    return flagged if len(flagged) <= SHOWN else flagged[: SHOWN - 1] + "…"


def content_fingerprint(violation: Violation, text: str) -> str:
    """Rule, flagged text and its lines; the file is not part of it (a baseline groups by file)."""
    digest = hashlib.sha256()
    for part in (violation.code, normalise(flagged_text(violation, text)), normalise(surroundings(violation, text))):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def report_fingerprints(report: Report) -> dict[int, str]:
    """A fingerprint per violation of a report (by `id`), unique within it: rule, path, flagged
    text and its lines, and the order among identical ones."""
    texts: Mapping[str, str] = {post.path: post.text for post in report.posts}
    seen: dict[str, int] = {}
    result: dict[int, str] = {}
    for violation in sorted(report.violations, key=Violation.sort_key):
        base = hashlib.sha256(
            f"{violation.path}\0{content_fingerprint(violation, texts.get(violation.path, ''))}".encode(
                "utf-8", "surrogatepass"
            )
        ).hexdigest()[:32]
        count = seen.get(base, 0)
        seen[base] = count + 1
        result[id(violation)] = base if not count else f"{base}-{count}"
    return result


def fingerprints_in_order(report: Report, violations: Sequence[Violation]) -> list[str]:
    prints = report_fingerprints(report)
    return [prints[id(v)] for v in violations]
