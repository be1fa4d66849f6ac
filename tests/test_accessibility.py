"""AX001-AX004 beyond the case files: every fancy alphabet folds to plain letters, every invisible
character is caught where it does not belong, emoji sequences count once, fixes settle in one pass."""

from __future__ import annotations

import re
import string
import unicodedata

import pytest
from conftest import lint_one
from hypothesis import given, settings
from hypothesis import strategies as st

from contentlint.engine.building import build_kind
from contentlint.fix.apply import apply_fixes
from contentlint.kinds.alt_text import AltText
from contentlint.kinds.base import OptionError
from contentlint.kinds.emoji_use import EmojiUse
from contentlint.kinds.fancy_letters import plain_form, strength, to_plain
from contentlint.kinds.fancy_text import find_fancy_runs
from contentlint.kinds.invisible_chars import CANDIDATES, find_invisible
from contentlint.text.document import parse_document

# Letters the Mathematical Alphanumeric Symbols block leaves out because Letterlike Symbols
# already had them; fancy-text generators fill the holes with these.
HOLES = {
    ("ITALIC", "SMALL", "H"): "\u210e",
    **{("SCRIPT", "CAPITAL", c): ch for c, ch in zip("BEFHILMR", "ℬℰℱℋℐℒℳℛ", strict=False)},
    **{("SCRIPT", "SMALL", c): ch for c, ch in zip("EGO", "ℯℊℴ", strict=False)},
    **{("FRAKTUR", "CAPITAL", c): ch for c, ch in zip("CHIRZ", "ℭℌℑℜℨ", strict=False)},
    **{("DOUBLE-STRUCK", "CAPITAL", c): ch for c, ch in zip("CHNPQRZ", "ℂℍℕℙℚℝℤ", strict=False)},
}
MATH_STYLES = (
    "BOLD",
    "ITALIC",
    "BOLD ITALIC",
    "SCRIPT",
    "BOLD SCRIPT",
    "FRAKTUR",
    "DOUBLE-STRUCK",
    "BOLD FRAKTUR",
    "SANS-SERIF",
    "SANS-SERIF BOLD",
    "SANS-SERIF ITALIC",
    "SANS-SERIF BOLD ITALIC",
    "MONOSPACE",
)
DIGIT_STYLES = ("BOLD", "DOUBLE-STRUCK", "SANS-SERIF", "SANS-SERIF BOLD", "MONOSPACE")
DIGIT_NAMES = ("ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE")


def _math_letter(style: str, case: str, letter: str) -> str:
    hole = HOLES.get((style, case, letter))
    return hole or unicodedata.lookup(f"MATHEMATICAL {style} {case} {letter}")


def _single_run(text: str) -> str:
    runs = find_fancy_runs(text)
    assert len(runs) == 1, (text, runs)
    assert (runs[0].start, runs[0].end) == (0, len(text))
    return runs[0].plain


@pytest.mark.parametrize("style", MATH_STYLES)
@pytest.mark.parametrize("case", ["CAPITAL", "SMALL"])
def test_every_math_alphabet_folds_to_plain_letters(style: str, case: str) -> None:
    letters = "".join(_math_letter(style, case, c) for c in string.ascii_uppercase)
    expected = string.ascii_uppercase if case == "CAPITAL" else string.ascii_lowercase
    assert _single_run(letters) == expected


@pytest.mark.parametrize("style", DIGIT_STYLES)
def test_every_math_digit_style_folds_to_plain_digits(style: str) -> None:
    digits = "".join(unicodedata.lookup(f"MATHEMATICAL {style} DIGIT {name}") for name in DIGIT_NAMES)
    assert _single_run(digits) == "0123456789"


