"""The posts of the HTML report: filters, each post's text with its findings marked in place, the
list of findings, and the details panel the script fills in."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from typing import Any

from contentlint.formatters.html.common import SEVERITY_LABELS, week
from contentlint.model.report import PostInfo, Report
from contentlint.model.rulespec import RuleSpec
from contentlint.model.violation import SEVERITIES, SEVERITY_RANK, Violation

# Characters a reader cannot see (controls, zero-width, bidi) are shown as a visible U+XXXX badge.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_JOINERS = re.compile("^[\u200c\u200d]+$")


@dataclass(frozen=True)
class _Span:
    """A violation as code-point offsets into its post's text."""

    vid: str
    start: int
    end: int
    severity: str
    code: str


def workspace(
    report: Report,
    posts: list[PostInfo],
    by_path: Mapping[str, list[Violation]],
    ids: Mapping[int, str],
    anchors: Mapping[str, str],
    rules: Mapping[str, RuleSpec],
) -> str:
    cards = "".join(_post(p, by_path.get(p.path, []), ids, anchors[p.path]) for p in posts)
    return (
        '<section id="posts" aria-labelledby="posts-h"><h2 id="posts-h">Posts</h2>'
        f'<div class="work">{_filters(report, rules)}'
        f'<div class="cards"><p id="status" class="status" aria-live="polite"></p>{cards}</div>'
        '<aside id="details" aria-labelledby="details-h"><h3 id="details-h">Details</h3>'
        '<div id="details-body" aria-live="polite"><p class="hint">Click a highlighted passage or a '
        "finding to see what it means and how to fix it.</p></div></aside></div></section>\n"
    )


def _filters(report: Report, rules: Mapping[str, RuleSpec]) -> str:
    sev = Counter(v.severity for v in report.violations)
    codes = Counter(v.code for v in report.violations)
    names = {v.code: v.name for v in report.violations}
    legend = "".join(
        f'<li><mark class="hl s-{s} sample">{escape(SEVERITY_LABELS[s].split()[1].lower())}</mark> '
        f'<span class="sev s-{s}">{SEVERITY_LABELS[s]}</span></li>'
        for s in SEVERITIES
    )
    sev_boxes = "".join(
        f'<label><input type="checkbox" data-filter="severity" value="{s}" checked> '
        f'<span class="sev s-{s}">{SEVERITY_LABELS[s]}</span> <span class="n">{sev[s]}</span></label>'
        for s in SEVERITIES
    )
    rule_boxes = "".join(
        f'<div class="rule"><label title="{escape(rules[c].description if c in rules else names[c])}">'
        f'<input type="checkbox" data-filter="rule" value="{escape(c)}" checked> '
        f'<code>{escape(c)}</code> {escape(names[c])} <span class="n">{codes[c]}</span></label>'
        f'<button type="button" data-action="only" value="{escape(c)}" '
        f'aria-label="Show only {escape(c)}">only</button></div>'
        for c in sorted(codes)
    )
    return (
        '<div class="filters"><h3>Legend</h3><ul class="legend">'
        f'{legend}<li><mark class="hl s-warning multi sample">overlap</mark> darker: several findings</li>'
        '<li><mark class="hl s-warning sel sample">selected</mark> shown in Details</li>'
        '<li><sup class="ref sample">3</sup> number of the finding in the list</li></ul>'
        f"<fieldset><legend>Severity</legend>{sev_boxes}</fieldset>"
        f'<fieldset><legend>Rules</legend><div class="buttons"><button type="button" data-action="all">All</button> '
        f'<button type="button" data-action="none">None</button></div>{rule_boxes}</fieldset>'
        '<label class="clean"><input type="checkbox" id="show-clean"'
        + (" checked" if not report.violations else "")
        + "> Show posts with no matching findings</label>"
        "</div>"
    )


