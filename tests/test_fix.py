"""`--fix` and `--diff` for the brand fixes (BR001 brand name, BR002 deprecated term).

Property tests build random posts from brand-name variants, deprecated terms, filler, URLs,
hashtags, Bengali words and line endings, and check what a writer relies on: fixing twice
changes nothing more, nothing outside a fixed span moves, no text is lost or duplicated.
CLI tests check the bytes on disk: encoding, BOM, line endings and front matter survive.
"""

from __future__ import annotations

import codecs
import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contentlint.config.load import load_config
from contentlint.fix.apply import apply_fixes
from contentlint.run import RunOptions
from contentlint.text.wordforms import tokenize
from contentlint.workspace import Workspace

BRANDS = ("InkWell", "QuillCo", "BlueNib", "PaperMill")  # two halves a writer may split
PREFER_SETS = (
    {"cheap": "affordable", "e-mail": "email"},
    {"utilize": "use", "cash back": "cashback", "ask": "question"},
    {"সস্তা": "সাশ্রয়ী", "awesome": "great"},
)
FILLER = (
    "our",
    "new",
    "pens",
    "glide",
    "and",
    "dry",
    "fast",
    "a",
    "an",
    "the",
    "notes",
    "term",
    "refills",
    "কলম",
    "খাতা",
    "নতুন",
    "Exams",
    "are",
    "coming",
    "!",
    ",",
    ".",
    "…",
    "—",
    "🙂",
    "ক্ষ",
)
_LINTERS: dict[tuple, Workspace] = {}


def _linter(brand: str, prefer_index: int) -> Workspace:
    key = (brand, prefer_index)
    if key not in _LINTERS:
        config = {"brand": {"name": brand, "terms": {"prefer": PREFER_SETS[prefer_index]}}}
        _LINTERS[key] = Workspace(load_config(config), options=RunOptions(select=("BR001", "BR002")))
    return _LINTERS[key]


def _halves(brand: str) -> tuple[str, str]:
    half = next(i for i in range(1, len(brand)) if brand[i].isupper())
    return brand[:half], brand[half:]


def _brand_variants(brand: str) -> list[str]:
    left, right = _halves(brand)
    return [
        brand,
        brand.lower(),
        brand.upper(),
        f"{left} {right}",
        f"{left.lower()}-{right.lower()}",
        f"{brand.capitalize()}'s",
        f"{left} {right}’s",
        f"@{brand.lower()}",
        f"#{brand}",
        f"https://{brand.lower()}.in/shop",
        f"hello@{brand.lower()}.in",
        f"`{brand.lower()}_id`",
    ]


@st.composite
def posts(draw: st.DrawFn) -> tuple[str, int, str]:
    brand = draw(st.sampled_from(BRANDS))
    prefer_index = draw(st.integers(0, len(PREFER_SETS) - 1))
    terms = list(PREFER_SETS[prefer_index])
    term_forms = [
        t
        for term in terms
        for t in (term, term.upper(), term.capitalize(), f"a {term}", f"An {term}", f"{term}s", f"{term}er")
    ]
    pieces = st.one_of(st.sampled_from(FILLER), st.sampled_from(_brand_variants(brand)), st.sampled_from(term_forms))
    words = draw(st.lists(pieces, min_size=1, max_size=30))
    separators = draw(
        st.lists(st.sampled_from([" ", " ", " ", "\n", "\r\n", "  ", "\n\n"]), min_size=len(words), max_size=len(words))
    )
    body = "".join(w + s for w, s in zip(words, separators, strict=False))
    if draw(st.booleans()):
        body = "---\nchannel: x\ntitle: " + draw(st.sampled_from(_brand_variants(brand)[:4])) + " news\n---\n" + body
    return body, prefer_index, brand


def _fix_once(linter: Workspace, text: str) -> tuple[str, list]:
    fixes = [(v.code, v.fix) for v in linter.check_text(text, path="post.md") if v.fix]
    return apply_fixes(text, fixes)[0], [f for _, f in fixes]


