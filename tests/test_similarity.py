"""Known answers for the near-duplicate core of RP001/RP002 (contentlint.text.similarity)."""

from __future__ import annotations

import itertools
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contentlint.text.similarity import (
    MIN_CONTAINMENT_SHINGLES,
    Signature,
    find_similar_pairs,
    make_signature,
)
from contentlint.text.similarity_words import similarity_tokens

LINKEDIN = (
    "Exams are three weeks away, and we know how that feels. "
    "Our Glide gel pens dry in under a second, so left-handed students stop smudging their notes. "
    "We tested them with 240 students in Kolkata during the winter term. "
    "Order a pack of five before Friday and we will add a free refill. #InkWell #ExamSeason"
)
UNRELATED = [
    "The monsoon edition of our dotted journal has a water-resistant cover and thicker pages.",
    "Meet Priya, a teacher in Pune who plans every lesson in a leather diary from our studio.",
    "Fountain pen ink bottles are back in forest green, crimson and a deep midnight blue shade.",
    "Our desk organiser keeps chargers, sticky notes and three rulers in one tidy wooden tray.",
    "Calligraphy workshop this Sunday in Bengaluru: bring a friend and learn brush lettering basics.",
    "Children's Day bundle: twelve colour pencils, a sketchbook and stickers for little artists.",
    "Architects asked for a finer tip, so the new fineliner draws a crisp 0.2 mm line on tracing paper.",
    "Twenty years ago our founder sold refills from a bicycle on College Street; today we ship nationwide.",
    "Planner season: weekly spreads, habit trackers and a pocket for receipts in the new Atlas planner.",
    "A rollerball that glides on cheap printer paper without skipping, tested on a thousand pages.",
]
SIGN_OFF = "Write on, and keep the ink flowing. Team InkWell, Kolkata"
BN_LONG = (
    "পরীক্ষা আসছে, আর আমরা জানি সেই চাপ কেমন। আমাদের গ্লাইড জেল পেনের কালি এক সেকেন্ডেই শুকিয়ে যায়, "
    "তাই বাঁহাতি শিক্ষার্থীদের খাতাও থাকে পরিষ্কার। শুক্রবারের আগে পাঁচটির প্যাক অর্ডার করলে একটি রিফিল ফ্রি। #পরীক্ষা"
)
BN_COPY = (
    "পরীক্ষা আসছে, আর আমরা জানি সেই চাপ কেমন! আমাদের গ্লাইড জেল পেনের কালি এক সেকেন্ডেই শুকিয়ে যায়, "
    "তাই বাঁহাতি শিক্ষার্থীদের খাতাও থাকে পরিষ্কার। ✍️ শুক্রবারের আগে পাঁচটির প্যাক অর্ডার করলে একটি রিফিল ফ্রি। "
    "inkwell.in/glide #InkWell #শিক্ষার্থী"
)
BN_OTHER_1 = "এই বর্ষায় আমাদের নতুন ডায়েরি এসেছে, এর মলাট জলরোধী আর পাতাগুলো অনেক মোটা, তাই ভিজে গেলেও লেখা নষ্ট হবে না।"
BN_OTHER_2 = "পূজার ছুটিতে বাচ্চাদের জন্য রঙপেন্সিলের বাক্স আর একটি স্কেচবুক উপহার দিন, তাই ওরা সারাদিন ছবি আঁকবে আর গল্প লিখবে।"


def sig(text: str, lang: str = "en") -> Signature:
    return make_signature(similarity_tokens(text))


def pairs(texts: list[str], lang: str = "en", **kwargs: object) -> set[tuple[int, int]]:
    return {(p.a, p.b) for p in find_similar_pairs([sig(t, lang) for t in texts], **kwargs)}


# --- tokens -------------------------------------------------------------------------------------
def test_tokens_drop_what_a_cross_post_changes() -> None:
    text = (
        "Our GEL pens 🖊️✨ dry fast! #BackToSchool @inkwell_in @ink@mastodon.social $INKW "
        "https://inkwell.in/pens?utm=x inkwell.in/sale mail hi@inkwell.co.in InkWell™ 1️⃣ 𝐁𝐢𝐠"
    )
    assert similarity_tokens(text) == ["our", "gel", "pens", "dry", "fast", "mail", "inkwell", "big"]


def test_tokens_keep_numbers_apostrophes_and_bengali_words_whole() -> None:
    assert similarity_tokens("Don’t pay ₹1,600 for 2.5 pens") == ["don't", "pay", "1,600", "for", "2.5", "pens"]
    # Python's re \w would cut these at the vowel signs and the virama; ZWNJ is dropped.
    assert similarity_tokens("#ঈদসেল এক্সক্লুসিভ অফার, শুক্রবার‌ পর্যন্ত।") == ["এক্সক্লুসিভ", "অফার", "শুক্রবার", "পর্যন্ত"]


