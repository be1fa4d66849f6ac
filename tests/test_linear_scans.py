"""The linear scanners give exactly what the expressions they replaced give.

Several expressions were tried from every position of a run and read to its end each time:
quadratic in the run ("U.S." * 2000 took minutes). Each was rewritten to read a run once; here
the old expression is the reference, compared on generated text built from the pieces that
make runs, labels, TLDs and terminators.
"""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from contentlint.text import urls

SETTINGS = settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))

URL_PIECES = [
    *"aZ.-_/:?#@$ (),!'।\n",
    "\u00a0",
    "\u200f",
    "\ufeff",
    "ক",
    "ক্ষ",
    "é",
    "😀",
    "–",
    "https://",
    "http://",
    "HTTP://",
    "com",
    "co",
    "uk",
    "in",
    "xn--p1ai",
    "xn--",
    "bd",
    "বাংলা",
    "U.S.",
    "t.co/",
    "www.",
    "a_b",
    "example.com",
    ":80",
    "/path",
    "?q=1",
    "(x)",
    "COM",
    "Co",
    "РФ",
    "рф",
    "İn",
    "ſe",
    "\u212ar",
    "ı",
    "vermögensberater",
    "VERMÖGENSBERATER",
    "verm",
    "ö",
    "+",
    "みんな",
    "\u3000",
    "\t",
    "৳",
]
url_texts = st.lists(st.sampled_from(URL_PIECES), max_size=40).map("".join)


def _reference_matches(text: str) -> list[tuple]:
    """URL extraction before the scanner: the expression over each whitespace-free run that
    holds a dot and a letter, from the space before it."""
    runs = regex.finditer(f"[^{urls.SPACES}]+", text)
    windows = [(max(m.start() - 1, 0), m.end()) for m in runs if regex.search("\\.[^\\W\\d_]", m.group())]
    return [
        (
            m.group("before"),
            m.group("proto") or "",
            m.start("url"),
            m.end("url"),
            m.start("domain"),
            m.end("domain"),
            m.group("path") is not None,
        )
        for window in windows
        for m in urls.reference_url_pattern().finditer(text, *window)
    ]


def _matches(text: str) -> list[tuple]:
    return [
        (m.before, m.proto, m.start, m.end, m.domain_start, m.domain_end, m.has_path) for m in urls.url_matches(text)
    ]


@SETTINGS
@given(url_texts)
@example("কখ.com")
@example(" কখ.com")
@example("a_b.com.a_b.com.-x-.")
@example("https://a.com/x https://b.co.uk/?q=1#x")
@example("xU.S.U.S.com")
@example("ক্ষ.বাং ৳.৳ a..b\u3000x.y\tt.co/abc")
def test_url_matches_are_the_expressions_matches(text: str) -> None:
    assert _matches(text) == _reference_matches(text)


@SETTINGS
@given(
    st.lists(st.sampled_from([*"a.-é_Z", "com", "co", "uk", "xn--p1ai", "U.S.", "ক", "in"]), max_size=30).map("".join)
)
@example("a.comé.b.com")
@example("U.S.U.S.ক.com")
def test_ascii_domains_are_the_expressions_matches(domain: str) -> None:
    reference = [m.span() for m in urls.reference_ascii_domain_pattern().finditer(domain)]
    assert urls.ascii_domains(domain) == reference


TLD_PIECES = [
    *".a-+@_/ö",
    "com",
    "CO",
    "uk",
    "İs",
    "ſe",
    "\u212ar",
    "ı",
    "xn--",
    "XN--P1AI",
    "рф",
    "РФ",
    "verm",
    "vermögensberatung",
]


@SETTINGS
@given(st.lists(st.sampled_from(TLD_PIECES), max_size=20).map("".join))
@example(".vermögensberatung.com")
@example(".co+.uk@.in")
def test_tld_ends_are_where_the_tld_expression_matches(text: str) -> None:
    tld = regex.compile(urls._TLD, urls._FLAGS, tlds=urls.load_tlds())
    reference = {}
    for dot in (i for i, char in enumerate(text) if char == "."):
        found = tld.match(text, dot + 1)
        if found:
            reference[dot] = found.end()
    assert urls.tld_ends(text, 0, len(text)) == reference