def _fix_all(linter: Workspace, text: str) -> str:
    for _ in range(4):
        fixed, _fixes = _fix_once(linter, text)
        if fixed == text:
            break
        text = fixed
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(posts())
def test_fixing_is_idempotent(case: tuple[str, int, str]) -> None:
    text, prefer_index, brand = case
    linter = _linter(brand, prefer_index)
    once = _fix_all(linter, text)
    assert _fix_once(linter, once)[0] == once
    assert not [v for v in linter.check_text(once, path="post.md") if v.fix and v.code == "BR001"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(posts())
def test_fixes_touch_only_their_spans(case: tuple[str, int, str]) -> None:
    text, prefer_index, brand = case
    linter = _linter(brand, prefer_index)
    fixed, fixes = _fix_once(linter, text)
    spans = sorted((f.start, f.end, f.replacement) for f in fixes)
    for (_, end, _), (start, _, _) in itertools.pairwise(spans):
        assert end <= start, "fixes of one pass never overlap"
    # Rebuild the fixed text from the untouched pieces and the replacements: nothing else moved.
    pieces, cursor = [], 0
    for start, end, replacement in spans:
        original = text[start:end]
        squashed = "".join(c for c in original.lower() if c.isalnum())
        assert (
            squashed.startswith(("a", "an"))
            or brand.lower() in squashed
            or any("".join(c for c in t.lower() if c.isalnum()) in squashed for t in PREFER_SETS[prefer_index])
        ), f"a fix may only replace the brand name or a deprecated term, not {original!r}"
        pieces += [text[cursor:start], replacement]
        cursor = end
    pieces.append(text[cursor:])
    assert "".join(pieces) == fixed


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(posts())
def test_fixing_never_loses_or_duplicates_text(case: tuple[str, int, str]) -> None:
    text, prefer_index, brand = case
    linter = _linter(brand, prefer_index)
    fixed = _fix_all(linter, text)
    replaced = {w.lower() for t in PREFER_SETS[prefer_index] for w in (t.split() + t.split("-"))}
    replaced |= {p.lower() for p in (brand, *_halves(brand))}
    replaced |= {"a", "an"}

    def kept(value: str) -> list[str]:
        words = []
        for token in tokenize(value):
            word = token.text.lower().removesuffix("'s").removesuffix("’s")
            if word not in replaced and not any(word.startswith(r) for r in replaced if len(r) > 3):
                words.append(token.text)
        return words

    before = kept(text)
    after = [w for w in kept(fixed) if w.lower() not in {v.lower() for v in PREFER_SETS[prefer_index].values()}]
    assert after == [w for w in before if w.lower() not in {v.lower() for v in PREFER_SETS[prefer_index].values()}]
    assert fixed.count("\r\n") == text.count("\r\n") and fixed.count("\n") == text.count("\n")


def test_possessive_and_article_fixes_are_exact() -> None:
    linter = _linter("InkWell", 0)
    text = "A cheap pen from Ink Well's shop. AN E-MAIL from INKWELL."
    assert _fix_all(linter, text) == "An affordable pen from InkWell's shop. AN EMAIL from InkWell."


# ------------------------------------------------------------------ the command line

CONFIG = "brand:\n  name: InkWell\n  terms:\n    prefer: {cheap: affordable}\n"
FRONT = "---\nchannel: x\ntitle: 'Back to \"school\": term one'\n# a comment: inkwell\n---\n"


def _run(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "contentlint",
            "check",
            "--config",
            str(folder / "c.yaml"),
            "--select",
            "BR001,BR002",
            "--no-cache",
            *args,
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(),
    )


def _env() -> dict:
    import os

    return {**os.environ, "PYTHONPATH": str(REPO)}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "c.yaml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("crlf", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
        ("bom", lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
        ("utf16", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
        ("no-newline", lambda t: t.rstrip("\n").encode("utf-8")),
    ],
)
def test_cli_fix_keeps_encoding_line_endings_and_front_matter(folder: Path, name: str, encode) -> None:
    text = FRONT + "Cheap pens from Inkwell.\nA cheap refill, by ink well.\n"
    expected = FRONT + "Affordable pens from InkWell.\nAn affordable refill, by InkWell.\n"
    post = folder / f"{name}.md"
    post.write_bytes(encode(text))
    result = _run(folder, "--fix", post.name)
    assert result.returncode in (0, 1), result.stderr
    written = post.read_bytes()
    assert written == encode(expected), written
    front_bytes = encode(FRONT)
    if name == "crlf":
        front_bytes = FRONT.replace("\n", "\r\n").encode("utf-8")
    assert written.startswith(front_bytes[: len(front_bytes) - 1]), "front matter must stay byte for byte"
    again = _run(folder, "--fix", post.name)
    assert post.read_bytes() == written, again.stdout


def test_cli_fix_leaves_the_title_when_yaml_escapes_differ(folder: Path) -> None:
    post = folder / "escaped.md"
    original = '---\ntitle: "Inkwell \\u00e9t\\u00e9"\n---\nFrom Inkwell.\n'
    post.write_text(original, encoding="utf-8")
    _run(folder, "--fix", post.name)
    assert post.read_text(encoding="utf-8") == original.replace("From Inkwell.", "From InkWell.")


def test_cli_diff_writes_nothing(folder: Path) -> None:
    post = folder / "post.md"
    original = "---\nchannel: x\n---\nCheap pens from Inkwell."
    post.write_text(original, encoding="utf-8")
    before = post.stat().st_mtime_ns
    result = _run(folder, "--diff", post.name)
    assert result.returncode == 1, result.stderr  # something to change: like ruff, --diff exits 1
    assert "-Cheap pens from Inkwell." in result.stdout and "+Affordable pens from InkWell." in result.stdout
    assert "\\ No newline at end of file" in result.stdout
    assert post.read_text(encoding="utf-8") == original and post.stat().st_mtime_ns == before
    assert not [p for p in folder.iterdir() if "contentlint-tmp" in p.name]