EN_SENTENCES = [
    "Exams are coming, so our gel pens dry in a second and your notes stay clean.",
    "Meet the Atlas planner: weekly spreads, a ribbon marker and 120 gsm paper.",
    "Get 20% off every fountain pen until Friday, then prices go back to normal.",
    "Which colour would you pick for the new term, forest green or midnight blue?",
    "Tag a friend who is always borrowing your pen (we all have one).",
    "Over 5,000 students in Kolkata switched last winter; here is why.",
]
BN_SENTENCES = [
    "পরীক্ষা আসছে, আপনার জেল পেন তৈরি তো?",
    "আমাদের নতুন ডায়েরির মলাট জলরোধী, তাই বর্ষাতেও লেখা থাকে ঝকঝকে।",
    "৭ অক্টোবর পর্যন্ত পুরো স্ক্রাইব সিরিজে পাচ্ছেন বিশেষ ছাড়।",
    "যে বন্ধু সবসময় আপনার কলম ধার নেয়, তাকে ট্যাগ করুন!",
    "কলকাতার ৫৬০০ জনেরও বেশি শিক্ষার্থী এখন এটিই ব্যবহার করেন।",
    "ক্ষমতা, স্বপ্ন আর উজ্জ্বল রঙের খাতা: এবারের বইমেলায় দেখা হবে।",
]


@pytest.fixture(scope="module")
def spacy_words():  # type: ignore[no-untyped-def]
    spacy = pytest.importorskip("spacy")
    nlps = {lang: spacy.blank(lang) for lang in ("en", "bn")}

    def words(text: str, lang: str) -> list[str]:
        """spaCy's word tokens, with English clitics ("n't", "'s") re-attached as `regex` keeps them."""
        out: list[str] = []
        for tok in nlps[lang](text):
            if tok.is_punct or tok.is_space or tok.is_currency:
                continue
            if out and tok.text.startswith("'") and not tok.nbor(-1).whitespace_:
                out[-1] += tok.lower_
            else:
                out.append(tok.lower_)
        return out

    return words


