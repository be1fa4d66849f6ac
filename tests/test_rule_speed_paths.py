"""The fast paths of the rule kinds give exactly the findings of the slow paths they skip.

Each pre-check ("no candidate character at all, so nothing to find") and each shortcut is
compared with the code it replaced, kept here as the reference, on generated text that mixes
the characters the rules care about (fancy letters, invisible characters, emoji parts, caps).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contentlint.engine.building import build_kind
from contentlint.kinds import fancy_text, invisible_text, shared
from contentlint.kinds.base import RuleContext
from contentlint.kinds.fancy_letters import may_be_fancy, strength
from contentlint.kinds.fancy_text import FancyText, find_fancy_runs
from contentlint.kinds.invisible_chars import find_invisible
from contentlint.kinds.invisible_text import InvisibleCharacters
from contentlint.kinds.published_fields import published_fields
from contentlint.kinds.shouting import _POSSESSIVE, _ROMAN, Shouting, _is_dictionary_word
from contentlint.kinds.wordlist import WordList
from contentlint.text.document import parse_document
from contentlint.text.extract import extract_emoji
from contentlint.text.wordforms import tokenize

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))

ASCII = list("abcdeHIJKLMNOP XYZ 0123456789 #*.,!?'’-\n\t")
FANCY = list("𝐛𝐨𝐥𝐝𝓈𝒸𝓇ＦＵＬＬⓒⓘⓡ🅰🅱🅿ᴀʙᴄɴʀʜᵃᵇℝℓ①②⓪㊙")
INVISIBLE = list("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u202a\u202e\u2066\U000e0041\U000e0100\u3164\u034f")
EMOJI_PARTS = list("😀👨👩👧❤☀✍🙏🏽🇧🇩🔥\ufe0f\ufe0e\u20e3©®™🅿️")
OTHER = list("ক্ষআমারঅফার।—…“”₹৳éüß中文한국αβ")
ALPHABET = ASCII + FANCY + INVISIBLE + EMOJI_PARTS + OTHER
texts = st.lists(st.sampled_from(ALPHABET), max_size=60).map("".join)
plainish = st.lists(st.sampled_from(ASCII + OTHER), max_size=60).map("".join)


def _doc(body: str, title: str = "", alt: str = "") -> Any:
    front = ""
    if title or alt:
        front = "---\n"
        if title:
            front += f"title: {title}\n"
        if alt:
            front += f"images:\n  - src: a.png\n    alt: {alt}\n"
        front += "---\n"
    return parse_document("post.md", front + body)


def _ctx() -> RuleContext:
    from contentlint.config.load import load_config
    from contentlint.workspace import Workspace

    return Workspace(load_config({})).engine.context


def _old_invisible(doc: Any) -> list[tuple[int, int, dict, Any]]:
    """AX004 before its pre-check: emoji offsets for every source, every post."""
    sources = [(doc.prose, 0, invisible_text._emoji_offsets(doc.prose, doc.emoji))]
    sources += [(value, offset, invisible_text._emoji_offsets(value)) for value, offset in published_fields(doc)]
    found = []
    for text, shift, emoji_offsets in sources:
        for run in invisible_text._runs(find_invisible(text, emoji_offsets)):
            start, end = run[0].offset + shift, run[-1].offset + 1 + shift
            characters, reason = invisible_text._describe(run)
            found.append((start, end, {"characters": characters, "reason": reason}, ("", start, end)))
    return found


def _findings(items: Any) -> list[tuple]:
    return [(f.start, f.end, f.args, (f.fix.replacement, f.fix.start, f.fix.end) if f.fix else None) for f in items]


@SETTINGS
@given(texts)
def test_may_be_fancy_is_false_only_without_fancy_characters(text: str) -> None:
    assert may_be_fancy(text) == any(strength(char) for char in text)


@SETTINGS
@given(texts, st.booleans())
def test_fancy_runs_are_those_of_the_slow_path(text: str, allow_fullwidth: bool) -> None:
    fast = find_fancy_runs(text, allow_fullwidth)
    original = fancy_text.may_be_fancy
    fancy_text.may_be_fancy = lambda _text: True  # type: ignore[assignment]
    try:
        slow = find_fancy_runs(text, allow_fullwidth)
    finally:
        fancy_text.may_be_fancy = original
    assert fast == slow


@SETTINGS
@given(texts, texts.filter(lambda t: "\n" not in t and ":" not in t and "#" not in t))
def test_fancy_text_rule_matches_slow_path(body: str, title: str) -> None:
    doc = _doc(body, title=title.strip().replace("'", "").replace('"', ""))
    rule = build_kind(FancyText, {})
    fast = _findings(rule.check(doc, _ctx()))
    original = fancy_text.may_be_fancy
    fancy_text.may_be_fancy = lambda _text: True  # type: ignore[assignment]
    try:
        slow = _findings(rule.check(_doc(body, title=title.strip().replace("'", "").replace('"', "")), _ctx()))
    finally:
        fancy_text.may_be_fancy = original
    assert fast == slow


@SETTINGS
@given(texts, texts.filter(lambda t: "\n" not in t and ":" not in t and "#" not in t))
def test_invisible_characters_rule_matches_slow_path(body: str, alt: str) -> None:
    alt = alt.strip().replace("'", "").replace('"', "")
    fast = _findings(build_kind(InvisibleCharacters, {}).check(_doc(body, alt=alt), _ctx()))
    slow = [(s, e, a, f) for s, e, a, f in _old_invisible(_doc(body, alt=alt))]
    assert fast == slow


@SETTINGS
@given(texts)
def test_emoji_pre_check_never_hides_an_emoji(text: str) -> None:
    if not shared.may_have_emoji(text):
        assert extract_emoji(text) == []
    doc = parse_document("post.txt", text)
    assert shared.emoji(doc) == doc.emoji


def _old_shouted(word: str, min_letters: int, allowed: frozenset[str]) -> bool:
    letters = [c for c in word if c.isalpha()]
    if len(letters) < min_letters or not all(c.isupper() for c in letters):
        return False
    if any(c.isdigit() for c in word):
        return False
    core = _POSSESSIVE.sub("", word.upper())
    return core not in allowed and not _ROMAN.match(core) and _is_dictionary_word(core.lower())


@SETTINGS
@given(
    st.lists(st.sampled_from(list("aAbBzZ’'-1ǅⅰⅠⓐÀàßẞİıΣσ\u0345") + FANCY[:6]), min_size=1, max_size=8).map("".join),
    st.integers(min_value=2, max_value=6),
)
def test_shouted_word_shortcut_is_exact(word: str, min_letters: int) -> None:
    rule = build_kind(Shouting, {"min_letters": min_letters, "acronyms": ["NASA"]})
    assert rule._shouted(word, rule.acronyms) == _old_shouted(word, min_letters, rule.acronyms)


WORD_LISTS = [
    {"list": "jargon.txt"},
    {"list": "weasel.txt", "exceptions": ["the very", "very own", "not really", "'d rather"]},
    {"list": "wordy.txt", "fix": True, "word_forms": False},
]
words = st.sampled_from(
    [
        "very",
        "really",
        "synergy",
        "leverage",
        "in",
        "order",
        "to",
        "the",
        "own",
        "not",
        "rather",
        "I'd",
        "Synergies",
        "leveraged",
        "circle",
        "back",
        "at",
        "this",
        "point",
        "time",
        "pen",
    ]
)
prose = st.lists(st.tuples(words, st.sampled_from([" ", "  ", ", ", ". ", "-", "\n"])), max_size=25).map(
    lambda parts: "".join(w + s for w, s in parts)
)


@SETTINGS
@given(prose)
def test_word_lists_find_the_same_with_and_without_given_tokens(text: str) -> None:
    for options in WORD_LISTS:
        rule = build_kind(WordList, options)
        if hasattr(rule.matcher, "_by_prefix"):
            assert rule.matcher.find(text) == rule.matcher.find(text, tokenize(text))
        if rule.exception_matcher:
            assert rule.exception_matcher.find(text) == rule.exception_matcher.find(text, tokenize(text))


def test_corpus_posts_give_the_same_findings_on_fast_and_slow_paths() -> None:
    """Real posts: AX003 and AX004 with and without their pre-checks."""
    posts = sorted((ROOT / "bench").glob("precision*/*/posts/**/*.md"))[:300]  # committed published-style posts
    assert len(posts) >= 200
    ctx = _ctx()
    fancy, invisible = build_kind(FancyText, {}), build_kind(InvisibleCharacters, {})
    for path in posts:
        text = path.read_text(encoding="utf-8")
        assert _findings(invisible.check(parse_document(str(path), text), ctx)) == _old_invisible(
            parse_document(str(path), text)
        )
        fast = _findings(fancy.check(parse_document(str(path), text), ctx))
        original = fancy_text.may_be_fancy
        fancy_text.may_be_fancy = lambda _text: True  # type: ignore[assignment]
        try:
            slow = _findings(fancy.check(parse_document(str(path), text), ctx))
        finally:
            fancy_text.may_be_fancy = original
        assert fast == slow, path


def test_never_fancy_blocks_hold_no_fancy_character() -> None:
    from contentlint.kinds.fancy_letters import NEVER_FANCY_RANGES

    fancy = [hex(code) for first, last in NEVER_FANCY_RANGES for code in range(first, last + 1) if strength(chr(code))]
    assert not fancy


word_like = list("abWeour'’\u0301ক্ষা") + [" ", " ", "\t", "!", ",", "🎉", "-", "1"]


@SETTINGS
@given(st.lists(st.sampled_from(word_like), max_size=40).map("".join), st.integers(min_value=0, max_value=5))
def test_words_before_an_emoji_match_the_whole_line_search(line: str, cut: int) -> None:
    from contentlint.kinds.emoji_use import _WORD_BEFORE, words_before

    text = "x\n" + line
    line_start = 2
    end = max(line_start, len(text) - cut)
    slow = _WORD_BEFORE.search(text[line_start:end])
    fast = words_before(text, line_start, end)
    assert (slow and slow.groups()) == (fast and fast.groups())


@SETTINGS
@given(
    st.lists(st.sampled_from(list("aB.1 ,!\u0301কা।e…") + ["  ", "H.A.", "etc."]), max_size=30).map("".join),
    st.integers(min_value=0, max_value=8),
    st.integers(min_value=0, max_value=8),
)
def test_word_ending_a_sentence_candidate_matches_the_forward_search(text: str, skip: int, cut: int) -> None:
    from contentlint.text.sentences import _WORD_BEFORE, _WORD_ENDING

    start, end = min(skip, len(text)), max(min(skip, len(text)), len(text) - cut)
    slow = _WORD_BEFORE.search(text, start, end)
    fast = _WORD_ENDING.match(text, start, end)
    assert (slow.group(1) if slow else "") == (fast.group() if fast else "")


def _reference_emoji(text: str) -> list[tuple[int, int, str]]:
    """extract_emoji before its fast path: `emoji.emoji_list` over the whole text."""
    import emoji

    from contentlint.text.extract import _KEYCAP, _TEXT_DEFAULT

    out = [
        (item["match_start"], item["match_end"], item["emoji"])
        for item in emoji.emoji_list(text)
        if item["emoji"] not in _TEXT_DEFAULT and not (len(item["emoji"]) == 1 and item["emoji"] in "0123456789#*")
    ]
    covered = {i for start, end, _ in out for i in range(start, end)}
    out += [(m.start(), m.end(), m.group()) for m in _KEYCAP.finditer(text) if m.start() not in covered]
    return sorted(out)


@SETTINGS
@given(texts)
def test_emoji_runs_find_what_the_whole_text_scan_finds(text: str) -> None:
    assert [(e.start, e.end, e.value) for e in extract_emoji(text)] == _reference_emoji(text)


def test_emoji_runs_on_keycaps_flags_and_numbers() -> None:
    for text in ("1️⃣ 2⃣ #️⃣ *️⃣ 2024 #1", "🏴󠁧󠁢󠁥󠁮󠁧󠁿 and 🇧🇩🇧🇩", "👩🏽‍💻✍️ 10x", "৫০% ছাড় 🎉🎉", "❤️‍🔥1️⃣2"):
        assert [(e.start, e.end, e.value) for e in extract_emoji(text)] == _reference_emoji(text)


# --- front matter: libyaml where it agrees with PyYAML ------------------------------------
YAML_PIECES = list("abc:- \n[],{}'\"#!|>?%@`1.0+xyzনক্ষ😀\\\r\t&*") + [
    "true",
    "null",
    "~",
    "2026-01-02",
    "0x1F",
    ".inf",
    "yes",
    "title: ",
    "\n- ",
    "!!str ",
    "---\n",
    "...\n",
    "\u2028",
    "\x85",
    "\x07",
    "\ufeff",
    "12:30:00",
    "<<: ",
    "!tag ",
    "\n  ",
    "key: |\n  ",
    "- [a, b]\n",
    "'it''s'",
    '"\\u0041"',
    "? ",
    "{a: 1, b: [2]}",
    ">-\n  folded",
    "# comment",
    "Ready? ",
    "Sale!",
    ": ",
    "images:\n  - src: a.png\n    alt: ",
    "&a ",
    "*a",
    "!!python/object:os.system ",
]


def _yaml_outcome(load: Any, text: str) -> tuple:
    from contentlint.text.yamlsafe import YamlError

    try:
        return ("ok", load(text))
    except YamlError as exc:
        return ("error", exc.message, exc.line)


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(YAML_PIECES), max_size=30).map("".join))
def test_front_matter_loads_as_pyyaml_alone_loads_it(text: str) -> None:
    """libyaml reads only what it reads exactly as PyYAML does: data, positions and errors."""
    from contentlint.text import yamlsafe

    assert _yaml_outcome(yamlsafe.load, text) == _yaml_outcome(lambda t: yamlsafe._load_with(yamlsafe._Loader, t), text)


def test_everyday_front_matter_takes_the_libyaml_path() -> None:
    from contentlint.text import yamlsafe

    text = "title: Big news! Ready for it?\nchannels:\n  - x\n  - linkedin\naudience: students\npublish_at: 2026-12-01T09:00:00+06:00\n"
    assert yamlsafe._c_loader_agrees(text)
    assert not yamlsafe._c_loader_agrees("base: &b {a: 1}\nother: *b\n")


# --- repetition tokens: ASCII and already-normalised text skip passes ------------------------
def _reference_similarity_tokens(body: str) -> list[str]:
    """similarity_tokens before its fast paths: every pass on every text."""
    import unicodedata

    from contentlint.text import similarity_words as similarity

    text = similarity._SYMBOLS.sub(" ", body)
    text = unicodedata.normalize("NFKC", text).casefold()
    text = similarity._FORMAT_CHARS.sub("", text)
    text = similarity._APOSTROPHES.sub("'", text)
    for marker, pattern in similarity._NOT_PROSE:
        if marker in text:
            text = pattern.sub(" ", text)
    return similarity._WORD.findall(text)


SIMILARITY_PIECES = (
    ASCII
    + FANCY
    + INVISIBLE
    + EMOJI_PARTS
    + OTHER
    + list("`'’ŉﬁ™Ⅻ@/$")
    + ["https://a.co/x", "inkwell.in", "#Tag", "@user", "$INK", "a@b.com"]
)


@SETTINGS
@given(st.lists(st.sampled_from(SIMILARITY_PIECES), max_size=50).map("".join))
def test_similarity_tokens_fast_paths_keep_the_tokens(text: str) -> None:
    from contentlint.text.similarity_words import similarity_tokens

    assert similarity_tokens(text) == _reference_similarity_tokens(text)


# --- X hashtags: matched beside each # instead of scanned from every position ------------------
HASHTAG_PIECES = list("#＃ab1_&\n.-/:'") + [
    "\ufe0f",
    "\ufe0e",
    "\u20e3",
    "\u200c",
    "ক্ষ",
    "ি",
    "😀",
    "https://x.co/#a",
    "#️⃣",
    "##",
    "a#b",
    "&#",
    "://",
]


@SETTINGS
@given(st.lists(st.sampled_from(HASHTAG_PIECES), max_size=40).map("".join))
def test_x_hashtag_matches_are_the_full_scans(text: str) -> None:
    from contentlint.text.extract import _X_HASHTAG, _x_hashtag_matches

    assert [m.span() for m in _x_hashtag_matches(text)] == [m.span() for m in _X_HASHTAG.finditer(text)]


# --- Markdown mask: passes skipped when their syntax's first character is absent --------------
def _reference_mask_markdown(text: str) -> tuple[str, tuple]:
    """mask_markdown before its pre-checks: every pass, a re-join after each, and the link, image
    and code-span expressions themselves (tests/test_linear_scans.py compares their scanners)."""
    import re

    from contentlint.text import markdown_mask as m

    code_span = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
    image = re.compile(r"!\[(?P<alt>[^\]\n]*)\]\((?P<src>[^)\s]*)(?:\s+\"[^\"\n]*\")?\)")
    link = re.compile(r"\[(?P<label>[^\]\n]*)\](?P<target>\([^)\n]*\)|\[[^\]\n]*\])")
    chars = list(text)
    offset, fence = 0, None
    for line in text.splitlines(keepends=True):
        match = m._FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            m._blank_into(chars, offset, offset + len(line))
        elif fence is not None:
            m._blank_into(chars, offset, offset + len(line))
            if match and match.group(1).startswith(fence):
                fence = None
        offset += len(line)
    current = "".join(chars)
    for pattern in (m._COMMENT, code_span):
        for match in pattern.finditer(current):
            m._blank_into(chars, match.start(), match.end())
        current = "".join(chars)
    images = []
    for match in image.finditer(current):
        images.append(
            m.MarkdownImage(match.group("src"), match.group("alt"), match.start(), match.end(), match.start("alt"))
        )
        m._blank_into(chars, match.start(), match.end())
    current = "".join(chars)
    for match in link.finditer(current):
        m._blank_into(chars, match.start(), match.start() + 1)
        m._blank_into(chars, match.end("label"), match.end())
    for pattern in (m._REF_DEF, m._HTML_TAG):
        current = "".join(chars)
        for match in pattern.finditer(current):
            m._blank_into(chars, match.start(), match.end())
    return "".join(chars), tuple(images)


MARKDOWN_PIECES = list('ab \n\r`~[]()!<>:-#*"') + [
    "```",
    "~~~",
    "\n```py\n",
    "<!--",
    "-->",
    "![alt](a.png)",
    "[x](y)",
    "[ref]: http://x",
    "<b>",
    "</i>",
    "<https://a.b>",
    "`code`",
    "ক্ষ",
    "😀",
]


@SETTINGS
@given(st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=40).map("".join))
def test_markdown_mask_pre_checks_keep_the_mask(text: str) -> None:
    from contentlint.text.markdown_mask import mask_markdown

    assert mask_markdown(text) == _reference_mask_markdown(text)


DOMAIN_PIECES = list("ab.-/@ \n\t\u00a0") + [
    "inkwell",
    ".in",
    ".com",
    "ক্ষ",
    ".shop/x",
    "www.",
    "é",
    "1",
    "..",
    "\u2003",
]


@SETTINGS
@given(st.lists(st.sampled_from(DOMAIN_PIECES), max_size=40).map("".join))
def test_domains_blanked_in_windows_as_in_one_pass(text: str) -> None:
    from contentlint.text.similarity_words import _DOMAIN, _blank_domains

    assert _blank_domains(text) == _DOMAIN.sub(" ", text)


# --- BV003's exact phrases: a plain-text search first ---------------------------------------
PHRASES = [
    "in order to",
    "a large number of",
    "due to the fact that",
    "at this point in time",
    "whether or not",
    "straße frei",
]
PHRASE_PIECES = (
    [
        "in",
        "In",
        "IN",
        "order",
        "ORDER",
        "to",
        "tO",
        "a",
        "large",
        "number",
        "of",
        "due",
        "the",
        "fact",
        "that",
        "at",
        "this",
        "point",
        "time",
        "whether",
        "or",
        "not",
        "ſtraße",
        "STRASSE",
        "frei",
        "ẞ",
    ]
    + list("  \t\u00a0\n.,'-ক")
    + ["\u00a0\u00a0", "x", "Kelvin\u212a"]
)


SEPARATORS = [" ", "  ", "\t", "\u00a0", " \u00a0", "\n", "-", ""]
phrase_texts = st.lists(
    st.tuples(st.sampled_from(PHRASES), st.sampled_from(SEPARATORS), st.booleans()).map(
        lambda t: t[1].join(word.upper() if t[2] else word.replace("s", "ſ") for word in t[0].split()) + " "
    ),
    max_size=4,
).map("".join)


@SETTINGS
@given(
    st.lists(st.sampled_from(PHRASE_PIECES), max_size=30).map("".join),
    st.lists(st.sampled_from(PHRASE_PIECES), max_size=30).map(" ".join),
    phrase_texts,
)
def test_exact_phrases_plain_search_never_hides_a_match(glued: str, spaced: str, phrased: str) -> None:
    from contentlint.kinds.wordlist import ExactPhrases

    phrases = ExactPhrases.build(PHRASES)
    for text in (glued, spaced, phrased):
        reference = [(m.start(), m.end()) for m in phrases.pattern.finditer(text)]
        assert [(m.start, m.end) for m in phrases.find(text)] == reference