@pytest.mark.parametrize(
    ("prefix", "case"),
    [
        ("FULLWIDTH LATIN CAPITAL LETTER", "upper"),
        ("FULLWIDTH LATIN SMALL LETTER", "lower"),
        ("CIRCLED LATIN CAPITAL LETTER", "upper"),
        ("CIRCLED LATIN SMALL LETTER", "lower"),
        ("PARENTHESIZED LATIN SMALL LETTER", "lower"),
        ("SQUARED LATIN CAPITAL LETTER", "upper"),
        ("NEGATIVE CIRCLED LATIN CAPITAL LETTER", "upper"),
        ("NEGATIVE SQUARED LATIN CAPITAL LETTER", "upper"),
    ],
)
def test_enclosed_and_fullwidth_alphabets_fold(prefix: str, case: str) -> None:
    letters = "".join(unicodedata.lookup(f"{prefix} {c}") for c in string.ascii_uppercase)
    expected = string.ascii_uppercase if case == "upper" else string.ascii_lowercase
    assert _single_run(letters) == expected


def test_every_character_in_the_math_block_maps_to_the_letter_its_name_says() -> None:
    checked = 0
    for code in range(0x1D400, 0x1D800):
        char = chr(code)
        name = unicodedata.name(char, "")
        if not name.startswith("MATHEMATICAL") or not (" CAPITAL " in name or " SMALL " in name or " DIGIT " in name):
            continue
        plain = plain_form(char)
        assert plain is not None and strength(char) == "strong", name
        last = name.rsplit(" ", 1)[1]
        if "DIGIT" in name:
            assert plain == str(DIGIT_NAMES.index(last)), name
        elif "GREEK" not in name and (" CAPITAL " + last in name or " SMALL " + last in name) and len(last) == 1:
            assert plain == (last if " CAPITAL " in name else last.lower()), name
        checked += 1
    assert checked > 900


def test_small_capitals_fold_to_small_letters() -> None:
    assert _single_run("ꜰʀᴇᴇ sʜɪᴘᴘɪɴɢ") == "free shipping"
    assert to_plain("ᴀʙᴄᴅᴇ") == "abcde"


@pytest.mark.parametrize(
    "text",
    ["x", "InkWell™", "30℃", "① ② ③", "𝑥² + 𝑦²", "ℝ", "1ˢᵗ", "🅿️", "Ａ", "ক্ষমা", "Ωmega", "naïve café"],
)
def test_legitimate_uses_are_not_fancy_runs(text: str) -> None:
    assert find_fancy_runs(text) == []


_ORDINARY = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters="".join(chr(c) for c in range(0x2100, 0x2150)),
).filter(lambda c: strength(c) is None)


@settings(max_examples=200, deadline=None)
@given(st.text(_ORDINARY, max_size=60))
def test_text_without_fancy_characters_is_never_changed_or_flagged(text: str) -> None:
    assert to_plain(text) == text
    assert find_fancy_runs(text) == []


@pytest.mark.parametrize("code", sorted({ord(c) for c in map(chr, range(0x110000)) if CANDIDATES.fullmatch(c)}))
def test_every_invisible_character_is_caught_between_latin_letters(code: int) -> None:
    found = find_invisible(f"ab{chr(code)}cd")
    assert [item.offset for item in found] == [2]
    assert found[0].label.startswith(f"U+{code:04X} ")


def test_fe0f_and_text_presentation_selectors_are_not_invisible_findings() -> None:
    assert find_invisible("❤️ ☀️ ✍️ ©\ufe0e") == []


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Pens ", "কলম ", "র\u200d্যাব ", "👨\u200d👩\u200d👧", "\u200b", "\u2060", "#Tag", "\u00ad", "🇮🇳", " "]
        ),
        max_size=12,
    )
)
def test_invisible_fix_removes_exactly_the_stray_characters(parts: list[str]) -> None:
    text = "".join(parts)
    violations = lint_one("AX004", text, path="post.txt")
    fixed, _ = apply_fixes(text, [(v.code, v.fix) for v in violations if v.fix])

    def visible(t: str) -> str:
        return t.replace("\u200b", "").replace("\u2060", "").replace("\u00ad", "")

    assert visible(fixed) == visible(text)  # the fix removes invisible characters and nothing else
    assert lint_one("AX004", fixed, path="post.txt") == []
    # what stays touches no word: between spaces, emoji or the ends of the text
    for run in re.finditer("[\u200b\u2060]+", fixed):
        neighbours = fixed[run.start() - 1 : run.start()] + fixed[run.end() : run.end() + 1]
        assert not re.search(r"[\w#]", neighbours), (fixed, run.span())


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("AX003", "𝐁𝐚𝐜𝐤 𝐭𝐨 𝐬𝐜𝐡𝐨𝐨𝐥 ✏️ ＳＡＬＥ ends ⓢⓞⓞⓝ", "Back to school ✏️ SALE ends soon"),
        ("AX004", "Back\u200b to\u2060 school\u202e ✏️ কলম\u200b", "Back to school ✏️ কলম"),
    ],
)
def test_fixes_settle_in_one_pass(code: str, text: str, expected: str) -> None:
    first, applied = apply_fixes(text, [(v.code, v.fix) for v in lint_one(code, text, path="post.txt") if v.fix])
    assert applied and first == expected
    assert lint_one(code, first, path="post.txt") == []


