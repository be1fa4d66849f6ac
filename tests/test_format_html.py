"""The HTML report: one offline file, everything escaped, highlights that survive overlaps.

`sample_report()` and `SAMPLE_RULES` here are also used by the other formatter tests: a
realistic run with English and Bengali posts, overlapping findings, fixes, a cross-channel
repeat, file errors and hostile text.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from contentlint.formatters import html as html_format
from contentlint.model.report import PostInfo, Report
from contentlint.model.rulespec import RuleSpec
from contentlint.model.violation import FileError, Fix, Related, Violation

IST = timezone(timedelta(hours=5, minutes=30))
BST = timezone(timedelta(hours=6))


def _rule(code: str, name: str, category: str, severity: str, description: str, **kw) -> RuleSpec:
    return RuleSpec(
        code=code,
        name=name,
        kind="existence",
        category=category,
        severity=severity,
        message="{match}",
        description=description,
        **kw,
    )


SAMPLE_RULES: dict[str, RuleSpec] = {
    r.code: r
    for r in [
        _rule(
            "BR001",
            "brand-name-casing",
            "brand",
            "error",
            "The brand name spelled or cased wrongly. A brand that misspells itself looks careless.",
            fixable=True,
            options={"name": "InkWell"},
            examples_fail=("Try Inkwell pens.",),
            examples_pass=("Try InkWell pens.",),
        ),
        _rule(
            "BR002",
            "deprecated-term",
            "brand",
            "warning",
            "A term the brand has replaced, e.g. cheap. Readers notice when the words drift.",
            fixable=True,
            options={"prefer": {"cheap": "affordable"}},
        ),
        _rule(
            "BR007",
            "unsubstantiated-claim",
            "brand",
            "warning",
            "Claims like best or guaranteed without a source. Advertising codes require proof.",
        ),
        _rule(
            "BR008",
            "missing-terms-note",
            "brand",
            "warning",
            "An asterisked offer with no terms line. The asterisk promises small print.",
        ),
        _rule(
            "BV003",
            "wordy-phrase",
            "brevity",
            "suggestion",
            "Phrases with a shorter equivalent. Every character counts on social.",
            fixable=True,
        ),
        _rule(
            "CL002",
            "long-sentence",
            "clarity",
            "warning",
            "Sentences over the word limit. Long sentences lose readers on small screens.",
            options={"max_words": 12},
        ),
        _rule(
            "CL004",
            "weasel-word",
            "clarity",
            "suggestion",
            "Hedges and fillers such as very and really. They weaken the claim they decorate.",
            options={
                "tokens": [
                    "very",
                    "really",
                    "quite",
                    "basically",
                    "actually",
                    "just",
                    "totally",
                    "literally",
                    "simply",
                    "truly",
                ]
            },
        ),
        _rule(
            "CL006",
            "shouting",
            "clarity",
            "warning",
            "Words in ALL CAPS and runs of exclamation marks. They read as shouting.",
        ),
        _rule(
            "AX002",
            "emoji-overuse",
            "accessibility",
            "warning",
            "Too many emoji or emoji runs. Screen readers read every one aloud.",
        ),
        _rule(
            "AX004",
            "invisible-character",
            "accessibility",
            "warning",
            "Zero-width and bidi control characters. They break search and can hide text.",
        ),
        _rule(
            "HT003",
            "banned-hashtag",
            "hashtags",
            "error",
            "A hashtag on the banned list. Some tags get posts hidden or look spammy.",
        ),
        _rule(
            "HT004",
            "hashtag-casing",
            "hashtags",
            "suggestion",
            "Multi-word hashtags not in PascalCase. Screen readers read #backtoschool as one word.",
            fixable=True,
        ),
        _rule(
            "HT007",
            "broken-hashtag",
            "hashtags",
            "warning",
            "Text that looks like a hashtag but is not one on the channel.",
        ),
        _rule(
            "RP001",
            "cross-channel-repeat",
            "repetition",
            "warning",
            "Near-duplicate content sent to an overlapping audience on another channel within the "
            "window. Followers on both channels see the same thing twice.",
        ),
        _rule(
            "RP002",
            "repeated-post",
            "repetition",
            "error",
            "Near-identical content on the same channel within the window. X rejects exact repeats.",
        ),
        _rule("CL003", "passive-voice", "clarity", "suggestion", "Passive constructions.", enabled=False),
        _rule("HT001", "too-many-hashtags", "hashtags", "warning", "More hashtags than the channel allows."),
    ]
}

HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(2)>'

P1 = PostInfo(
    "posts/instagram/back-to-school.md",
    ("instagram",),
    ("students",),
    datetime(2026, 12, 1, 10, 0, tzinfo=IST),
    "en",
    "---\nchannel: instagram\naudience: students\npublish_at: 2026-12-01T10:00:00+05:30\n---\n"
    "Exams are coming!!! Inkwell gel pens are really the best pens, guaranteed.\n"
    "In order to keep notes clean, grab a cheap refill. Write\u200bfaster.\n"
    f"{HOSTILE}\n"
    "#backtoschool #followforfollow #BackToSchool\n",
)
P2 = PostInfo(
    "posts/x/exam-tips.md",
    ("x",),
    ("students",),
    datetime(2026, 12, 3, 18, 0, tzinfo=IST),
    "en",
    "---\nchannel: x\naudience: students\n---\n"
    "Exams are coming! InkWell gel pens dry in a second, so your notes stay clean.\n",
)
P3 = PostInfo(
    "posts/facebook/eid-offer.md",
    ("facebook", "instagram"),
    ("students", "professionals"),
    datetime(2026, 12, 8, 9, 30, tzinfo=BST),
    "bn",
    "---\nchannels: [facebook, instagram]\naudience: [students, professionals]\nlang: bn\n---\n"
    "ঈদের এক্সক্লুসিভ অফার! সব কলম ₹1600* থেকে শুরু। 🖊️✨🎉🎉 Inkwell এর সাথে লিখুন।\n"
    "#ঈদসেল #InkWell\n",
)
P4 = PostInfo(
    "posts/linkedin/new range launch.md",
    ("linkedin",),
    ("professionals",),
    datetime(2026, 12, 10, 8, 0, tzinfo=IST),
    "en",
    "---\nchannel: linkedin\naudience: professionals\n---\n"
    "Our refillable InkWell pens now come in six colours. Smooth ink flow, lasting quality.\n",
)
P5 = PostInfo(
    "posts/x/exam-tips-again.md",
    ("x",),
    ("students",),
    datetime(2026, 12, 14, 9, 0, tzinfo=IST),
    "en",
    "Exams are coming! InkWell gel pens dry in a second,\x07 so your notes stay clean.\n",
)


def locate(post: PostInfo, needle: str, nth: int = 0) -> tuple[int, int, int, int, int, int]:
    """(start, end, line, column, end_line, end_column) of the nth occurrence of needle."""
    start = -1
    for _ in range(nth + 1):
        start = post.text.index(needle, start + 1)
    end = start + len(needle)

    def place(offset: int) -> tuple[int, int]:
        return post.text.count("\n", 0, offset) + 1, offset - (post.text.rfind("\n", 0, offset) + 1) + 1

    return (start, end, *place(start), *place(end))


def violation(
    post: PostInfo,
    needle: str,
    code: str,
    message: str,
    *,
    nth: int = 0,
    fix: str | None = None,
    related: tuple[Related, ...] = (),
    severity: str | None = None,
) -> Violation:
    start, end, line, column, end_line, end_column = locate(post, needle, nth)
    spec = SAMPLE_RULES[code]
    return Violation(
        post.path,
        line,
        column,
        end_line,
        end_column,
        code,
        spec.name,
        severity or spec.severity,
        message,
        None if fix is None else Fix(fix, start, end),
        related,
        start=start,
        end=end,
    )


def sample_report() -> Report:
    p1_body = locate(P1, "Exams are coming!!!")
    violations = [
        violation(P1, "!!!", "CL006", "Runs of '!!!' read as shouting."),
        violation(P1, "Inkwell", "BR001", "Write the brand as 'InkWell', not 'Inkwell'.", fix="InkWell"),
        violation(
            P1,
            "Inkwell gel pens are really the best pens, guaranteed.",
            "CL002",
            "This sentence has 9 words; keep it under 8 for students.",
        ),
        violation(P1, "really", "CL004", "'really' weakens the claim; cut it."),
        violation(P1, "the best pens, guaranteed", "BR007", "'best' and 'guaranteed' need a source or a qualifier."),
        violation(P1, "In order to", "BV003", "Say 'To' instead of 'In order to'.", fix="To"),
        violation(P1, "cheap", "BR002", "Say 'affordable' instead of 'cheap'.", fix="affordable"),
        violation(P1, "\u200b", "AX004", "A ZERO WIDTH SPACE (U+200B) hides in the text.", fix=""),
        violation(
            P1,
            "onerror=alert(2)>",
            "HT007",
            'Looks like a tag but is not: "><img src=x onerror=alert(3)> & \x1b[31m%0A\nnext',
        ),
        violation(P1, "#backtoschool", "HT004", "Write '#BackToSchool' in PascalCase.", fix="#BackToSchool"),
        violation(P1, "#followforfollow", "HT003", "'#followforfollow' is on the banned list."),
        violation(
            P2,
            "Exams are coming! InkWell gel pens dry in a second, so your notes stay clean.",
            "RP001",
            "84% the same as posts/instagram/back-to-school.md, sent to students on instagram 2 days earlier.",
            related=(Related(P1.path, p1_body[2], p1_body[3], "the earlier post on instagram for students"),),
        ),
        violation(P3, "₹1600*", "BR008", "'₹1600*' has an asterisk but no terms line (*T&C apply)."),
        violation(P3, "🎉🎉", "AX002", "4 emoji in a row; facebook readers hear each one."),
        violation(P3, "Inkwell", "BR001", "Write the brand as 'InkWell', not 'Inkwell'.", fix="InkWell"),
        violation(
            P5,
            "Exams are coming! InkWell gel pens dry in a second,\x07 so your notes stay clean.",
            "RP002",
            "Near-identical to posts/x/exam-tips.md on x 11 days earlier.",
            related=(Related(P2.path, 5, 1, "the earlier post on x"),),
        ),
    ]
    errors = [
        FileError("posts/summer sale/draft #1.md", "could not decode as UTF-8 at byte 17"),
        FileError(
            "posts/bad,name:here.md",
            "front matter: line 3: mapping values are not allowed\nhere: <b>bold</b> 100% broken",
        ),
    ]
    violations.sort(key=Violation.sort_key)
    return Report(tuple(violations), tuple(errors), files_checked=7, posts=(P1, P2, P3, P4, P5))


# --- tests ------------------------------------------------------------------------------------


class _Collector(HTMLParser):
    """Collects tags and attributes and checks that <mark> never nests."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.depth = 0
        self.nested = False
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if tag == "mark":
            self.nested |= self.depth > 0
            self.depth += 1
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self.depth -= 1
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def _parse(page: str) -> _Collector:
    parser = _Collector()
    parser.feed(page)
    parser.close()
    return parser


