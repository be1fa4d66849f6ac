"""Readability: grades only where a validated formula exists, surface measures for Bengali,
textstat offline at the pinned version, and grades that order texts the way readers would."""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys

import pytest

import contentlint
from contentlint.text.reading_level import grade_from_ease, has_formula, measures

CHILDREN = [
    "The cat sat on the mat. It was a big red mat. The cat liked to nap there. Then a dog came in. The cat ran up a tree. The dog sat down and had a nap too.",
    "Sam has a new pen. It is blue. He draws a sun and a tree. His mum likes the sun. She puts it on the wall. Sam is glad. He wants to draw a cat next.",
    "We went to the park. The sun was out. I ran and ran. My dad threw a ball. I got it. We had ice cream. Then we went home for tea. It was a good day.",
    "Look at the duck. It can swim. It can fly too. The duck has a nest by the pond. There are four eggs in it. Soon the eggs will hatch. Then there will be five ducks.",
]
GENERAL = [
    "Our new notebook has thick pages that take fountain-pen ink without bleeding through. The cover is made from recycled card, and the binding lets it lie flat on your desk. Each notebook has numbered pages and an index, so you can find last week's notes quickly.",
    "Regular exercise improves both physical and mental health. Even a short daily walk can lower blood pressure and help you sleep better. Doctors recommend about thirty minutes of moderate activity on most days, but any movement is better than none.",
    "The city council has approved a plan to add twenty kilometres of protected bicycle lanes by next summer. Supporters say the lanes will reduce traffic and make cycling safer, while some shop owners worry about losing parking spaces near their businesses.",
    "Saving money is easier when you know where it goes. Start by writing down everything you spend for one month. Then look for small costs that add up, such as daily coffee or unused subscriptions, and decide which ones you really need.",
]
ACADEMIC = [
    "Notwithstanding considerable methodological heterogeneity across the included studies, the meta-analysis demonstrated statistically significant associations between socioeconomic deprivation and subsequent cardiovascular morbidity. Consequently, policymakers should prioritise comprehensive preventative interventions targeting structurally disadvantaged populations.",
    "The epistemological implications of poststructuralist theory necessitate a fundamental reconsideration of conventional interpretive methodologies. Specifically, the presupposition of authorial intentionality becomes increasingly untenable when textual signification is conceptualised as intrinsically indeterminate and contextually contingent.",
    "Pharmacokinetic variability attributable to polymorphisms in cytochrome enzymes substantially complicates individualised dosing recommendations. Therapeutic drug monitoring, although administratively burdensome, remains indispensable for medications characterised by narrow therapeutic indices and considerable interindividual variability.",
    "Institutional investors increasingly incorporate environmental, social and governance considerations into portfolio construction methodologies. However, the heterogeneity of proprietary rating frameworks generates substantial measurement inconsistencies, thereby undermining comparability and potentially facilitating misleading sustainability representations.",
]


def grade(text: str) -> float:
    return measures(text, "en")["grade"]


def test_grades_order_children_general_academic() -> None:
    children = [grade(t) for t in CHILDREN]
    general = [grade(t) for t in GENERAL]
    academic = [grade(t) for t in ACADEMIC]
    assert max(children) < min(general), (children, general)
    assert max(general) < min(academic), (general, academic)
    assert max(children) < 4 and 6 < statistics.median(general) < 13 and min(academic) > 16


def test_reading_ease_orders_the_other_way() -> None:
    ease = [
        statistics.median(measures(t, "en")["reading_ease"] for t in group) for group in (CHILDREN, GENERAL, ACADEMIC)
    ]
    assert ease[0] > ease[1] > ease[2]


def test_urls_hashtags_mentions_and_emoji_do_not_change_the_grade() -> None:
    text = GENERAL[0]
    decorated = (
        text.replace("desk.", "desk 📓 https://inkwell.in/notebooks/thick-pages-2026.")
        + " #Stationery #InkWell @inkwell"
    )
    assert measures(decorated, "en")["grade"] == measures(text, "en")["grade"]
    assert measures(decorated, "en")["words"] == measures(text, "en")["words"]


def test_abbreviations_do_not_shorten_sentences() -> None:
    assert measures("Designed by H.A. Shah, e.g. for exams, approx. 5 mm wide.", "en")["sentences"] == 1