def _emoji_count(text: str) -> int:
    return len(parse_document("post.txt", text).emoji)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("👨\u200d👩\u200d👧\u200d👦", 1),  # ZWJ family
        ("❤️\u200d🔥", 1),
        ("👏🏽", 1),  # skin tone
        ("🇮🇳🇧🇩", 2),  # two flags
        ("1️⃣", 1),  # keycap
        ("🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", 1),  # subdivision flag
        ("InkWell™ ©2026 ®", 0),
    ],
)
def test_emoji_sequences_count_once(text: str, count: int) -> None:
    assert _emoji_count(text) == count


def test_a_run_counts_sequences_not_code_points() -> None:
    assert lint_one("AX002", "Family 👨\u200d👩\u200d👧\u200d👦🇮🇳👏🏽 night", path="post.txt") == []
    found = lint_one("AX002", "Family 👨\u200d👩\u200d👧\u200d👦🇮🇳👏🏽🎉 night", path="post.txt")
    assert len(found) == 1 and found[0].message.startswith("4 emoji in a row")
    assert "family man woman girl boy, India, clapping hands medium skin tone, party popper" in found[0].message


@pytest.mark.parametrize(
    "options",
    [{"caps": {"x": "three"}}, {"caps": {"x": -1}}, {"max_run": 0}, {"max_run": True}, {"colour": 1}],
)
def test_emoji_use_rejects_bad_options(options: dict) -> None:
    with pytest.raises(OptionError):
        build_kind(EmojiUse, options)


def test_alt_text_rejects_bad_options() -> None:
    with pytest.raises(OptionError):
        build_kind(AltText, {"placeholders": "image"})
    with pytest.raises(OptionError):
        build_kind(AltText, {"min_words": 3})


@pytest.mark.parametrize(
    ("alt", "src", "problem"),
    [
        (None, "a.png", "no alt text"),
        ("", "a.png", "empty"),
        ("  \t", "a.png", "empty"),
        ("—", "a.png", "describes nothing"),
        ("IMG_2034.JPG", "a.png", "file name"),
        ("DSC_0042", "x.jpg", "file name"),
        ("Screenshot 2026-03-01 at 10.42.13", "x.png", "file name"),
        ("PXL_20250101_123456789", "PXL_20250101_123456789.jpg", "file name"),
        ("Image", "a.png", "only"),
        ("ফটো", "a.png", "only"),
        ("Three teal pens on a notebook", "IMG_2034.jpg", None),
        ("Photo of our Dhaka store at night", "a.png", None),
        ("pens", "img/pens.png", None),
        ("চাঁদের আলোয় সাজানো টেবিলে রঙিন কলম", "a.png", None),
    ],
)
def test_alt_text_problems(alt: str | None, src: str, problem: str | None) -> None:
    found = build_kind(AltText, {}).problem(alt, src)
    assert (found is None) if problem is None else (problem in (found or ""))


def test_markdown_image_alt_in_a_txt_file_is_not_an_image() -> None:
    assert lint_one("AX001", "See ![](img/a.png) here", path="post.txt") == []