def _post(post: PostInfo, violations: list[Violation], ids: Mapping[int, str], anchor: str) -> str:
    numbers = {ids[id(v)]: n for n, v in enumerate(violations, 1)}
    chips = "".join(f'<li class="chip-channel">{escape(c)}</li>' for c in post.channels)
    chips += "".join(f'<li class="chip-audience">{escape(a)}</li>' for a in post.audiences)
    when = _when(post.publish_at)
    meta = f'<ul class="tags" aria-label="Channels and audiences">{chips}</ul>' if chips else ""
    meta += f'<p class="when">{escape(when)}</p>' if when else ""
    lang = f' lang="{escape(post.lang)}"' if post.lang else ""
    source = _source(post.text, violations, ids, numbers, anchor) if post.text else ""
    items = "".join(_finding(v, ids[id(v)], numbers, post.text) for v in violations)
    status = (
        '<span class="badge ok">\u2714 Ready</span>'
        if not violations
        else f'<span class="badge">{len(violations)} finding{"s" if len(violations) != 1 else ""}</span>'
    )
    return (
        f'<article class="post" id="{anchor}" data-path="{escape(post.path)}">'
        f"<h3><code>{escape(post.path)}</code> {status}</h3>{meta}"
        + (f'<div class="src"{lang}>{source}</div>' if source else "")
        + (f'<ol class="findings">{items}</ol>' if items else "")
        + "</article>\n"
    )


def _when(value: Any) -> str:
    if isinstance(value, datetime):
        offset = value.strftime(" %z") if value.tzinfo else ""
        if len(offset) == 6:
            offset = f" {offset[1:4]}:{offset[4:]}"
        return f"{value:%a %d %b %Y, %H:%M}{offset} \u00b7 week {week(value.date())}"
    if isinstance(value, date):
        return f"{value:%a %d %b %Y} \u00b7 week {week(value)}"
    return ""


def _finding(v: Violation, vid: str, numbers: Mapping[str, int], text: str) -> str:
    fix = ""
    if v.fix is not None:
        original = _text(text[v.fix.start : v.fix.end], True)
        replacement = _text(v.fix.replacement, True)
        if not v.fix.replacement:
            change = f"delete \u201c{original}\u201d"
        elif original:
            change = f"replace \u201c{original}\u201d with \u201c{replacement}\u201d"
        else:
            change = f"insert \u201c{replacement}\u201d"
        fix = f'<p class="fix">Suggested fix: {change}</p>'
    related = "".join(f"<li>{escape(r.path)}, line {r.line}: {escape(r.message)}</li>" for r in v.related)
    return (
        f'<li class="finding s-{v.severity}" id="{vid}" data-id="{vid}" data-code="{escape(v.code)}" '
        f'data-severity="{escape(v.severity)}" value="{numbers[vid]}" tabindex="0">'
        f'<span class="sev s-{v.severity}">{SEVERITY_LABELS.get(v.severity, escape(v.severity))}</span> '
        f"<code>{escape(v.code)}</code> <strong>{escape(v.name)}</strong> "
        f'<span class="loc">line {v.line}, column {v.column}</span>'
        f'<p class="msg">{escape(v.message)}</p>{fix}'
        + (f'<ul class="related">{related}</ul>' if related else "")
        + "</li>"
    )


# --- the post text with highlights ----------------------------------------------------------


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _spans(text: str, violations: list[Violation], ids: Mapping[int, str]) -> list[_Span]:
    """Violations at their offsets; a range with nothing visible grows to one character if it can."""
    spans = []
    for v in violations:
        start, end = (max(0, min(offset, len(text))) for offset in (v.start, v.end))
        start, end = min(start, end), max(start, end)
        if not text[start:end].strip("\r\n"):
            end = start
            if start < len(text) and text[start] not in "\r\n":
                end = start + 1
            elif start > 0 and text[start - 1] not in "\r\n":
                start -= 1
        spans.append(_Span(ids[id(v)], start, end, v.severity, v.code))
    return spans


