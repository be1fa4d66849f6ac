"""A single self-contained HTML report for people who review copy rather than read logs.

Every post is shown with its findings highlighted in place; filters, a details panel and a
repetition grid help a marketing lead decide what to fix first. The file loads nothing from
the network. All text from posts is escaped, the data for the script travels as JSON with
`<`, `>` and `&` escaped, and a Content-Security-Policy allows only this file's own script and
style (by hash), so a post that contains `<script>` can neither run it nor load anything.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from html import escape
from typing import Any

from contentlint._version import __version__
from contentlint.formatters.options import RenderOptions
from contentlint.model.explain import explain, short_description
from contentlint.model.report import PostInfo, Report
from contentlint.model.rulespec import RuleSpec
from contentlint.model.violation import SEVERITIES, SEVERITY_RANK, Violation

REPETITION_CODES = ("RP001", "RP002")
SEVERITY_LABELS = {"error": "\u2716 Error", "warning": "\u25b2 Warning", "suggestion": "\u25cf Suggestion"}
# Characters a reader cannot see (controls, zero-width, bidi) are shown as a visible U+XXXX badge.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
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


def render(report: Report, rules: Mapping[str, RuleSpec], options: RenderOptions = RenderOptions()) -> str:
    posts = _all_posts(report)
    anchors = {post.path: f"post-{i}" for i, post in enumerate(posts, 1)}
    ids = {id(v): f"v{i}" for i, v in enumerate(report.violations, 1)}
    by_path: dict[str, list[Violation]] = defaultdict(list)
    for v in report.violations:
        by_path[v.path].append(v)
    body = [
        _header(report, posts),
        _summary(report, posts, rules),
        _repetition(report, posts, anchors),
        _errors(report),
        _workspace(report, posts, by_path, ids, anchors, rules),
    ]
    data = _data(report, posts, ids, anchors, rules)
    return _page("".join(body), data)


# --- page -----------------------------------------------------------------------------------


def _page(body: str, data: Mapping[str, Any]) -> str:
    csp = (
        "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
        f"script-src '{_hash(SCRIPT)}'; style-src '{_hash(STYLE)}'"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>contentlint report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"{body}\n"
        f'<script type="application/json" id="cl-data">{_json_for_script(data)}</script>\n'
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def _hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()


def _json_for_script(data: Mapping[str, Any]) -> str:
    """JSON that cannot close its <script> element or open a comment inside it."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _all_posts(report: Report) -> list[PostInfo]:
    """Checked posts, plus a text-less stand-in for any path known only from a violation."""
    posts = list(report.posts)
    known = {p.path for p in posts}
    for v in report.violations:
        if v.path not in known:
            known.add(v.path)
            posts.append(PostInfo(v.path, (), (), None, "", ""))
    return posts


def _data(
    report: Report,
    posts: list[PostInfo],
    ids: Mapping[int, str],
    anchors: Mapping[str, str],
    rules: Mapping[str, RuleSpec],
) -> dict[str, Any]:
    texts = {p.path: p.text for p in posts}
    violations = []
    for v in report.violations:
        item = v.to_dict()
        item["id"] = ids[id(v)]
        if v.fix is not None:
            item["fix"]["original"] = texts.get(v.path, "")[v.fix.start : v.fix.end]
        item["anchor"] = anchors.get(v.path, "")
        for related in item["related"]:
            related["anchor"] = anchors.get(related["path"], "")
        violations.append(item)
    used = {v.code for v in report.violations}
    return {
        "violations": violations,
        "rules": {
            code: {
                "name": s.name,
                "category": s.category,
                "severity": s.severity,
                "short": short_description(s),
                "description": s.description.strip(),
                "explain": explain(s),
                "fixable": s.fixable,
            }
            for code, s in rules.items()
            if code in used
        },
    }


# --- header, summary, errors ----------------------------------------------------------------