def test_every_violation_is_highlighted_with_code_and_severity():
    report = sample_report()
    parsed = _parse(html_format.render(report, SAMPLE_RULES))
    marks = [a for tag, a in parsed.tags if tag == "mark" and "data-ids" in a]
    assert not parsed.nested
    for number, v in enumerate(report.violations, 1):
        covering = [m for m in marks if f"v{number}" in m["data-ids"].split()]
        assert covering, v
        assert all(v.code in m["data-code"].split() for m in covering)
        assert all(m["data-severity"] in ("error", "warning", "suggestion") for m in covering)
    findings = [a for tag, a in parsed.tags if tag == "li" and "data-id" in a]
    assert {f["data-id"]: f["data-code"] for f in findings} == {
        f"v{n}": v.code for n, v in enumerate(report.violations, 1)
    }


def test_overlapping_findings_split_into_segments_carrying_all_codes():
    parsed = _parse(html_format.render(sample_report(), SAMPLE_RULES))
    codes = [set(a["data-code"].split()) for tag, a in parsed.tags if tag == "mark" and "data-ids" in a]
    assert {"CL002", "CL004"} in codes  # "really" inside the long sentence
    assert {"CL002", "BR007"} in codes  # "the best pens, guaranteed"
    assert {"CL002", "BR001"} in codes
    both = next(
        a for tag, a in parsed.tags if tag == "mark" and set(a.get("data-code", "").split()) == {"CL002", "BR001"}
    )
    assert both["data-severity"] == "error"  # the strongest of the covering findings


