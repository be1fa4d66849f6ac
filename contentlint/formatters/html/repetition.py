"""The repetition grid: posts that repeat each other, by audience, channel and ISO week."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from html import escape

from contentlint.formatters.html.common import week
from contentlint.model.report import PostInfo, Report

REPETITION_CODES = ("RP001", "RP002")


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
            columns = [week(first + timedelta(weeks=i)) for i in range((last - first).days // 7 + 1)]
    return columns + (["no date"] if "no date" in keys else [])


def repetition(report: Report, posts: list[PostInfo], anchors: Mapping[str, str]) -> str:
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
                cells[(audience, channel, week(when))].append(path)
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