def test_the_ascii_lookalikes_are_every_non_ascii_letter_regex_folds_to_ascii() -> None:
    everything = "".join(chr(code) for code in range(0x80, 0x110000) if not 0xD800 <= code < 0xE000)
    found = regex.findall("[0-9a-z@+-]", everything, urls._FLAGS)
    assert sorted(found) == sorted(urls._ASCII_LOOKALIKES)
    for char, ascii_letter in urls._ASCII_LOOKALIKES.items():
        assert regex.fullmatch(regex.escape(ascii_letter), char, urls._FLAGS)


# --- sentence ends -----------------------------------------------------------------------------
SENTENCE_PIECES = [
    *"aA. !?…।)\"'”»\u200d\ufe0f\u2060\u200b",
    *["😀", "🏽", "U.S.", "p.m.", "etc.", "1.", "e.g.", "Hi", "\t", "‼", "আমি", "কী"],
]


def _reference_cuts(text: str, line_start: int, line_end: int) -> list[int]:
    """`_cuts` before its candidates lost their lookaheads (and `_ends_sentence` its slices)."""
    from contentlint.text import sentences as module

    candidate = regex.compile(
        r"(?P<term>[.!?…।॥]+)(?P<close>[\"'”’»)\]]*)"
        r"(?:(?P<glued>(?<=[।॥][.!?…।॥]*[\"'”’»)\]]*)(?=[\p{L}\p{N}])|(?<=[?!][\"'”’»)\]]*)(?=[\p{Bengali}\p{Devanagari}]))"
        r"|(?=[\u200b\u2060\ufeff]*\s|[\u200b\u2060\ufeff]+\p{Lu}))"
        r"|(?P<emoji>\p{Extended_Pictographic}[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D]*)"
        r"(?=[\s\u200b\u2060\ufeff]+\p{Lu})"
    )

    def ends_sentence(match: regex.Match[str], next_char: str) -> bool:
        term = match.group("term")
        if any(mark in term for mark in "!?।॥"):
            return True
        if term.startswith("…") or term.startswith(".."):
            return not next_char.islower()
        before = module._WORD_ENDING.match(text, line_start, match.start())
        word = before.group() if before else ""
        bare = word.replace(".", "").lower()
        if bare in ("eg", "ie") or (bare in module._ALWAYS_CONTINUE and "." not in word):
            return False
        if bare in module._BEFORE_NUMBER and next_char.isdigit():
            return False
        if bare in module._END_CAPABLE:
            return next_char.isupper()
        if bare in module._TIME_INITIALS or bare in module._PLACE_INITIALS:
            return module._initials_end_sentence(text, match.end(), bare)
        if regex.search(r"(?:\p{L}\.)+\p{L}?$", word):
            return False
        sentence_start = cuts[-1] if cuts else line_start
        return not regex.match(r"^\s*(?:[-*+]\s+)?\(?\p{N}{1,3}$", text[sentence_start : match.start()])

    cuts: list[int] = []
    for match in candidate.finditer(text, line_start, line_end):
        if match.group("glued") is not None:
            cuts.append(match.end())
            continue
        next_match = module._NEXT_WORD.match(text, match.end(), line_end)
        if next_match and (match.group("emoji") or ends_sentence(match, next_match.group(1))):
            cuts.append(match.end())
    return cuts


@SETTINGS
@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=40).map("".join))
@example("Hi!!!! x")
@example("😀\u200d😀 A")
@example("a.a.a.aa. X")
@example("1. Open. 2. Close.")
@example("আমি।কী?আমি")
@example("Hi.\u2060A")
def test_sentence_cuts_are_the_expressions_cuts(line: str) -> None:
    from contentlint.text.sentences import _cuts

    assert _cuts(line, 0, len(line)) == _reference_cuts(line, 0, len(line))