BENGALI = "পরীক্ষা আসছে। আমাদের নতুন জেল পেন এক সেকেন্ডে শুকিয়ে যায়, তাই আপনার নোট থাকে পরিষ্কার। বিস্তারিত দেখুন https://inkwell.in/bn #পরীক্ষা"


def test_bengali_gets_surface_measures_and_never_a_grade() -> None:
    result = measures(BENGALI, "bn")
    assert "grade" not in result and "reading_ease" not in result and "flesch_kincaid_grade" not in result
    assert result["sentences"] == 3
    assert result["words"] == 17  # vowel signs never split a word; URL and hashtag not words
    assert result["words_per_sentence"] == pytest.approx(17 / 3, abs=0.01)
    assert 0 <= result["long_word_share"] <= 1
    assert result["conjunct_density"] > 0  # পরীক্ষা, সেকেন্ডে, পরিষ্কার, বিস্তারিত


def test_long_bengali_words_are_counted_in_graphemes() -> None:
    # "পরিষ্কার" is 8 code points but 5 graphemes (ষ্কা is one): not long.
    assert measures("পরিষ্কার।", "bn")["long_word_share"] == 0.0
    assert measures("বিশ্ববিদ্যালয়গুলোতে।", "bn")["long_word_share"] == 1.0


def test_languages_without_a_formula_never_get_a_grade() -> None:
    for lang in ("bn", "hi", "ja", "pl", "xx"):
        assert not has_formula(lang) and "grade" not in measures("Some words here. And more words.", lang)
    for lang in ("en", "de", "es", "fr", "it", "nl", "ru", "hu", "en-GB"):
        assert has_formula(lang)


def test_other_formula_languages_use_their_own_reading_ease() -> None:
    simple = measures("Der Hund ist klein. Er spielt im Garten. Die Sonne scheint.", "de")
    hard = measures(
        "Die Berücksichtigung verfassungsrechtlicher Grundsatzentscheidungen erfordert eine umfassende Auseinandersetzung mit jurisprudenziellen Interpretationsmethoden.",
        "de",
    )
    assert "flesch_kincaid_grade" not in simple
    assert simple["reading_ease"] > hard["reading_ease"] and simple["grade"] < hard["grade"]


def test_ease_to_grade_follows_flesch_table() -> None:
    assert grade_from_ease(95) == 5 and grade_from_ease(75) == 7 and grade_from_ease(55) == 11
    assert grade_from_ease(120) == 4 and grade_from_ease(-50) == 18
    assert grade_from_ease(80) == pytest.approx(6.5)


def test_empty_text_has_no_grade() -> None:
    assert measures("", "en") == {"sentences": 0.0, "words": 0.0, "words_per_sentence": 0.0}


def test_public_api_calls_the_same_measures() -> None:
    assert contentlint.readability(GENERAL[1], "en") == measures(GENERAL[1], "en")


def test_textstat_state_is_left_alone() -> None:
    import textstat

    textstat.set_lang("de_DE")
    try:
        assert measures(GENERAL[0], "en")["grade"] == grade(GENERAL[0])
        english_first = measures(ACADEMIC[0], "en")
    finally:
        textstat.set_lang("en_US")
    assert measures(ACADEMIC[0], "en") == english_first


def test_textstat_works_offline_at_the_pinned_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """0.7.9+ download cmudict through nltk at first use; 0.7.8 must work with sockets blocked."""
    import textstat

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert textstat.__version__ == (0, 7, 8)
    from textstat.backend.counts import count_syllables

    assert count_syllables("readability", "en") == 5
    assert measures(ACADEMIC[1], "en")["grade"] > 16
    assert "nltk" not in sys.modules


def test_textstat_in_a_fresh_process_without_network_or_nltk() -> None:
    code = (
        "import socket, sys\n"
        "def refuse(*a, **k): raise OSError('no network')\n"
        "socket.socket.connect = refuse; socket.create_connection = refuse; socket.getaddrinfo = refuse\n"
        "from contentlint.text.reading_level import measures\n"
        "m = measures('Our new notebook has thick pages. The ink never bleeds through.', 'en')\n"
        "print(m['grade'] > 0, 'nltk' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "False"]