def _header(report: Report, posts: list[PostInfo]) -> str:
    counts = report.summary
    badges = "".join(
        f'<li class="count s-{sev}"><span class="sev s-{sev}">{SEVERITY_LABELS[sev]}s</span> '
        f"<strong>{counts[sev]}</strong></li>"
        for sev in SEVERITIES
    )
    problems = ""
    if report.errors:
        n = len(report.errors)
        problems = (
            f'<p class="alert" role="alert"><a href="#errors">{n} file{"s" if n != 1 else ""}'
            " could not be checked</a>; see the end of the report.</p>"
        )
    verdict = (
        "No findings: every post is ready to publish."
        if not report.violations
        else f"{len(report.violations)} findings in {len({v.path for v in report.violations})} of {len(posts)} posts."
    )
    return (
        '<header class="top"><h1>contentlint report</h1>'
        f'<p class="meta">{report.files_checked} file{"s" if report.files_checked != 1 else ""} '
        f"checked \u00b7 contentlint {escape(__version__)}</p>"
        f'<p class="verdict">{escape(verdict)}</p><ul class="counts">{badges}</ul>{problems}'
        '<nav aria-label="Sections"><a href="#summary">Summary</a> <a href="#posts">Posts</a> '
        '<a href="#repetition">Repetition</a> <a href="#errors">Errors</a></nav></header>\n'
    )


def _summary(report: Report, posts: list[PostInfo], rules: Mapping[str, RuleSpec]) -> str:
    per_rule: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    rule_posts: dict[str, set[str]] = defaultdict(set)
    for v in report.violations:
        per_rule[v.code][v.severity] += 1
        names[v.code] = v.name
        rule_posts[v.code].add(v.path)
    rows = []
    for code in sorted(per_rule, key=lambda c: (-sum(per_rule[c].values()), c)):
        spec = rules.get(code)
        category = escape(spec.category) if spec else ""
        cells = "".join(f'<td class="num">{per_rule[code][s] or ""}</td>' for s in SEVERITIES)
        rows.append(
            f'<tr><th scope="row"><code>{escape(code)}</code> {escape(names[code])}</th>'
            f'<td>{category}</td>{cells}<td class="num"><strong>{sum(per_rule[code].values())}</strong></td>'
            f'<td class="num">{len(rule_posts[code])}</td></tr>'
        )
    head = "".join(f'<th scope="col" class="num">{SEVERITY_LABELS[s]}s</th>' for s in SEVERITIES)
    rule_table = (
        '<table><caption>Findings by rule</caption><thead><tr><th scope="col">Rule</th>'
        f'<th scope="col">Category</th>{head}<th scope="col" class="num">Total</th>'
        '<th scope="col" class="num">Posts</th></tr></thead><tbody>'
        + ("".join(rows) or '<tr><td colspan="7">No findings.</td></tr>')
        + "</tbody></table>"
    )
    return (
        '<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>'
        f'<div class="tables">{rule_table}{_channel_table(report, posts)}</div></section>\n'
    )


def _channel_table(report: Report, posts: list[PostInfo]) -> str:
    """A post going to two channels counts for both: each channel's team sees its whole load."""
    channels_of = {p.path: (p.channels or ("(none)",)) for p in posts}
    stats: dict[str, Counter[str]] = defaultdict(Counter)
    for post in posts:
        for channel in channels_of[post.path]:
            stats[channel]["posts"] += 1
    flagged: dict[str, set[str]] = defaultdict(set)
    for v in report.violations:
        for channel in channels_of.get(v.path, ("(none)",)):
            stats[channel][v.severity] += 1
            flagged[channel].add(v.path)
    rows = "".join(
        f'<tr><th scope="row">{escape(ch)}</th><td class="num">{stats[ch]["posts"]}</td>'
        f'<td class="num">{len(flagged[ch])}</td>'
        + "".join(f'<td class="num">{stats[ch][s] or ""}</td>' for s in SEVERITIES)
        + "</tr>"
        for ch in sorted(stats)
    )
    head = "".join(f'<th scope="col" class="num">{SEVERITY_LABELS[s]}s</th>' for s in SEVERITIES)
    return (
        '<table><caption>Findings by channel</caption><thead><tr><th scope="col">Channel</th>'
        '<th scope="col" class="num">Posts</th><th scope="col" class="num">With findings</th>'
        f"{head}</tr></thead><tbody>{rows or '<tr><td colspan=6>No posts.</td></tr>'}</tbody></table>"
    )


