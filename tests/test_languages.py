"""A post's language when nothing names it, and language codes in a config (issue 17, class 10)."""

from __future__ import annotations

import csv
import html
from pathlib import Path

import pytest

from contentlint.config.errors import ConfigError
from contentlint.config.load import load_config
from contentlint.run import RunOptions
from contentlint.text.document import parse_document
from contentlint.text.language import detect_language
from contentlint.workspace import Workspace

SPANISH = (
    "Nuestro nuevo bolígrafo de gel es el mejor para los estudiantes: la tinta se seca en un segundo y "
    "las notas quedan limpias. Lo encuentras en todas las tiendas desde hoy. #vegano #regresoaclases"
)
PORTUGUESE = "O nosso novo caderno é para os alunos e para a escola, com mais páginas e uma capa que não molha."
ENGLISH = "We tested the pens with 240 students, and not one of them bled through the page of the notebook."


@pytest.mark.parametrize(("text", "lang"), [(SPANISH, "es"), (PORTUGUESE, "pt"), (ENGLISH, "en")])
def test_function_words_name_the_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_a_short_or_mixed_text_is_not_guessed() -> None:
    assert detect_language("Retiro voluntario en EEUU de cantidad limitada") is None  # es or nl: not sure
    assert detect_language("New pens! #BackToSchool") is None


def test_a_post_with_no_language_anywhere_gets_the_detected_one_and_the_configs_wins_otherwise() -> None:
    assert parse_document("p.md", f"---\nchannel: x\n---\n{SPANISH}\n", default_lang=None).lang == "es"
    assert parse_document("p.md", f"---\nchannel: x\n---\n{SPANISH}\n", default_lang="en").lang == "en"
    assert parse_document("p.md", f"---\nchannel: x\nlang: pt\n---\n{SPANISH}\n", default_lang=None).lang == "pt"


def test_a_spanish_post_is_not_graded_or_split_as_english() -> None:
    found = Workspace({}, options=RunOptions()).check_text(f"---\nchannel: instagram\n---\n{SPANISH}\n")
    assert not [v for v in found if v.code == "HT004"]  # #vegano -> #VegaNo was suggested before
    assert not [v for v in found if v.code == "CL001" and "grade" in v.message]


def test_real_brand_posts_are_never_taken_for_a_language_they_are_not_in() -> None:
    """1,309 published posts, English apart from a few Spanish replies: none is detected as
    Portuguese, French, German, Italian or Dutch, and what is detected as Spanish is Spanish."""
    shared = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "published-dev"
    if not shared.is_dir():
        pytest.skip("the published-post corpus is not here (../shared/corpora/published-dev)")
    with open(shared / "brand-tweets-dev.csv", encoding="utf-8", newline="") as handle:
        texts = [html.unescape(row["text"]) for row in csv.DictReader(handle)]
    with open(shared / "veg3_instagram.csv", encoding="utf-8", newline="") as handle:
        texts += [row["Description"] for row in csv.DictReader(handle)]
    found = {text: detect_language(text) for text in texts}
    assert set(found.values()) <= {None, "en", "es"}
    spanish = [text for text, lang in found.items() if lang == "es"]
    assert all(any(f" {word} " in f" {text} " for word in ("el", "y", "ningún", "ganador")) for text in spanish)
    assert sum(lang == "en" for lang in found.values()) > 500  # the rest: too short to tell, so English by default


@pytest.mark.parametrize(("value", "message"), [("english", "did you mean 'en'"), ("en_US", "got 'en_US'")])
def test_a_language_name_in_the_config_is_an_error_naming_the_codes(value: str, message: str) -> None:
    with pytest.raises(ConfigError, match="expected a language code such as en, bn, es") as raised:
        load_config({"lang": value})
    assert message in str(raised.value)


def test_language_tags_are_accepted_in_any_case() -> None:
    assert load_config({"lang": "pt-BR"}).lang == "pt-br"
    assert load_config({"overrides": [{"files": ["bn/**"], "lang": "BN"}]}).overrides[0].lang == "bn"