# --- Markdown: links, images, code spans, comments ---------------------------------------------
MARKDOWN_PIECES = [
    *'[]()!`\n "x<>-',
    "![",
    "](",
    "<!--",
    "-->",
    "``",
    "```",
    "<!-- contentlint-disable BV001 -->",
    "\t",
]
markdown_texts = st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=40).map("".join)
_OLD_LINK = regex.compile(r"\[(?P<label>[^\]\n]*)\](?P<target>\([^)\n]*\)|\[[^\]\n]*\])")
_OLD_IMAGE = regex.compile(r"!\[(?P<alt>[^\]\n]*)\]\((?P<src>[^)\s]*)(?:\s+\"[^\"\n]*\")?\)")
_OLD_CODE_SPAN = regex.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", regex.S)


@SETTINGS
@given(markdown_texts)
@example("[a](" + "[b](" * 5 + "\n[c](d)")
@example('![a](b "t"x) ![c](d "e")')
@example("[x](ab[y][z]\n")
def test_links_and_images_are_the_expressions_matches(text: str) -> None:
    from contentlint.text.markdown_mask import _bracketed

    links = [(m.start(), m.start("label"), m.end("label"), m.end(), "") for m in _OLD_LINK.finditer(text)]
    images = [(m.start(), m.start("alt"), m.end("alt"), m.end(), m.group("src")) for m in _OLD_IMAGE.finditer(text)]
    as_tuples = lambda found: [(b.start, b.label_start, b.label_end, b.end, b.src) for b in found]  # noqa: E731
    assert as_tuples(_bracketed(text, image=False)) == links
    assert as_tuples(_bracketed(text, image=True)) == images


@SETTINGS
@given(markdown_texts)
@example("`a``b`c``")
def test_code_spans_are_the_expressions_matches(text: str) -> None:
    from contentlint.text.markdown_mask import _code_spans

    assert _code_spans(text) == [m.span() for m in _OLD_CODE_SPAN.finditer(text)]


@SETTINGS
@given(markdown_texts)
@example("<!-- a --> \n<!--<!-- b -->\t\r\nc <!--")
def test_stripped_comments_are_the_expressions_substitution(text: str) -> None:
    from contentlint.text.markdown_mask import strip_comments

    assert strip_comments(text) == regex.sub(r"<!--.*?-->[ \t]*\r?\n?", "", text, flags=regex.S)


@SETTINGS
@given(markdown_texts)
@example("<!-- contentlint-disable x --> <!-- contentlint-enable")
def test_suppression_directives_are_the_expressions_matches(text: str) -> None:
    from contentlint.engine import suppress

    directive = regex.compile(r"<!--\s*contentlint-(disable-next-line|disable|enable)\b(.*?)-->", regex.S)
    expected = [(m.span(), m.groups()) for m in directive.finditer(text)]
    assert [(m.span(), m.groups()) for m in suppress._directives(text)] == expected


# --- e-mail addresses, domains for the repetition rules, link texts ------------------------------
WORD_PIECES = [
    *"ab.@-_+%ক া\n()[]!",
    "co",
    "com",
    "x.y",
    "a@b.co",
    "-a.",
    "](",
    "[a](b)",
    "in",
    "/",
    "ab/",
    "x1/",
    "comক",
]
word_texts = st.lists(st.sampled_from(WORD_PIECES), max_size=40).map("".join)


@SETTINGS
@given(word_texts)
@example("a@b.co_x@c.de xx@y.z")
def test_email_spans_are_the_expressions_matches(text: str) -> None:
    import re

    from contentlint.text.document import email_spans

    assert email_spans(text) == [m.span() for m in re.finditer(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text)]


@SETTINGS
@given(word_texts)
@example("a@b.co_x@c.de xx@y.z")
def test_repetition_email_pattern_removes_what_it_removed(text: str) -> None:
    from contentlint.text import similarity_words as similarity

    old = regex.compile(r"[\p{L}\p{N}._%+-]++@[\p{L}\p{N}-]++(?:\.[\p{L}\p{N}-]++)+")
    new = next(pattern for marker, pattern in similarity._NOT_PROSE if marker == "@")
    assert new.sub(" ", text) == old.sub(" ", text)


