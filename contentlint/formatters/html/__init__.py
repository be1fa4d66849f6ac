"""A single self-contained HTML report for people who review copy rather than read logs.

Every post is shown with its findings highlighted in place; filters, a details panel and a
repetition grid help a marketing lead decide what to fix first. The file loads nothing from
the network. All text from posts is escaped, the data for the script travels as JSON with
`<`, `>` and `&` escaped, and a Content-Security-Policy allows only this file's own script and
style (by hash), so a post that contains `<script>` can neither run it nor load anything.

The page is assembled here (header, summary, errors, the data for the script); `posts` draws
each post with its highlights, `repetition` the grid of near-duplicates. The style and script
are the package files `report.css` and `report.js`, inlined as they are.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Mapping
from functools import cache
from html import escape
from importlib.resources import files
from typing import Any

from contentlint._version import __version__
from contentlint.formatters.escape import json_surrogates, visible_surrogates
from contentlint.formatters.html.common import SEVERITY_LABELS
from contentlint.formatters.html.posts import workspace
from contentlint.formatters.html.repetition import repetition
from contentlint.formatters.options import RenderOptions
from contentlint.model.explain import explain, short_description
from contentlint.model.report import PostInfo, Report
from contentlint.model.rulespec import RuleSpec
from contentlint.model.violation import SEVERITIES, Violation


@cache
def asset(name: str) -> str:
    """`report.css` or `report.js` as shipped; the page inlines it and its CSP names its hash."""
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


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
        repetition(report, posts, anchors),
        _errors(report),
        workspace(report, posts, by_path, ids, anchors, rules),
    ]
    data = _data(report, posts, ids, anchors, rules)
    return visible_surrogates(_page("".join(body), data))  # a name that is not UTF-8 cannot be written


# --- page -----------------------------------------------------------------------------------


def _page(body: str, data: Mapping[str, Any]) -> str:
    style, script = asset("report.css"), asset("report.js")
    csp = (
        "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
        f"script-src '{_hash(script)}'; style-src '{_hash(style)}'"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>contentlint report</title>\n<style>{style}</style>\n</head>\n<body>\n"
        f"{body}\n"
        f'<script type="application/json" id="cl-data">{_json_for_script(data)}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def _hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()


def _json_for_script(data: Mapping[str, Any]) -> str:
    """JSON that cannot close its <script> element or open a comment inside it."""
    text = json_surrogates(json.dumps(data, ensure_ascii=False, default=str))
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