def test_hostile_text_is_escaped_and_only_our_scripts_exist():
    page = html_format.render(sample_report(), SAMPLE_RULES)
    assert "<script>alert" not in page
    assert "<img" not in page
    parsed = _parse(page)
    assert [t for t, _ in parsed.tags if t == "script"] == ["script", "script"]
    assert not [t for t, _ in parsed.tags if t in ("img", "iframe", "object", "embed", "link")]
    assert all(not k.startswith("on") for _, attrs in parsed.tags for k in attrs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_data_json_is_inert_inside_script_and_round_trips():
    report = sample_report()
    page = html_format.render(report, SAMPLE_RULES)
    raw = re.search(r'<script type="application/json" id="cl-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in raw and ">" not in raw and "&" not in raw
    data = json.loads(raw)
    assert [v["code"] for v in data["violations"]] == [v.code for v in report.violations]
    assert data["violations"][0]["id"] == "v1"
    brand = next(v for v in data["violations"] if v["code"] == "BR001")
    assert brand["fix"]["original"] == "Inkwell"
    assert set(data["rules"]) == {v.code for v in report.violations}


def test_self_contained_with_csp_hashes_matching_inline_code():
    page = html_format.render(sample_report(), SAMPLE_RULES)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "@import" not in page and "url(" not in page and "<link" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp
    for source in (html_format.asset("report.js"), html_format.asset("report.css")):
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert f"<script>{html_format.asset('report.js')}</script>" in page
    assert f"<style>{html_format.asset('report.css')}</style>" in page


def test_post_metadata_summary_repetition_and_errors_sections():
    page = html_format.render(sample_report(), SAMPLE_RULES)
    for text in (
        "posts/x/exam-tips.md",
        "instagram",
        "students",
        "professionals",
        "Tue 01 Dec 2026, 10:00 +05:30",
        "2026-W49",
        "2026-W50",
        "2026-W51",
        "Findings by rule",
        "Findings by channel",
        "Audience \u00d7 channel \u00d7 week",
        "could not decode as UTF-8 at byte 17",
        "posts/summer sale/draft #1.md",
        "here: &lt;b&gt;bold&lt;/b&gt; 100% broken",
        "ঈদের এক্সক্লুসিভ অফার",
        "2 files could not",
    ):
        assert text in page, text
    repetition = page[page.index('id="repetition"') : page.index('id="errors"')]
    assert "exam-tips.md \u2192 back-to-school.md" in repetition
    assert "exam-tips-again.md \u2192 exam-tips.md" in repetition
    assert repetition.count('class="chip g0"') >= 3  # one group of three posts


def test_lines_reconstruct_the_original_text():
    report = sample_report()
    page = html_format.render(report, SAMPLE_RULES)
    for post in (P2, P3, P4):
        article = page[page.index(f'data-path="{post.path}"') :]
        article = article[: article.index("</article>")]
        lines = re.findall(r'<span class="t" dir="auto">(.*?)</span></div>', article)
        text = "\n".join(_unescape_text(line) for line in lines)
        assert text + "\n" == post.text


def _unescape_text(fragment: str) -> str:
    import html

    fragment = re.sub(r"<sup class=\"ref[^>]*>.*?</sup>", "", fragment)
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_invisible_and_control_characters_are_made_visible():
    page = html_format.render(sample_report(), SAMPLE_RULES)
    assert ">U+200B</span>" in page
    assert ">U+0007</span>" in page  # BEL
    assert "\x07" not in page.split('id="cl-data"')[0]


def test_empty_report_and_violations_without_post_text():
    empty = html_format.render(Report((), (), 0), {})
    assert "No findings" in empty and 'id="show-clean" checked' in empty
    orphan = Violation("notes/other.md", 3, 2, 3, 5, "XX001", "custom-rule", "warning", "<b>x</b>", start=9, end=12)
    page = html_format.render(Report((orphan,), (), 1), {})
    assert "notes/other.md" in page and "&lt;b&gt;x&lt;/b&gt;" in page
    assert 'data-code="XX001"' in page


def test_zero_width_and_out_of_range_positions_do_not_break_rendering():
    post = PostInfo("a.md", ("x",), (), None, "en", "ab\n\ncd")
    vs = (
        Violation("a.md", 1, 1, 1, 1, "AA001", "a", "error", "empty at start", start=0, end=0),
        Violation("a.md", 2, 1, 2, 1, "AA002", "b", "warning", "empty line", start=3, end=3),
        Violation("a.md", 9, 9, 12, 1, "AA003", "c", "suggestion", "past the end", start=40, end=90),
        Violation("a.md", 3, 2, 1, 2, "AA004", "d", "suggestion", "reversed", start=5, end=1),
    )
    parsed = _parse(html_format.render(Report(vs, (), 1, (post,)), {}))
    assert not parsed.nested
    ids = " ".join(a["data-ids"] for t, a in parsed.tags if t == "mark" and "data-ids" in a).split()
    assert {"v1", "v2", "v3", "v4"} <= set(ids)


_ALPHABET = st.sampled_from(list("ab <&\n\u0995\u09cd\u09b7") + ["\U0001f389", "\u200b", "\r"])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_ALPHABET, max_size=40).map("".join),
    st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45)), max_size=6),
)
def test_any_ranges_render_without_nesting_and_keep_the_text(text, ranges):
    post = PostInfo("p.md", (), (), None, "en", text)
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def place(offset: int) -> tuple[int, int]:
        offset = min(offset, len(text))
        line = max(i for i, s in enumerate(starts) if s <= offset)
        return line + 1, offset - starts[line] + 1

    vs = tuple(
        Violation("p.md", *place(a), *place(b), f"AA{i:03d}", "r", "warning", "m", start=a, end=b)
        for i, (a, b) in enumerate(ranges)
    )
    page = html_format.render(Report(vs, (), 1, (post,)), {})
    parsed = _parse(page)
    assert not parsed.nested
    marked = {i for t, a in parsed.tags if t == "mark" and "data-ids" in a for i in a["data-ids"].split()}
    if text:
        assert marked == {f"v{i}" for i in range(1, len(vs) + 1)}
    article = page[page.index('data-path="p.md"') :]
    lines = re.findall(r'<span class="t" dir="auto">(.*?)</span></div>', article, re.S)
    shown = "\n".join(_unescape_text(line) for line in lines)
    expected = text.replace("\r", "").replace("\u200b", "U+200B")
    assert shown.replace("\u2038", "") in (expected, expected[:-1] if expected.endswith("\n") else None)