@pytest.mark.parametrize(("lang", "text"), [("en", s) for s in EN_SENTENCES] + [("bn", s) for s in BN_SENTENCES])
def test_tokens_equal_spacy_blank_word_tokens(spacy_words, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert similarity_tokens(text) == spacy_words(text, lang)


def test_known_differences_from_spacy_are_bengali_numbers(spacy_words) -> None:  # type: ignore[no-untyped-def]
    """spaCy's bn tokenizer keeps "২০%" glued and splits "৫,৬০০"; ours treats them as English numbers."""
    assert spacy_words("২০% ছাড়, ৫,৬০০ জন", "bn") == ["২০%", "ছাড়", "৫", "৬০০", "জন"]
    assert similarity_tokens("২০% ছাড়, ৫,৬০০ জন") == ["২০", "ছাড়", "৫,৬০০", "জন"]
    assert similarity_tokens("20% off, 5,600 of you") == spacy_words("20% off, 5,600 of you", "en")


def test_similarity_module_does_not_import_spacy() -> None:
    code = "import sys, contentlint.text.similarity; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- signatures ---------------------------------------------------------------------------------
def test_signature_is_stable_across_runs_and_processes() -> None:
    tokens = similarity_tokens("Our gel pens dry in a second")
    code = (
        "from contentlint.text.similarity import *; from contentlint.text.similarity_words import *; s = make_signature(similarity_tokens("
        "'Our gel pens dry in a second')); print(list(s.shingles))"
    )
    env = {"PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**env, "PATH": ""}
    )
    s = make_signature(tokens)
    assert out.stdout.strip() == f"{list(s.shingles)}"
    assert s.shingles.dtype == np.uint64
    assert s.shingles.size == 5 and np.all(np.diff(s.shingles.astype(np.float64)) > 0)
    # Pinned: if this changes, tokens or shingling changed -> bump NORMALISATION_VERSION.
    assert int(make_signature(["gel", "pens", "dry"]).shingles[0]) == 13652135365862358209


def test_short_posts_use_words_or_bigrams() -> None:
    assert make_signature(["hello"]).shingles.size == 1
    assert make_signature(["hello", "there"]).shingles.size == 1
    assert make_signature([]).shingles.size == 0
    assert make_signature(["a", "b", "c"]) != make_signature(["c", "b", "a"])


# --- pairs: known answers -----------------------------------------------------------------------
def test_cross_post_with_new_hashtags_emoji_and_link_is_found() -> None:
    copy = LINKEDIN.replace("#InkWell #ExamSeason", "✍️📚 https://inkwell.in/glide?utm_source=fb #StudyGram")
    found = find_similar_pairs([sig(t) for t in [LINKEDIN, *UNRELATED, copy]])
    assert [(p.a, p.b) for p in found] == [(0, len(UNRELATED) + 1)]
    assert found[0].similarity == 1.0


def test_tweet_that_is_one_sentence_of_a_linkedin_post_is_found() -> None:
    tweet = "Our Glide gel pens dry in under a second, so left-handed students stop smudging their notes ✨ #InkWell"
    assert pairs([LINKEDIN, tweet, *UNRELATED]) == {(0, 1)}


def test_tailored_rewrite_is_not_found() -> None:
    rewrite = (
        "Left-handed and tired of smudged notes? The Glide gel pen's ink is dry before your hand "
        "gets there. Five-packs come with a free refill until Friday."
    )
    assert pairs([LINKEDIN, rewrite, *UNRELATED]) == set()


def test_common_sign_off_is_boilerplate() -> None:
    posts = [f"{t}\n\n{SIGN_OFF}" for t in UNRELATED]  # 10 posts share it: more than 5 = boilerplate
    assert pairs(posts) == set() and pairs(posts, threshold=0.3) == set()
    # Without boilerplate removal the sign-off alone is a third of each post: that is what it prevents.
    assert len(pairs(posts, threshold=0.3, boilerplate_min_posts=1000)) == 45


def test_bengali_cross_post_is_found_and_unrelated_bengali_posts_are_not() -> None:
    assert pairs([BN_LONG, BN_OTHER_1, BN_COPY, BN_OTHER_2], lang="bn") == {(0, 2)}
    # BN_OTHER_1/2 share function words (আর, তাই, আমাদের ...) with each other and with BN_LONG.
    assert pairs([BN_OTHER_1, BN_OTHER_2, BN_LONG], lang="bn") == set()


def test_tiny_posts_need_more_than_one_shared_shingle() -> None:
    texts = [
        "Happy Diwali from all of us!",
        LINKEDIN,
        "Happy Diwali from all of us at InkWell 🪔",
        "Happy Diwali!",
        "Happy Diwali! 🎆 #InkWell",
    ]
    # "happy diwali" (1 bigram) is inside post 3 but only equals post 5; posts 0 and 2 share 3 of 3 shingles.
    assert pairs(texts) == {(0, 2), (3, 4)}
    assert MIN_CONTAINMENT_SHINGLES == 3


def test_queries_restrict_results_to_pairs_touching_them() -> None:
    copy = LINKEDIN.replace("#InkWell #ExamSeason", "#StudyGram")
    texts = [LINKEDIN, copy, *UNRELATED, UNRELATED[3] + " 🎁", UNRELATED[5]]
    everything = pairs(texts)
    assert everything == {(0, 1), (5, 12), (7, 13)}
    assert pairs(texts, queries=[0]) == {(0, 1)}
    assert pairs(texts, queries=[13]) == {(7, 13)}
    assert pairs(texts, queries=[12, 2]) == {(5, 12)}
    assert pairs(texts, queries=[]) == set()


def test_results_are_deterministic_and_sorted() -> None:
    texts = [LINKEDIN, *UNRELATED, LINKEDIN + " 🎉", UNRELATED[1] + "!"]
    first = find_similar_pairs([sig(t) for t in texts])
    assert first == find_similar_pairs([sig(t) for t in texts])
    assert first == sorted(first, key=lambda p: (p.a, p.b)) and all(p.a < p.b for p in first)


def test_threshold_is_validated_and_empty_input_is_fine() -> None:
    assert find_similar_pairs([]) == [] and find_similar_pairs([sig(LINKEDIN)]) == []
    assert find_similar_pairs([sig(""), sig("")]) == []
    with pytest.raises(ValueError):
        find_similar_pairs([sig(LINKEDIN), sig(LINKEDIN)], threshold=0)


# --- pairs: exactness against brute force -------------------------------------------------------
def brute_force(sigs: list[Signature], threshold: float, limit: float) -> dict[tuple[int, int], float]:
    counts: dict[int, int] = {}
    for s in sigs:
        for h in s.shingles.tolist():
            counts[h] = counts.get(h, 0) + 1
    sets = [{h for h in s.shingles.tolist() if counts[h] <= limit} for s in sigs]
    out = {}
    for i, j in itertools.combinations(range(len(sigs)), 2):
        a, b = sets[i], sets[j]
        if not a or not b:
            continue
        inter = len(a & b)
        lo = min(len(a), len(b))
        sim = inter / lo if lo >= MIN_CONTAINMENT_SHINGLES else inter / len(a | b)
        if sim >= threshold:
            out[(i, j)] = sim
    return out


WORDS = st.sampled_from("pen ink page note dry fast blue gel pad desk".split())


@settings(max_examples=60, deadline=None)
@given(
    docs=st.lists(st.lists(WORDS, min_size=0, max_size=12), min_size=2, max_size=25),
    threshold=st.sampled_from([0.3, 0.5, 0.6, 0.8, 1.0]),
    data=st.data(),
)
def test_matches_brute_force_and_queries_are_a_filter(
    docs: list[list[str]], threshold: float, data: st.DataObject
) -> None:
    sigs = [make_signature(d) for d in docs]
    expected = brute_force(sigs, threshold, max(5, 0.05 * len(sigs)))
    got = {(p.a, p.b): p.similarity for p in find_similar_pairs(sigs, threshold)}
    assert got.keys() == expected.keys()
    assert all(abs(got[k] - expected[k]) < 1e-9 for k in got)
    queries = set(data.draw(st.lists(st.integers(0, len(sigs) - 1), max_size=4)))
    restricted = {(p.a, p.b) for p in find_similar_pairs(sigs, threshold, queries=queries)}
    assert restricted == {k for k in expected if k[0] in queries or k[1] in queries}