@SETTINGS
@given(word_texts)
@example("a..b-c.com")
@example("-a.-a.com.-b.in")
@example("a.b,a.b.ab/x a.comা b.co-x")
def test_domain_spans_are_the_expressions_matches(text: str) -> None:
    from contentlint.text import similarity_words as similarity

    expected = [m.span() for m in similarity._DOMAIN.finditer(text)]
    assert list(similarity._domain_spans(text, 0, len(text))) == expected


@SETTINGS
@given(word_texts)
@example("[a](b [c](d)\n[e](" + "[f](" * 3)
def test_link_texts_are_the_expressions_matches(text: str) -> None:
    from contentlint.kinds import link_text

    for start in (0, min(3, len(text))):
        expected = [m.span() for m in link_text._LINK.finditer(text, start)]
        assert [m.span() for m in link_text._links(text, start)] == expected


# --- hashtag segmentation ----------------------------------------------------------------------
def _reference_best_splits(run: str, keep: int = 2) -> list[tuple[float, tuple[str, ...]]]:
    """`best_splits` before back-pointers: every split as a tuple of words, ranked by nlargest."""
    import heapq
    import math

    from contentlint.text import hashtag_words as module

    counts = module.word_counts()
    best: list[list[tuple[float, tuple[str, ...]]]] = [[(0.0, ())]] + [[] for _ in run]
    for end in range(1, len(run) + 1):
        candidates = []
        for start in range(max(0, end - module._MAX_WORD), end):
            word = run[start:end]
            known = counts.get(word)
            score = known if known is not None else 1.0 - math.log10(module._TOTAL) - len(word)
            for prefix_score, prefix in best[start]:
                candidates.append((prefix_score + score, (*prefix, word)))
        best[end] = heapq.nlargest(keep, candidates, key=lambda item: item[0])
    return best[len(run)]


@SETTINGS
@given(
    st.lists(
        st.sampled_from(["back", "to", "school", "pen", "is", "land", "a", "x", "q", "ink", "z"]), max_size=12
    ).map("".join),
    st.integers(1, 3),
)
@example("backtoschool", 2)
@example("penisland", 2)
@example("qqqqqqqqqqqqqqqqqqqqqqqqqqqqqq", 2)
def test_best_splits_are_the_old_splits(run: str, keep: int) -> None:
    from contentlint.text.hashtag_words import best_splits

    assert best_splits(run, keep) == _reference_best_splits(run, keep)


# --- where a post goes over its limit ------------------------------------------------------------
@SETTINGS
@given(
    st.lists(st.sampled_from(["a", " ", "😀", "https://a.co", "-", "/x ", "ক্ষ", "\n", "#tag "]), max_size=60).map(
        "".join
    ),
    st.sampled_from(["weighted", "graphemes", "code-points", "mastodon"]),
    st.integers(0, 40),
)
@example("https://a.co-" + "a" * 30, "weighted", 23)
def test_first_over_is_where_the_count_goes_over(text: str, unit: str, limit: int) -> None:
    """A cut where the count goes from within the limit to over it; the one the plain binary
    search finds where counts only grow (a URL that stops being one makes its count drop)."""
    from contentlint.kinds.length import _first_over
    from contentlint.text.counting import count

    cut = _first_over(text, unit, limit)
    assert cut == len(text) or count(text[: cut + 1], unit) > limit
    assert cut == 0 or count(text[:cut], unit) <= limit
    if unit in ("graphemes", "code-points"):
        low, high = 0, len(text)
        while low < high:
            middle = (low + high) // 2
            if count(text[: middle + 1], unit) > limit:
                high = middle
            else:
                low = middle + 1
        assert cut == low


def test_a_run_that_is_one_known_emoji_is_what_emoji_list_finds_in_it() -> None:
    """`extract_emoji` takes a run that is a key of EMOJI_DATA as one emoji without tokenizing it."""
    import emoji

    for sequence in emoji.EMOJI_DATA:
        assert emoji.emoji_list(sequence) == [{"match_start": 0, "match_end": len(sequence), "emoji": sequence}]
