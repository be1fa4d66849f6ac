"""Property and fuzz tests over the whole pipeline: hostile text in, no crash and sane output out.

Every rule runs (a config with brand, hashtags and audiences so the brand and audience rules are
live) on generated posts: random Unicode with astral characters, combining marks, bidi controls,
ZWJ/ZWNJ and Bengali; valid, broken and wrongly typed front matter; Markdown with code, links,
images, comments and suppression directives. What must always hold:

- no exception escapes and no rule reports an internal error;
- every violation lies inside the file (line <= lines, column <= line length + 1, end >= start);
- every fix has offsets inside the text, and applying the fixes gives text that lints again;
- JSON, SARIF, JUnit, GitHub and HTML output are well-formed for any post text and path.

Profiles: the CI run is bounded: `CI_EXAMPLES`, 235 generated inputs in all (the CLI ones hold up
to 4 files each), deadline off, about 15 s. Set `CONTENTLINT_FUZZ=1` for the heavy profile (20x:
4,700 inputs, 10-20 minutes). Inputs that ever broke the
pipeline are kept in `tests/regressions/*.md` and run by `test_regressions`.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contentlint.cli import main
from contentlint.config.load import load_config
from contentlint.fix.apply import apply_fixes
from contentlint.formatters import FORMATS as FORMAT_REGISTRY
from contentlint.formatters import RenderOptions, concise, github, html, json_format, junit, sarif
from contentlint.formatters import text as text_format
from contentlint.inputs.source import decode
from contentlint.model.report import PostInfo, Report
from contentlint.model.violation import FileError, Related, Violation
from contentlint.run import RunOptions
from contentlint.workspace import Workspace

HEAVY = os.environ.get("CONTENTLINT_FUZZ") == "1"
settings.register_profile(
    "contentlint-fuzz-ci",
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
settings.register_profile("contentlint-fuzz-heavy", parent=settings.get_profile("contentlint-fuzz-ci"))
PROFILE = settings.get_profile("contentlint-fuzz-heavy" if HEAVY else "contentlint-fuzz-ci")
SCALE = 20 if HEAVY else 1
# Generated inputs per test in the CI profile (x SCALE in the heavy one); the sum is what CI runs.
CI_EXAMPLES = {"lint_text": 120, "fix": 40, "formatters": 60, "cli": 15, "hostile": 40}


def fuzz_settings(name: str) -> settings:
    return settings(PROFILE, max_examples=CI_EXAMPLES[name] * SCALE)


REGRESSIONS = Path(__file__).parent / "regressions"
CONFIG: dict[str, Any] = {
    "brand": {
        "name": "InkWell",
        "pillars": {"smooth writing": ["smooth", "glide", "ink flow"], "lasting": ["durable", "refill"]},
        "terms": {
            "prefer": {"cheap": "affordable", "e-mail": "email", "সস্তা": "সাশ্রয়ী"},
            "avoid": {"cash cow": "slang that cheapens the brand"},
            "competitors": ["Quillco"],
        },
    },
    "hashtags": {
        "brand": ["#InkWell"],
        "approved": ["#BackToSchool", "#Stationery"],
        "banned": ["#followforfollow"],
        "require_brand_on": ["instagram", "linkedin"],
    },
    "audiences": {
        "students": {"channels": ["instagram", "x"], "max_grade": 7},
        "professionals": {"channels": ["linkedin", "x"], "max_grade": 11},
    },
}
_LINTER: list[Workspace] = []
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def linter() -> Workspace:
    """Built once: every rule on, no cache (a property test must not depend on earlier examples)."""
    if not _LINTER:
        _LINTER.append(Workspace(load_config(CONFIG), options=RunOptions(use_cache=False)))
    return _LINTER[0]


# ------------------------------------------------------------------ strategies

SPECIAL = (
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",  # zero-width, ZWNJ/ZWJ, soft hyphen
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200e",
    "\u200f",
    "\u0301",
    "\u0300",
    "\u0308\u0308\u0308",
    "\u20dd",  # combining marks
    "\U0001d412\U0001d400\U0001d40b\U0001d404",
    "\U0001d4e2\U0001d4ea",
    "ＳＡＬＥ",
    "ꜰʀᴇᴇ",
    "ⓢⓐⓛⓔ",  # fancy letters
    "👨\u200d👩\u200d👧",
    "🇮🇳",
    "1️⃣",
    "👍🏽",
    "🎉🎉🎉",
    "🖊️",
    "\U00010348",
    "\U0010fffd",  # astral, emoji
    "ক্ষ",
    "আমাদের নতুন কলম।",
    "সস্তা",
    "কি\u200cছু",
    "র\u200d্য",  # Bengali, ZWNJ/ZWJ in Indic
    "\u2028",
    "\u2029",
    "\x85",
    "\x0b",
    "\x0c",
    "\t",
    "\x1b[31m",
    "\x7f",  # odd line breaks, controls
    "<script>alert(1)</script>",
    "]]>",
    "&amp;",
    "\"'",
    "%0A::error::",
    "::",
    "%",
    "\\",
    "{match}",
    "{0}",
    "{",
)
WORDS = (
    "InkWell",
    "inkwell",
    "INKWELL",
    "Ink Well",
    "ink-well",
    "InkWell's",
    "cheap",
    "Cheap",
    "cheaper",
    "e-mail",
    "cash cow",
    "Quillco",
    "guaranteed",
    "best",
    "#1",
    "100%",
    "₹1600*",
    "*T&C apply",
    "very",
    "really",
    "synergy",
    "in order to",
    "click here",
    "was written",
    "FREE!!!",
    "WOW???",
    "pens",
    "glide",
    "smooth",
    "refill",
    "Exams",
    "are",
    "coming",
    ".",
    ",",
    "!",
    "?",
    "…",
    "—",
    "#BackToSchool",
    "#backtoschool",
    "#InkWell",
    "#followforfollow",
    "#2024",
    "#summer-sale",
    "word#tag",
    "#ad",
    "#",
    "##",
    "@inkwell",
    "@user@example.social",
    "$INK",
    "https://inkwell.in/shop?a=1&b=2",
    "www.example.com",
    "hello@inkwell.in",
    "paid partnership",
    "🙂",
    "📚",
    "✅",
    "a",
    "the",
    "our",
)
MARKUP = (
    "`code inkwell`",
    "``cheap ` tick``",
    "```\ncheap inkwell\n```\n",
    "~~~python\n#notatag\n~~~\n",
    "```",
    "[click here](https://x.y/cheap)",
    "[ref][1]",
    "[1]: https://inkwell.in\n",
    "![](img.png)",
    '![alt](a.png "t")',
    "![",
    "<!-- cheap -->",
    "<!--",
    "-->",
    "<b>bold</b>",
    "<https://a.b>",
    "# Heading\n",
    "- item\n",
    "> quote\n",
    "<!-- contentlint-disable -->",
    "<!-- contentlint-enable -->",
    "<!-- contentlint-disable BR001, HT004 -->",
    "<!-- contentlint-disable-next-line brand-name-casing -->\n",
    "<!-- contentlint-disable-next-line -->\n",
    "<!-- contentlint-enable XX999 -->",
    "\\`",
    "*emph*",
    "**strong**",
    "---\n",
    "...\n",
)
SEPARATORS = (" ", " ", " ", "", "\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "  ", "\t")

unicode_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),
    max_size=12,
)
piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    st.sampled_from(SPECIAL),
    st.sampled_from(MARKUP),
    unicode_text,
    st.tuples(st.sampled_from(WORDS + SPECIAL), st.integers(20, 400)).map(lambda pair: (pair[0] + " ") * pair[1]),
)


@st.composite
def body(draw: st.DrawFn) -> str:
    parts = draw(st.lists(piece, max_size=40))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps, strict=False))


CHANNELS = (
    "x",
    "instagram",
    "linkedin",
    "facebook",
    "threads",
    "bluesky",
    "mastodon",
    "tiktok",
    "youtube",
    "pinterest",
    "google-business",
    "myspace",
    "X",
    "",
)
scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True),
    unicode_text,
    st.sampled_from(
        (
            "2026-12-01",
            "2026-12-01T10:00:00+05:30",
            "2026-12-01T10:00:00Z",
            "1999-01-01 00:00",
            "9999-12-31T23:59:59-12:00",
            "0001-01-01",
            "2026-02-30",
            "tomorrow",
            "2026-13-01T25:61",
            "2026-12-01T10:00:00+25:00",
        )
    ),
)
value = st.recursive(
    scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(unicode_text, inner, max_size=3)),
    max_leaves=8,
)
FM_KEYS = (
    "channel",
    "channels",
    "audience",
    "audiences",
    "publish_at",
    "lang",
    "title",
    "campaign",
    "sponsored",
    "images",
    "contentlint",
    "unknown_key",
)


@st.composite
def front_matter_mapping(draw: st.DrawFn) -> dict:
    data: dict[str, Any] = {}
    for key in draw(st.lists(st.sampled_from(FM_KEYS), max_size=6, unique=True)):
        typed = {
            "channel": st.sampled_from(CHANNELS),
            "channels": st.lists(st.sampled_from(CHANNELS), max_size=3),
            "audience": st.sampled_from(("students", "professionals", "aliens", "STUDENTS")),
            "lang": st.sampled_from(("en", "bn", "en-IN", "xx", "")),
            "sponsored": st.booleans(),
            "title": st.sampled_from(WORDS + SPECIAL),
            "images": st.lists(
                st.one_of(
                    st.fixed_dictionaries({"src": unicode_text}, optional={"alt": st.one_of(unicode_text, value)}),
                    value,
                ),
                max_size=3,
            ),
            "contentlint": st.fixed_dictionaries(
                {
                    "disable": st.one_of(
                        st.lists(st.sampled_from(("HT002", "BR001", "brand-name-casing", "nope", "")), max_size=3),
                        value,
                    )
                }
            ),
        }.get(key)
        data[key] = draw(st.one_of(typed, value) if typed is not None else value)
    return data


BROKEN_YAML = (
    "channel: [x",
    "a: b: c",
    "\tchannel: x",
    "key: 'unclosed",
    "{",
    "- a\nb: c",
    "channel: x\n  bad: indent",
    "a: &x [1]\nb: *x",
    "a: !!python/object/apply:os.system ['echo pwned']",
    "a: !!binary ZZZ",
    "? [a, b]\n: c",
    "[" * 60 + "]" * 60,
    "x: " + "{a: " * 50 + "1" + "}" * 50,
    "%YAML 1.1\n---\na: 1",
    "a: 1\n---\nb: 2",
    "- just\n- a list",
    "just a scalar",
    "42",
    "~",
    "null",
    "channel: x\nchannel: y",
    "'\x85': 1",
    "publish_at: 2026-12-01T10:00:00+05:30\npublish_at: []",
)


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(("none", "valid", "valid", "broken", "raw", "unclosed")))
    newline = draw(st.sampled_from(("\n", "\r\n")))
    if kind == "none":
        return ""
    if kind == "valid":
        dumped = yaml.safe_dump(draw(front_matter_mapping()), allow_unicode=True, sort_keys=False)
    elif kind == "broken":
        dumped = draw(st.sampled_from(BROKEN_YAML)) + "\n"
    elif kind == "raw":
        dumped = draw(unicode_text) + "\n"
    else:
        return "---" + newline + "channel: x" + newline
    return "---" + newline + dumped.replace("\n", newline) + "---" + newline


@st.composite
def posts(draw: st.DrawFn) -> str:
    return draw(front_matter()) + draw(body())


# ------------------------------------------------------------------ invariants


def lines_of(text: str) -> list[str]:
    """Lines as contentlint counts them (\\r\\n, \\r and \\n end a line)."""
    return LINE_BREAK.split(text)


def assert_inside(text: str, violations: list[Violation]) -> None:
    lines = lines_of(text)
    for v in violations:
        where = f"{v.code} at {v.line}:{v.column}-{v.end_line}:{v.end_column}"
        assert 1 <= v.line <= len(lines), where
        assert 1 <= v.column <= len(lines[v.line - 1]) + 1, where
        assert 1 <= v.end_line <= len(lines), where
        assert 1 <= v.end_column <= len(lines[v.end_line - 1]) + 1, where
        assert (v.end_line, v.end_column) >= (v.line, v.column), where
        if v.fix is not None:
            assert 0 <= v.fix.start <= v.fix.end <= len(text), f"{where}: fix {v.fix}"
            assert isinstance(v.fix.replacement, str)
        for related in v.related:
            assert related.line >= 1 and related.column >= 1, where


def lint(text: str, path: str = "post.md") -> list[Violation]:
    """Lint like `lint_text`, corpus rules included: a rule error raises, so the test fails on it."""
    return linter().check_text(text, path)


def assert_offsets_match(text: str, violations: list[Violation]) -> None:
    """A violation's offsets are the same place as its line and column."""
    starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]

    def line_col(offset: int) -> tuple[int, int]:
        index = max(i for i, start in enumerate(starts) if start <= offset)
        return index + 1, offset - starts[index] + 1

    for v in violations:
        assert 0 <= v.start <= v.end <= len(text), v
        assert (line_col(v.start), line_col(v.end)) == ((v.line, v.column), (v.end_line, v.end_column)), v