def _errors(report: Report) -> str:
    if not report.errors:
        return (
            '<section id="errors" aria-labelledby="errors-h"><h2 id="errors-h">Errors</h2>'
            "<p>Every file could be read.</p></section>\n"
        )
    rows = "".join(
        f'<tr><th scope="row"><code>{escape(e.path)}</code></th><td>{escape(e.message)}</td></tr>'
        for e in report.errors
    )
    return (
        '<section id="errors" aria-labelledby="errors-h"><h2 id="errors-h">Errors</h2>'
        "<p>These files could not be checked; fix them and run contentlint again.</p>"
        '<table class="errors"><thead><tr><th scope="col">File</th><th scope="col">Problem</th>'
        f"</tr></thead><tbody>{rows}</tbody></table></section>\n"
    )


# --- repetition grid ------------------------------------------------------------------------


def _week(when: date | None) -> str:
    if when is None:
        return "no date"
    year, week, _ = when.isocalendar()
    return f"{year:04d}-W{week:02d}"  # fixed width: keys sort as dates and parse back by position


def _week_label(key: str) -> str:
    if key == "no date":
        return "No date"
    monday = date.fromisocalendar(int(key[:4]), int(key[6:]), 1)
    sunday = monday + timedelta(days=6) if monday <= date.max - timedelta(days=6) else date.max
    return f"{key}<br><small>{monday:%d %b}\u2013{sunday:%d %b}</small>"


