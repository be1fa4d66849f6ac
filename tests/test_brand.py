"""Brand and audience rules beyond their case files: word forms, word lists, mixed scripts."""

from __future__ import annotations

from conftest import REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contentlint.config.load import load_config
from contentlint.config.wordlists import WordLists, is_comment
from contentlint.run import RunOptions
from contentlint.text.wordforms import TermMatcher
from contentlint.workspace import Workspace

BRAND_CONFIG = {
    "brand": {
        "name": "InkWell",
        "pillars": {"smooth writing": ["smooth", "glide", "মসৃণ"]},
        "terms": {
            "prefer": {"cheap": "affordable", "সস্তা": "সাশ্রয়ী"},
            "avoid": {"cash cow": "slang", "জঘন্য": "harsh"},
            "competitors": ["Quillco", "কলমঘর"],
        },
        "claims": ["smudge-proof"],
    },
    "audiences": {"students": {"channels": ["instagram"]}},
}


def _found(matcher: TermMatcher, text: str) -> list[str]:
    return [m.text for m in matcher.find(text)]


def test_word_forms_and_possessives() -> None:
    matcher = TermMatcher(["cheap", "cash cow", "InkWell"])
    assert _found(matcher, "Cheaper, cheapest; cash cows; Inkwell's pens") == [
        "Cheaper",
        "cheapest",
        "cash cows",
        "Inkwell",
    ]


def test_a_superlative_term_means_that_degree_only() -> None:
    assert _found(TermMatcher(["cheapest"]), "cheap, cheaper, cheapest") == ["cheapest"]
    assert _found(TermMatcher(["guaranteed"]), "we guarantee it; guarantees") == ["guarantee", "guarantees"]


def test_bengali_terms_match_bengali_inflections_only() -> None:
    matcher = TermMatcher(["সস্তা", "কলম"])
    assert _found(matcher, "সস্তায় কলমের দাম, সস্তা কলমগুলো") == ["সস্তায়", "কলমের", "সস্তা", "কলমগুলো"]
    assert _found(matcher, "কলমদানি") == []  # a different word that starts the same


def load_wordlist(name: str) -> tuple[str, ...]:
    return WordLists().get(name).terms


def _wordlist_lines(name: str) -> list[str]:
    text = (REPO / "rules" / "wordlists" / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not is_comment(line)]


def test_brand_wordlists_are_sorted_unique_and_lower_case() -> None:
    for name in ("claims.txt", "claim-exceptions.txt"):
        entries = _wordlist_lines(name)
        assert entries == sorted(entries), f"{name} is not sorted"
        assert len(entries) == len(set(entries)), f"{name} has duplicates"
        assert all(e == e.lower() and e == e.strip() for e in entries), name
        assert load_wordlist(name) == tuple(entries)
    assert "#1" in load_wordlist("claims.txt"), "an entry starting with # is not a comment"


def test_every_exception_contains_a_claim() -> None:
    """An exception that contains no claim is dead weight (or a typo that silently does nothing)."""
    from contentlint.kinds.brand.claims import ClaimMatcher

    claims = ClaimMatcher.build(load_wordlist("claims.txt"), ())
    for exception in load_wordlist("claim-exceptions.txt"):
        assert claims.find(exception), f"{exception!r} contains no claim from claims.txt"


def _linter() -> Workspace:
    return Workspace(load_config(BRAND_CONFIG), options=RunOptions(select=("BR", "AU")))


def test_bengali_brand_terms_in_bengali_posts() -> None:
    text = "---\nchannel: instagram\naudience: students\n---\nসস্তা কলম নয়, কলমঘর-এর মতো জঘন্য কালিও নয়। আমাদের মসৃণ জেল পেন।"
    codes = sorted(v.code for v in _linter().check_text(text))
    assert codes == ["BR002", "BR003", "BR004"], codes


ALPHABET = st.sampled_from(
    list("aAzZ ’'-*#@.:/\n\r\t!?%₹৳১০০")
    + [
        "ক",
        "্",
        "ষ",
        "া",
        "ি",
        "়",
        "\u200d",
        "\u200c",
        "🖊️",
        "InkWell",
        "inkwell",
        "cheap",
        "সস্তা",
        "100%",
        "#1",
        "https://inkwell.in/a",
        "**",
        "---\n",
        "`",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_mixed_script_posts_never_crash(text: str) -> None:
    violations = _linter().check_text(text)  # lint_text raises on any rule's internal error
    for violation in violations:
        assert violation.line >= 1 and violation.column >= 1
        if violation.fix is not None:
            assert 0 <= violation.fix.start <= violation.fix.end <= len(text)


def test_rules_are_quiet_without_brand_config() -> None:
    linter = Workspace(load_config({}), options=RunOptions(select=("BR", "AU")))
    text = "Cheap Inkwell pens, guaranteed*! Quillco who? #1 in town."
    assert {v.code for v in linter.check_text(text)} <= {"BR007", "BR008"}