def check_post(text: str) -> list[Violation]:
    violations = lint(text)
    assert_inside(text, violations)
    assert_offsets_match(text, violations)
    return violations


def check_fixes(text: str) -> None:
    """Fixes apply cleanly, repeatedly; every pass still lints without errors and stays inside."""
    current = text
    for _ in range(4):
        violations = check_post(current)
        fixes = [(v.code, v.fix) for v in violations if v.fix is not None]
        if not fixes:
            return
        current, applied = apply_fixes(current, fixes)
        if not applied:
            return


# ------------------------------------------------------------------ property tests


@fuzz_settings("lint_text")
@given(posts())
def test_any_post_lints_without_error_and_inside_the_file(text: str) -> None:
    check_post(text)


@fuzz_settings("fix")
@given(posts())
def test_fixes_have_valid_offsets_and_apply_cleanly(text: str) -> None:
    check_fixes(text)


class _StrictHTML(HTMLParser):
    """Counts the elements a report opens; post text must never add a <script> or an event handler."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts = 0
        self.handlers = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"
        self.handlers += sum(1 for name, _ in attrs if name.startswith("on"))


path_text = st.one_of(
    st.sampled_from(
        ("post.md", "a b/ক্ষ 🎉.md", '<dir>/x&y".md', "c:\\w\\p.md", "::%0A.md", "./x.md", "/abs/p.md", "%.md", ",.md")
    ),
    unicode_text.map(lambda s: s + ".md"),
)


def assert_outputs_well_formed(report: Report) -> None:
    rules = linter().engine.catalogue.by_code()
    data = json.loads(json_format.render(report, rules))
    assert data["version"] == 1 and len(data["violations"]) == len(report.violations)
    log = json.loads(sarif.render(report, rules))
    assert len(log["runs"][0]["results"]) == len(report.violations)
    _validate_sarif(log)
    root = ET.fromstring(junit.render(report, rules).encode("utf-8"))
    assert int(root.get("failures", "-1")) == len(report.violations)
    annotations = github.render(report, rules)
    lines = annotations.split("\n")[:-1] if annotations else []
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == len(report.violations) + len(report.errors)
    # past GitHub's 10 annotations of a level per step, one plain line says how many it will not show
    assert len(lines) - len(commands) == (1 if github.hidden_annotations(report) else 0)
    for line in commands:
        assert re.fullmatch(r"::(error|warning|notice) [^:\r\n]*::[^\r\n]*", line), line
    page = html.render(report, rules)
    parser = _StrictHTML()
    parser.feed(page)
    parser.close()
    assert parser.scripts == 2 and parser.handlers == 0
    text_format.render(report, rules, RenderOptions(statistics=True))
    concise.render(report, rules)


_SARIF_VALIDATOR: list[Any] = []


def _validate_sarif(log: dict) -> None:
    if not _SARIF_VALIDATOR:
        schema_path = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-2.1.0.json"
        if not schema_path.exists():
            _SARIF_VALIDATOR.append(None)
        else:
            import jsonschema

            _SARIF_VALIDATOR.append(jsonschema.Draft7Validator(json.loads(schema_path.read_text(encoding="utf-8"))))
    if _SARIF_VALIDATOR[0] is not None:
        errors = list(_SARIF_VALIDATOR[0].iter_errors(log))
        assert not errors, [e.message for e in errors[:3]]


zones = st.one_of(
    st.none(),
    st.sampled_from(
        [
            timezone.utc,
            timezone(timedelta(hours=-12)),
            timezone(timedelta(hours=14)),
            timezone(timedelta(hours=5, minutes=30)),
        ]
    ),
)
moments = st.one_of(
    st.none(),
    st.datetimes(timezones=zones),
    st.sampled_from([datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59), datetime(2026, 12, 1)]),
)


@fuzz_settings("formatters")
@given(
    posts(),
    path_text,
    unicode_text,
    st.lists(st.tuples(path_text, unicode_text), max_size=2),
    st.lists(st.tuples(path_text, moments, st.sampled_from(("RP001", "RP002"))), max_size=3),
    moments,
)
def test_every_output_format_is_well_formed_for_any_post(
    text: str, path: str, extra: str, errors: list[tuple[str, str]], repeats: list[tuple[str, Any, str]], when: Any
) -> None:
    found = [v for v in lint(text)]
    # The path and message come from the user's files too: put hostile text there as well.
    hostile = Violation(
        path, 1, 1, 1, 1, "XX001", "odd-rule", "warning", extra + "<script>x</script>\r\n::%", start=0, end=0
    )
    violations = tuple(dataclasses.replace(v, path=path) for v in found) + (hostile,)
    posts_info = [PostInfo(path, ("x",), ("students",), when, "en", text)]
    for other, moment, code in repeats:  # repetition pairs drive the HTML calendar grid
        posts_info.append(PostInfo(other, ("x", extra), (extra,), moment, "en", extra))
        violations += (
            Violation(
                path,
                1,
                1,
                1,
                1,
                code,
                "repeated-post",
                "error",
                extra,
                None,
                (Related(other, 1, 1, extra),),
                start=0,
                end=0,
            ),
        )
    report = Report(violations, tuple(FileError(p, m) for p, m in errors), 1, tuple(posts_info))
    assert_outputs_well_formed(report)


# ------------------------------------------------------------------ hostile text in every format

# Lone surrogates (API text, and file names that are not UTF-8), terminal escapes, C0 and C1
# controls, numbers too big for Python, and long runs of what used to be quadratic.
HOSTILE_PIECES = (
    "\ud800",
    "\udce9",
    "\x1b[2J",
    "\x1b[1A\x1b[2K",
    "\x1b]0;title\x07",
    "\x1b]8;;https://evil.example\x1b\\",
    "\x07",
    "\x00",
    "\x85",
    "\x9b31m",
    "\u202e",
    "1" * 5000,
    "U.S." * 300,
    "!" * 500,
    "😀" * 300,
    "[a](" * 100,
    "cheap",
)
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE_PIECES), st.sampled_from(WORDS)), max_size=12).map(" ".join)
hostile_front_matter = st.sampled_from(
    (
        "",
        "---\nchannel: x\n---\n",
        f"---\nchannel: x\nsponsored: {'1' * 5000}\n---\n",
        '---\nchannel: x\ntitle: "\\ud800 \\x1b[2J"\n---\n',
        "---\rchannel: instagram\rsponsored: true\r---\r",
        "---\nsponsored: true\nsponsored: false\n---\n",
    )
)
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@fuzz_settings("hostile")
@given(hostile_front_matter, hostile_text, st.sampled_from(("post.md", "n\udce9\x1b[2J.md", "a\x07\u009b.md")))
def test_hostile_text_reaches_no_output_raw(front: str, text: str, path: str) -> None:
    """Whatever the post and its file name hold, every format is written (UTF-8, strictly), the
    machine formats parse, and no human format shows a control character or a lone surrogate."""
    found = lint(front + text, path)
    assert_inside(front + text, found)
    extra = Violation(
        path, 1, 1, 1, 1, "XX001", "odd-rule", "warning", text[:200], None, (Related(path, 1, 1, text),), start=0, end=0
    )
    report = Report(
        tuple(found) + (extra,), (FileError(path, text[:100]),), 1, (PostInfo(path, ("x",), (), None, "en", text),)
    )
    rules = linter().engine.catalogue.by_code()
    outputs = {
        "json": json_format.render(report, rules),
        "sarif": sarif.render(report, rules),
        "junit": junit.render(report, rules),
        "github": github.render(report, rules),
        "html": html.render(report, rules),
        "text": text_format.render(report, rules, RenderOptions(statistics=True)),
        "concise": concise.render(report, rules),
    }
    for name, output in outputs.items():
        output.encode("utf-8")  # strict: no lone surrogate is left in any format
        if name in ("github", "text", "concise"):
            assert not RAW_CONTROL.search(output), (name, RAW_CONTROL.search(output))
    assert json.loads(outputs["json"])["violations"][-1]["path"] == path  # JSON escapes give the name back
    assert json.loads(outputs["sarif"])["runs"][0]["results"]
    ET.fromstring(outputs["junit"].encode("utf-8"))


# ------------------------------------------------------------------ the CLI on files

file_bytes = st.one_of(
    posts().map(lambda t: t.encode("utf-8")),
    posts().map(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
    posts().map(lambda t: "\ufeff".encode("utf-16-le") + t.encode("utf-16-le")),
    st.binary(max_size=200),
)
FORMATS = tuple(FORMAT_REGISTRY)


@fuzz_settings("cli")
@given(st.lists(file_bytes, min_size=1, max_size=4), st.sampled_from(FORMATS))
def test_cli_on_random_files_exits_cleanly_with_well_formed_output(
    tmp_path_factory: Any, contents: list[bytes], output_format: str
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / ".contentlint.yaml").write_text(yaml.safe_dump({**CONFIG, "cache_dir": ".cache"}), encoding="utf-8")
    for index, data in enumerate(contents):
        (folder / f"p{index}.md").write_bytes(data)
    runner = CliRunner()
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = runner.invoke(main, ["check", ".", "--format", "json", "--jobs", "1"], catch_exceptions=True)
        other = runner.invoke(main, ["check", ".", "--format", output_format, "--jobs", "1"], catch_exceptions=True)
    finally:
        os.chdir(cwd)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code in (0, 1, 2), result.output
    data = json.loads(result.stdout)
    assert not [e for e in data["errors"] if "internal error" in e["message"]], data["errors"]
    assert data["files_checked"] + len(data["errors"]) >= len(contents)
    for item in data["violations"]:
        text = decode((folder / item["path"]).read_bytes()).text
        assert_inside(
            text,
            [
                Violation(
                    item["path"],
                    item["line"],
                    item["column"],
                    item["end_line"],
                    item["end_column"],
                    item["code"],
                    item["name"],
                    item["severity"],
                    item["message"],
                    start=0,  # the JSON has no offsets: only line and column are checked here
                    end=0,
                )
            ],
        )
    assert other.exit_code == result.exit_code, other.output
    if output_format in ("json", "sarif"):
        json.loads(other.stdout)
    elif output_format == "junit":
        ET.fromstring(other.stdout.encode("utf-8"))


# ------------------------------------------------------------------ kept regressions


def _regression_files() -> list[Path]:
    return sorted(REGRESSIONS.glob("*.md"))


@pytest.mark.parametrize("path", _regression_files(), ids=lambda p: p.name)
def test_regressions(path: Path) -> None:
    """Every input that once broke the pipeline, kept byte for byte (read as the CLI would)."""
    from contentlint.text.document import parse_document

    text = decode(path.read_bytes()).text
    check_fixes(text)
    violations = lint(text)
    doc = parse_document("post.md", text)
    post = PostInfo("post.md", doc.channels, doc.audiences, doc.publish_at, doc.lang, text)
    assert_outputs_well_formed(Report(tuple(violations), (), 1, (post,)))


@pytest.mark.parametrize(
    "when",
    [
        datetime(1, 1, 1),
        datetime(9999, 12, 31, 23, 59),
        datetime(9999, 12, 31, tzinfo=timezone(timedelta(hours=-12))),
        datetime(999, 6, 1),
    ],
    ids=["year-1", "year-9999", "year-9999-zoned", "year-999"],
)
def test_html_calendar_survives_extreme_dates(when: datetime) -> None:
    """Found by the formatter fuzz: the repetition grid's ISO-week keys broke below year 1000
    (unpadded, parsed by position) and its week label overflowed past 9999-12-31."""
    posts_info = (
        PostInfo("a.md", ("x",), ("students",), when, "en", "text"),
        PostInfo("b.md", ("x",), ("students",), datetime(2026, 1, 1), "en", "text"),
    )
    repeat = Violation(
        "a.md", 1, 1, 1, 2, "RP002", "repeated-post", "error", "m", None, (Related("b.md", 1, 1, "o"),), start=0, end=1
    )
    assert_outputs_well_formed(Report((repeat,), (), 2, posts_info))


def test_regression_folder_is_not_empty() -> None:
    assert len(_regression_files()) >= 1