def _weeks(keys: Iterable[str]) -> list[str]:
    """Occupied ISO weeks, with the gaps between them filled when the span is short."""
    dated = sorted(k for k in set(keys) if k != "no date")
    columns = dated
    if dated:
        first = date.fromisocalendar(int(dated[0][:4]), int(dated[0][6:]), 1)
        last = date.fromisocalendar(int(dated[-1][:4]), int(dated[-1][6:]), 1)
        if (last - first).days <= 7 * 12:
            columns = [_week(first + timedelta(weeks=i)) for i in range((last - first).days // 7 + 1)]
    return columns + (["no date"] if "no date" in keys else [])


def _repetition(report: Report, posts: list[PostInfo], anchors: Mapping[str, str]) -> str:
    pairs = [(v, r) for v in report.violations if v.code in REPETITION_CODES for r in v.related]
    title = '<section id="repetition" aria-labelledby="rep-h"><h2 id="rep-h">Repetition</h2>'
    if not pairs:
        return title + "<p>No post repeats another one to the same audience.</p></section>\n"
    info = {p.path: p for p in posts}
    parent: dict[str, str] = {}

    def root(path: str) -> str:
        while parent.setdefault(path, path) != path:
            path = parent[path]
        return path

    for v, r in pairs:
        parent[root(v.path)] = root(r.path)
    groups: dict[str, int] = {}
    for path in parent:
        groups.setdefault(root(path), len(groups))
    group_of = {path: groups[root(path)] for path in parent}
    repeats: dict[str, list[str]] = defaultdict(list)
    for v, r in pairs:
        repeats[v.path].append(r.path)

    cells: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for path in sorted(group_of, key=lambda p: (group_of[p], p)):
        post = info.get(path)
        when = post.publish_at if post else None
        for audience in post.audiences if post and post.audiences else ("(no audience)",):
            for channel in post.channels if post and post.channels else ("(no channel)",):
                cells[(audience, channel, _week(when))].append(path)
    weeks = _weeks(k[2] for k in cells)
    rows = sorted({(a, c) for a, c, _ in cells})
    head = "".join(f'<th scope="col">{_week_label(w)}</th>' for w in weeks)
    body = []
    for audience, channel in rows:
        tds = "".join(
            "<td>"
            + "".join(_chip(p, group_of[p], repeats.get(p, []), anchors) for p in cells.get((audience, channel, w), []))
            + "</td>"
            for w in weeks
        )
        body.append(f'<tr><th scope="row">{escape(audience)}</th><th scope="row">{escape(channel)}</th>{tds}</tr>')
    listing = "".join(
        f'<li><span class="group g{group_of[v.path] % 6}">{_letter(group_of[v.path])}</span> '
        f'<a href="#{anchors.get(v.path, "")}">{escape(v.path)}</a> repeats '
        f'<a href="#{anchors.get(r.path, "")}">{escape(r.path)}</a> '
        f"(<code>{escape(v.code)}</code>, {escape(v.severity)}): {escape(v.message)}</li>"
        for v, r in pairs
    )
    return (
        title + "<p>Posts that repeat each other, by the audience and channel they reach and the "
        "ISO week they go out. Posts with the same letter are one group of near-duplicates; "
        "\u2192 names the post a post repeats.</p>"
        '<div class="scroll"><table class="grid"><caption>Audience \u00d7 channel \u00d7 week</caption>'
        f'<thead><tr><th scope="col">Audience</th><th scope="col">Channel</th>{head}</tr></thead>'
        f'<tbody>{"".join(body)}</tbody></table></div><ul class="pairs">{listing}</ul></section>\n'
    )


def _letter(group: int) -> str:
    return chr(ord("A") + group % 26) + ("" if group < 26 else str(group // 26))


def _chip(path: str, group: int, repeats: list[str], anchors: Mapping[str, str]) -> str:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    target = "".join(f" \u2192 {escape(r.replace(chr(92), '/').rsplit('/', 1)[-1])}" for r in repeats)
    tip = f"{path} repeats {', '.join(repeats)}" if repeats else f"{path} is repeated"
    return (
        f'<a class="chip g{group % 6}" href="#{anchors.get(path, "")}" title="{escape(tip)}">'
        f'<span class="group">{_letter(group)}</span> {escape(name)}{target}</a>'
    )


# --- posts ----------------------------------------------------------------------------------


def _workspace(
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
        return f"{value:%a %d %b %Y, %H:%M}{offset} \u00b7 week {_week(value.date())}"
    if isinstance(value, date):
        return f"{value:%a %d %b %Y} \u00b7 week {_week(value)}"
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


STYLE = """
:root{--ink:#1c1e21;--muted:#4a4f57;--bg:#f4f5f7;--card:#fff;--line:#d5d9df;
--err:#b3261e;--err-bg:#fde0dd;--warn:#8a4600;--warn-bg:#ffefc2;--sug:#1d56b8;--sug-bg:#dce8fb;
--ok:#1f6b33;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Bengali",sans-serif;
color:var(--ink);background:var(--bg);line-height:1.5}
body{margin:0}[hidden]{display:none!important}
header.top,section{max-width:1500px;margin:0 auto;padding:0 24px}
header.top{padding-top:20px}h1{margin:0;font-size:1.7rem}h2{font-size:1.3rem;margin:28px 0 10px;
border-bottom:2px solid var(--line);padding-bottom:4px}h3{font-size:1rem;margin:0 0 6px}
.meta,.when,.loc,.hint,.status{color:var(--muted)}.meta{margin:2px 0}.verdict{font-size:1.1rem;margin:8px 0}
.counts{display:flex;gap:10px;list-style:none;padding:0;margin:8px 0;flex-wrap:wrap}
.count{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:6px 12px}
.count strong{font-size:1.2rem;margin-left:4px}
nav a{margin-right:14px;color:var(--sug)}
.alert{background:var(--err-bg);border-left:4px solid var(--err);padding:8px 12px;border-radius:4px}
.alert a{color:var(--err);font-weight:600}
.sev{display:inline-block;color:#fff;border-radius:4px;padding:0 6px;font-size:.8rem;font-weight:600;white-space:nowrap}
.sev.s-error{background:var(--err)}.sev.s-warning{background:var(--warn)}.sev.s-suggestion{background:var(--sug)}
.tables{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
table{border-collapse:collapse;background:var(--card);border:1px solid var(--line);font-size:.9rem}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid var(--line);padding:4px 10px;text-align:left;vertical-align:top}
thead th{background:#eceef2}.num{text-align:right}
.work{display:grid;grid-template-columns:300px minmax(0,1fr) 330px;gap:18px;align-items:start}
@media (max-width:1100px){.work{grid-template-columns:1fr}}
.filters,#details{position:sticky;top:10px;background:var(--card);border:1px solid var(--line);
border-radius:8px;padding:12px;max-height:calc(100vh - 20px);overflow:auto;font-size:.9rem}
fieldset{border:1px solid var(--line);border-radius:6px;margin:10px 0;padding:6px 8px}
legend{font-weight:600}fieldset label{display:block;margin:3px 0}
.rule{display:flex;justify-content:space-between;gap:4px;align-items:center;font-size:.85rem}
.rule label{flex:1;min-width:0;margin:1px 0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.filters{overflow-x:hidden}.n{color:var(--muted);font-size:.85em}
button{font:inherit;font-size:.8rem;border:1px solid var(--line);background:#f7f8fa;border-radius:4px;
padding:1px 8px;cursor:pointer;color:var(--ink)}button:hover{background:#e9ecf1}
.legend{list-style:none;padding:0;margin:0}.legend li{margin:4px 0}
.post{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:0 0 16px}
.post h3 code{font-size:1rem}.badge{font-size:.8rem;font-weight:600;border-radius:10px;padding:1px 8px;
background:#eceef2;margin-left:6px}.badge.ok{background:#dff3e4;color:var(--ok)}
.tags{list-style:none;padding:0;margin:0 0 2px;display:flex;gap:6px;flex-wrap:wrap}
.tags li{font-size:.8rem;border-radius:10px;padding:0 8px;border:1px solid var(--line)}
.chip-channel{background:#eef2ff}.chip-channel::before{content:"channel: ";color:var(--muted)}
.chip-audience{background:#f1f8ee}.chip-audience::before{content:"audience: ";color:var(--muted)}
.when{margin:0 0 8px;font-size:.85rem}
.src{border:1px solid var(--line);border-radius:6px;background:#fcfcfd;padding:6px 0;font-size:1rem}
.l{display:flex}.l .n{flex:0 0 2.6em;text-align:right;padding-right:10px;color:#6b7079;
font-size:.75rem;user-select:none;line-height:1.9}
.l .t{white-space:pre-wrap;overflow-wrap:anywhere;flex:1;line-height:1.9;padding-right:8px}
.l.fm .t{color:#5d626a;font-size:.85rem}
mark.hl{color:inherit;padding:1px 0;cursor:pointer;text-decoration-line:underline;
text-decoration-thickness:2px;text-underline-offset:4px;unicode-bidi:isolate}
mark.s-error{background:var(--err-bg);text-decoration-color:var(--err);text-decoration-style:solid}
mark.s-warning{background:var(--warn-bg);text-decoration-color:var(--warn);text-decoration-style:wavy}
mark.s-suggestion{background:var(--sug-bg);text-decoration-color:var(--sug);text-decoration-style:dotted}
mark.multi{background-image:linear-gradient(rgba(0,0,0,.09),rgba(0,0,0,.09))}
mark.sample{cursor:default;padding:0 4px;border-radius:3px}
mark.off{background:none;text-decoration:none;cursor:text}
mark.sel{background-image:none;background-color:#ffd23f;text-decoration-color:var(--ink)}
mark.hl:focus-visible,li.finding:focus-visible{outline:3px solid #000;outline-offset:2px}
sup.ref{font-size:.7rem;font-weight:700;margin:0 1px}sup.ref a{text-decoration:none;color:var(--muted)}
sup.ref.s-error a{color:var(--err)}sup.ref.s-warning a{color:var(--warn)}sup.ref.s-suggestion a{color:var(--sug)}
.cp{font-size:.7em;border:1px dashed var(--muted);border-radius:3px;padding:0 2px;margin:0 1px;color:var(--muted)}
ol.findings{margin:10px 0 0;padding-left:2.2em}
li.finding{margin:6px 0;padding:6px 8px;border-left:4px solid var(--line);border-radius:4px;cursor:pointer}
li.finding.s-error{border-left-color:var(--err)}li.finding.s-warning{border-left-color:var(--warn)}
li.finding.s-suggestion{border-left-color:var(--sug)}li.finding.sel{background:#eef1f6}
li.finding::marker{font-weight:700;color:var(--muted)}
.finding p{margin:2px 0}.fix{color:var(--ok)}.related{margin:2px 0;padding-left:1.2em;font-size:.9rem}
.loc{font-size:.85rem;margin-left:4px}
#details .loc{display:block;margin:0}#details .entry{border-top:1px solid var(--line);padding-top:8px;margin-top:8px}
#details h4{margin:8px 0 2px;font-size:.9rem}#details pre{white-space:pre-wrap;font-size:.8rem;
background:#f6f7f9;padding:6px;border-radius:4px}#details p{margin:4px 0}
.scroll{overflow-x:auto}.grid td{min-width:140px}
.chip{display:block;margin:2px 0;padding:1px 6px;border-radius:4px;text-decoration:none;color:var(--ink);
font-size:.85rem;border:1px solid var(--line)}
.group{display:inline-block;font-weight:700;border-radius:3px;padding:0 5px;color:#fff;background:#3d4350}
.g0 .group,.group.g0{background:#7b2d8e}.g1 .group,.group.g1{background:#0b6e4f}.g2 .group,.group.g2{background:#a23b12}
.g3 .group,.group.g3{background:#1d56b8}.g4 .group,.group.g4{background:#6b5800}.g5 .group,.group.g5{background:#9e1f52}
.chip.g0{background:#f5ecf8}.chip.g1{background:#e7f5ef}.chip.g2{background:#fbeee7}.chip.g3{background:#e9f0fb}
.chip.g4{background:#f7f3df}.chip.g5{background:#fbe9f0}
.pairs{font-size:.9rem}.errors th{font-weight:400}.clean{display:block;margin-top:6px}
@media print{.filters,#details,nav{display:none}.work{display:block}}
"""

SCRIPT = """
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("cl-data").textContent);
  const byId = new Map(data.violations.map((v) => [v.id, v]));
  const RANK = {suggestion: 1, warning: 2, error: 3};
  const LABEL = {error: "\\u2716 Error", warning: "\\u25b2 Warning", suggestion: "\\u25cf Suggestion"};
  const boxes = (kind) => Array.from(document.querySelectorAll('input[data-filter="' + kind + '"]'));
  const showClean = document.getElementById("show-clean");
  const status = document.getElementById("status");
  const panel = document.getElementById("details-body");
  let visible = () => true;

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function title(v) { return (LABEL[v.severity] || v.severity) + " " + v.code + " " + v.name + ": " + v.message; }

  function apply() {
    const sev = new Set(boxes("severity").filter((b) => b.checked).map((b) => b.value));
    const rules = new Set(boxes("rule").filter((b) => b.checked).map((b) => b.value));
    visible = (id) => { const v = byId.get(id); return !!v && sev.has(v.severity) && rules.has(v.code); };
    let shownFindings = 0, shownPosts = 0, hiddenClean = 0;
    document.querySelectorAll("li.finding").forEach((li) => {
      li.hidden = !visible(li.dataset.id);
      if (!li.hidden) shownFindings += 1;
    });
    document.querySelectorAll("sup.ref[data-id]").forEach((s) => { s.hidden = !visible(s.dataset.id); });
    document.querySelectorAll("mark.hl[data-ids]").forEach((m) => {
      const ids = m.dataset.ids.split(" ").filter(visible);
      const off = ids.length === 0;
      m.classList.toggle("off", off);
      m.classList.remove("s-error", "s-warning", "s-suggestion");
      m.classList.toggle("multi", ids.length > 1);
      m.tabIndex = off ? -1 : 0;
      if (off) { m.removeAttribute("title"); m.removeAttribute("role"); return; }
      const top = ids.map((id) => byId.get(id).severity).sort((a, b) => RANK[b] - RANK[a])[0];
      m.classList.add("s-" + top);
      m.setAttribute("role", "button");
      m.title = ids.map((id) => title(byId.get(id))).join("\\n");
    });
    document.querySelectorAll("article.post").forEach((post) => {
      const any = post.querySelector("li.finding:not([hidden])") !== null;
      post.hidden = !any && !showClean.checked;
      if (any) shownPosts += 1; else if (post.hidden) hiddenClean += 1;
    });
    status.textContent = "Showing " + shownFindings + " of " + byId.size + " findings in " + shownPosts +
      " post" + (shownPosts === 1 ? "" : "s") +
      (hiddenClean ? "; " + hiddenClean + " post" + (hiddenClean === 1 ? "" : "s") +
       " without matching findings hidden." : ".");
  }

  const marksOf = (id) => Array.from(document.querySelectorAll('mark.hl[data-ids~="' + id + '"]'));
  const size = (id) => marksOf(id).reduce((n, m) => n + m.textContent.length, 0);

  function select(ids) {
    // The narrowest finding is the one the reader pointed at; wider ones (a long sentence) follow.
    ids = ids.slice().sort((a, b) => size(a) - size(b));
    document.querySelectorAll(".sel:not(.sample)").forEach((n) => n.classList.remove("sel"));
    panel.textContent = "";
    if (ids.length) marksOf(ids[0]).forEach((m) => m.classList.add("sel"));
    ids.forEach((id) => {
      const v = byId.get(id);
      if (!v) return;
      const li = document.getElementById(id);
      if (li) li.classList.add("sel");
      const rule = data.rules[v.code] || {};
      const entry = el("div", "entry");
      entry.dataset.id = id;
      const head = el("p");
      head.append(el("span", "sev s-" + v.severity, LABEL[v.severity] || v.severity), " ",
                  el("code", "", v.code), " ", el("strong", "", v.name));
      const loc = el("a", "loc", v.path + ", line " + v.line + ", column " + v.column);
      loc.href = "#" + id;
      entry.append(head, el("p", "msg", v.message), loc);
      if (v.fix) {
        const q = (t) => "\\u201c" + t + "\\u201d";
        entry.append(el("p", "fix", "Suggested fix: " + (!v.fix.replacement ? "delete the highlighted text"
          : v.fix.original ? "replace " + q(v.fix.original) + " with " + q(v.fix.replacement)
          : "insert " + q(v.fix.replacement))));
      }
      v.related.forEach((r) => {
        const p = el("p", "related", "Related: ");
        const a = el("a", "", r.path + ", line " + r.line);
        if (r.anchor) a.href = "#" + r.anchor;
        p.append(a, " \\u2014 " + r.message);
        entry.append(p);
      });
      if (rule.description) entry.append(el("h4", "", "Why it matters"), el("p", "why", rule.description));
      if (rule.explain) {
        const more = el("details");
        more.append(el("summary", "", "Rule reference"), el("pre", "", rule.explain));
        entry.append(more);
      }
      panel.append(entry);
    });
    if (!panel.childNodes.length) panel.append(el("p", "hint", "Nothing selected."));
  }

  document.addEventListener("change", (e) => { if (e.target.matches("input[type=checkbox]")) apply(); });
  document.addEventListener("click", (e) => {
    const button = e.target.closest("button[data-action]");
    if (button) {
      const action = button.dataset.action;
      boxes("rule").forEach((b) => { b.checked = action === "all" || (action === "only" && b.value === button.value); });
      if (action === "only") boxes("severity").forEach((b) => { b.checked = true; });
      apply();
      return;
    }
    const mark = e.target.closest("mark.hl[data-ids]:not(.off)");
    if (mark) { select(mark.dataset.ids.split(" ").filter((id) => visible(id))); return; }
    const ref = e.target.closest("sup.ref");
    if (ref) { select([ref.dataset.id]); return; }
    const li = e.target.closest("li.finding");
    if (li && !e.target.closest("a")) {
      select([li.dataset.id]);
      const first = document.querySelector('mark.hl[data-ids~="' + li.dataset.id + '"]');
      if (first) first.scrollIntoView({block: "nearest"});
    }
  });
  document.addEventListener("keydown", (e) => {
    if ((e.key === "Enter" || e.key === " ") && e.target.matches("mark.hl, li.finding")) {
      e.preventDefault();
      e.target.click();
    }
  });
  apply();
})();
"""