def _source(
    text: str, violations: list[Violation], ids: Mapping[int, str], numbers: Mapping[str, int], anchor: str
) -> str:
    """The post, one row per line, split into segments where highlights begin or end.

    A segment covered by several findings is one <mark> that carries all their ids and codes,
    so overlapping findings never produce broken or nested markup.
    """
    starts = _line_starts(text)
    spans = _spans(text, violations, ids)
    by_id = {ids[id(v)]: v for v in violations}
    line_set = set(starts)
    per_line: dict[int, list[_Span]] = defaultdict(list)
    refs: dict[int, list[_Span]] = defaultdict(list)
    for span in spans:
        first = bisect_right(starts, span.start) - 1
        last = bisect_right(starts, max(span.end - 1, span.start)) - 1
        for n in range(first, last + 1):
            per_line[n].append(span)
        at = span.end - 1 if span.end in line_set and span.end > span.start else span.end
        refs[at].append(span)
    front = _front_matter_lines(text)
    rows = []
    for n, line_start in enumerate(starts):
        line_end = starts[n + 1] - 1 if n + 1 < len(starts) else len(text)
        here = per_line.get(n, [])
        if n and line_start == len(text) and not here and line_start not in refs:
            break  # the empty "line" after a final newline
        cuts = {line_start, line_end}
        for span in here:
            cuts.update(p for p in (span.start, span.end) if line_start <= p <= line_end)
        cuts.update(p for p in refs if line_start <= p <= line_end)
        points = sorted(cuts)
        out = []
        for i, pos in enumerate(points):
            for span in refs.get(pos, []):
                out.append(
                    f'<sup class="ref s-{span.severity}" data-id="{span.vid}"><a href="#{span.vid}" '
                    f'aria-label="finding {numbers[span.vid]}">{numbers[span.vid]}</a></sup>'
                )
            for span in here:
                if span.start == span.end == pos:
                    out.append(_mark([span], "\u2038", by_id))
            if i + 1 < len(points):
                segment = text[pos : points[i + 1]]
                covering = [s for s in here if s.start <= pos and s.end >= points[i + 1] and s.start < s.end]
                out.append(_mark(covering, segment, by_id) if covering else _text(segment, False))
        classes = "l fm" if n < front else "l"
        rows.append(
            f'<div class="{classes}" id="{anchor}-L{n + 1}"><span class="n" aria-hidden="true">'
            f'{n + 1}</span><span class="t" dir="auto">{"".join(out)}</span></div>'
        )
    return "".join(rows)


def _front_matter_lines(text: str) -> int:
    """How many lines the YAML front matter (with its fences) takes, shown dimmed."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r") != "---":
        return 0
    for n, line in enumerate(lines[1:], 2):
        if line.rstrip("\r") in ("---", "..."):
            return n
    return 0


def _mark(spans: list[_Span], segment: str, by_id: Mapping[str, Violation]) -> str:
    top = max(spans, key=lambda s: SEVERITY_RANK.get(s.severity, 0)).severity
    codes = " ".join(dict.fromkeys(s.code for s in spans))
    title = "\n".join(_title(by_id[s.vid]) for s in spans)
    multi = " multi" if len(spans) > 1 else ""
    return (
        f'<mark class="hl s-{top}{multi}" data-ids="{" ".join(s.vid for s in spans)}" '
        f'data-code="{escape(codes)}" data-severity="{escape(top)}" title="{escape(title)}" '
        f'tabindex="0" role="button">{_text(segment, True)}</mark>'
    )


def _title(v: Violation) -> str:
    return f"{SEVERITY_LABELS.get(v.severity, v.severity)} {v.code} {v.name}: {v.message}"


def _text(segment: str, marked: bool) -> str:
    """Escaped text; invisible and control characters become U+XXXX badges, CR is dropped."""
    segment = segment.replace("\r", "")
    if marked and segment and _JOINERS.match(segment):
        return "".join(_badge(ch) for ch in segment)
    out = []
    last = 0
    for match in _INVISIBLE.finditer(segment):
        out.append(escape(segment[last : match.start()]))
        out.append(_badge(match.group()))
        last = match.end()
    out.append(escape(segment[last:]))
    return "".join(out)


def _badge(ch: str) -> str:
    code = f"U+{ord(ch):04X}"
    return f'<span class="cp" title="{escape(code + " " + unicodedata.name(ch, ""))}">{code}</span>'
