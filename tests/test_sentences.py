"""Sentence splitting on real social copy: where peers split wrongly (abbreviations, ellipses,
decimals, URLs) and where they never split (emoji, Bengali dari)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from contentlint.text.sentences import sentences


def split(text: str, lang: str = "en") -> list[str]:
    return [s.text for s in sentences(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exams are coming. Our pens dry fast.", ["Exams are coming.", "Our pens dry fast."]),
        ("Wait for it... The new pens are here.", ["Wait for it...", "The new pens are here."]),
        ("Wait for it… The new pens are here.", ["Wait for it…", "The new pens are here."]),
        ("We tried them... and loved them.", ["We tried them... and loved them."]),
        ("Out now 🎉 Grab yours today.", ["Out now 🎉", "Grab yours today."]),
        ("Out now!!! Grab yours.", ["Out now!!!", "Grab yours."]),
        ("Ready?! Go.", ["Ready?!", "Go."]),
        ("Grab yours! 🎉", ["Grab yours! 🎉"]),
        ("Try e.g. a fine nib. It glides.", ["Try e.g. a fine nib.", "It glides."]),
        ("Approx. 5 refills a term.", ["Approx. 5 refills a term."]),
        ("Dr. Rao writes with one.", ["Dr. Rao writes with one."]),
        ("Designed by H.A. Shah in Pune.", ["Designed by H.A. Shah in Pune."]),
        ("Now in the U.S. and the U.K. too.", ["Now in the U.S. and the U.K. too."]),
        ("A 0.5 mm tip. It writes fine lines.", ["A 0.5 mm tip.", "It writes fine lines."]),
        ("Visit inkwell.in/pens. Then write.", ["Visit inkwell.in/pens.", "Then write."]),
        ("Mail hello@inkwell.in today.", ["Mail hello@inkwell.in today."]),
        ("Pens, inks etc. and more.", ["Pens, inks etc. and more."]),
        ("Pens, inks etc. Then paper.", ["Pens, inks etc.", "Then paper."]),
        ("No. 1 pen in class. Say no. Then go.", ["No. 1 pen in class.", "Say no.", "Then go."]),
        ("Ready in 5 min. Grab one.", ["Ready in 5 min.", "Grab one."]),
        ("1. Open the box.", ["1. Open the box."]),
        ('"Best pen ever." She said so.', ['"Best pen ever."', "She said so."]),
        ("Line one\nLine two", ["Line one", "Line two"]),
        ("Line one\r\n\r\nLine two.", ["Line one", "Line two."]),
    ],
)
def test_english_sentences(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_bengali_ends_at_dari_question_and_exclamation() -> None:
    text = "পরীক্ষা আসছে। আমাদের জেল পেন এক সেকেন্ডে শুকিয়ে যায়! নোট থাকে পরিষ্কার? হ্যাঁ।"
    assert split(text, "bn") == ["পরীক্ষা আসছে।", "আমাদের জেল পেন এক সেকেন্ডে শুকিয়ে যায়!", "নোট থাকে পরিষ্কার?", "হ্যাঁ।"]


def test_bengali_vowel_signs_never_split() -> None:
    text = "শিক্ষার্থীদের জন্য নতুন কলম এসেছে"
    assert split(text, "bn") == [text]


def test_offsets_point_into_the_text_and_respect_the_range() -> None:
    text = "---\ntitle: x\n---\nFirst one. Second one.\n"
    found = sentences(text, "en", 17)
    assert [(text[s.start : s.end]) for s in found] == ["First one.", "Second one."]
    assert found[0].start == 17
    assert sentences(text, "en", 17, 27)[-1].text == "First one."


def test_blank_text_has_no_sentences() -> None:
    assert sentences("   \n\n  ", "en") == []


def test_splitting_does_not_import_spacy() -> None:
    """A pre-commit hook must not pay about 0.7 s for `import spacy` just to split sentences."""
    code = "import sys; from contentlint.text.sentences import sentences; sentences('One. Two.', 'en'); print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# From the real-post audit (issue 17): breaks the splitter missed or made up
def test_a_danda_ends_a_sentence_even_without_a_space() -> None:
    texts = [s.text for s in sentences("আমরা এসেছি।তোমরা কোথায়?আজ দেখা হবে।", "bn")]
    assert texts == ["আমরা এসেছি।", "তোমরা কোথায়?", "আজ দেখা হবে।"]


def test_an_invisible_character_after_a_full_stop_does_not_hide_the_break() -> None:
    assert [s.text for s in sentences("We tested it.\u2060Then we shipped it.", "en")] == [
        "We tested it.",
        "Then we shipped it.",
    ]
    assert [s.text for s in sentences("It works.\u200b Then more.", "en")] == ["It works.", "Then more."]


def test_a_list_number_starts_its_sentence() -> None:
    assert [s.text for s in sentences("1. Open the box. 2. Fill the pen.", "en")] == [
        "1. Open the box.",
        "2. Fill the pen.",
    ]
