"""BR001-BR008: the brand's own words, claims and disclosures, read from `brand:` in the config.

Words are matched on word forms (wordforms.TermMatcher) in `doc.plain`, where URLs, handles,
hashtags, e-mails and code are already blanked, so a brand term inside a link is never "found".
A term written as a hashtag in the config ("#cheap") is matched against the post's hashtags.
Fixes are offered only where the edit is certainly right: an exact, uninflected match.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

import regex

from contentlint.config.builtin import builtin_rules_dir
from contentlint.kinds.base import OptionError, RuleContext, string_list, string_mapping, validate_options
from contentlint.kinds.generic import scoped_text
from contentlint.model.violation import Finding, Fix
from contentlint.text.casing import match_case
from contentlint.text.wordforms import TermMatcher, is_english_word, tokenize

_LETTER = r"\p{L}\p{M}\p{N}"
_WORD = regex.compile(rf"[{_LETTER}]+(?:['’][{_LETTER}]+)*")
_LETTERS = regex.compile(r"\p{L}+")
_LAST_WORD = regex.compile(rf"[{_LETTER}]+$")
_STAR = regex.compile(r"(?<=\S)\*+")
_URL_LIKE = regex.compile(r"(?:https?://|www\.)\S+|[\w.-]+\.[a-z]{2,}/\S*", regex.IGNORECASE)


# ------------------------------------------------------------------ shared helpers


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    term: str  # the configured term
    text: str  # as written in the file
    exact: bool  # same form as the term (only spacing of a phrase may differ in case)


def _cached(ctx: RuleContext, key: tuple, build: Any) -> Any:
    """Matchers built from config live once per run, not once per post."""
    if key not in ctx.memo:
        ctx.memo[key] = build()
    return ctx.memo[key]


def _words_of(term: str) -> str:
    return " ".join(_WORD.findall(term.lower()))


def _text_scopes(doc: Any) -> Iterator[tuple[str, int]]:
    """Running text of the body and the title (long-form channels show it first)."""
    yield doc.plain, 0
    if doc.title is not None:
        yield scoped_text(doc, "title")


def find_terms(doc: Any, ctx: RuleContext, kind: str, terms: Iterable[str]) -> list[Hit]:
    """Every place a term occurs: words on word forms in running text, #terms as hashtags."""
    terms = tuple(terms)
    word_terms = tuple(t for t in terms if not t.startswith(("#", "＃")))
    tag_terms = {t.lstrip("#＃").lower(): t for t in terms if t.startswith(("#", "＃"))}
    matcher = _cached(ctx, (kind, "terms", word_terms), lambda: TermMatcher(word_terms))
    hits: list[Hit] = []
    for text, shift in _text_scopes(doc):
        for match in matcher.find(text):
            hits.append(
                Hit(
                    match.start + shift,
                    match.end + shift,
                    match.term,
                    match.text,
                    _words_of(match.text) == _words_of(match.term),
                )
            )
    if tag_terms:
        for tag in doc.hashtags("x"):
            term = tag_terms.get(tag.value.lower())
            if term is not None:
                written = doc.text[tag.start : tag.end]
                hits.append(Hit(tag.start, tag.end, term, written, True))
    hits.sort(key=lambda h: h.start)
    return hits


def _safe_fix(doc: Any, start: int, end: int, written: str, replacement: str) -> Fix | None:
    """A fix only where the file really holds what was matched (titles can be YAML-escaped)."""
    if doc.text[start:end] != written:
        return None
    return Fix(replacement, start, end)


def _first_line_span(doc: Any) -> tuple[int, int]:
    """Where a finding about the whole post points: its first line of prose."""
    prose = doc.prose
    start = doc.body_start
    while start < len(prose) and prose[start].isspace():
        start += 1
    if start >= len(prose):
        return doc.body_start, doc.body_start
    end = prose.find("\n", start)
    end = len(prose) if end < 0 else end
    return start, len(prose[:end].rstrip())


@lru_cache(maxsize=8)
def load_wordlist(name: str) -> tuple[str, ...]:
    """A shipped list under rules/wordlists: one entry a line; comment lines start with "# "
    (hash and space), so an entry such as "#1" is still an entry."""
    path = builtin_rules_dir() / "wordlists" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not is_comment(line))


def is_comment(line: str) -> bool:
    stripped = line.strip()
    return stripped == "#" or stripped.startswith("# ")


def _literal_alternation(phrases: Iterable[str]) -> regex.Pattern[str] | None:
    """Phrases ("#1", "100% cotton") as one case-insensitive pattern, each between non-letters;
    longest first so "100% organic cotton" wins over "100%"."""
    bodies = [
        r"[ \u00A0]+".join(regex.escape(part) for part in phrase.split())
        for phrase in sorted(set(phrases), key=len, reverse=True)
        if phrase.strip()
    ]
    if not bodies:
        return None
    return regex.compile(rf"(?<![{_LETTER}])(?:{'|'.join(bodies)})(?![{_LETTER}])", regex.IGNORECASE)


def _has_symbols(phrase: str) -> bool:
    return bool(regex.search(rf"[^{_LETTER}\s'’\-]", phrase))


# ------------------------------------------------------------------ BR001


# "our" is left out: "our inkwell" in the brand's own post is the brand, lower-cased.
_DETERMINERS = frozenset("a an the this that my your his her their its every each one".split())
_SEPARATOR = r"(?:[ \u00A0]|[-‐])?"


def _name_parts(name: str) -> list[str]:
    """ "InkWell" -> ["Ink", "Well"], "Ink Well" -> ["Ink", "Well"]: the places a writer may
    split or join the name."""
    parts = [p for p in regex.split(r"[\s\-‐]+", name.strip()) if p]
    return [piece for part in parts for piece in regex.split(r"(?<=\p{Ll})(?=\p{Lu})", part) if piece]


def _name_pattern(name: str) -> regex.Pattern[str]:
    body = _SEPARATOR.join(regex.escape(part) for part in _name_parts(name))
    return regex.compile(rf"(?<![{_LETTER}_@#$/.&\-]){body}(?![{_LETTER}_]|[.\-/@][{_LETTER}])", regex.IGNORECASE)


def _is_all_caps_line(text: str, start: int, end: int) -> bool:
    """An all-caps headline ("NEW FROM INKWELL: GEL PENS"): capitals there are style, not a
    misspelling, and CL006 (shouting) is the rule that judges them."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    words = [w for w in _LETTERS.findall(line) if any(c.isalpha() and c.lower() != c.upper() for c in w)]
    others = [w for w in words if w.upper() not in text[start:end].upper()]
    return len(others) >= 2 and all(w.isupper() for w in words)


def _is_common_noun(name: str, text: str, written: str, start: int) -> bool:
    """ "dip the nib in an inkwell": a brand named after a dictionary word, written in lower
    case after a determiner, is the ordinary word, not a misspelt brand."""
    if not written.islower() or written.replace(" ", "").replace("-", "") != written:
        return False
    if not is_english_word(written):
        return False
    # "this brass inkwell": a determiner up to two lower-case words before it.
    before = regex.findall(r"\p{L}+|[^\p{L}\s]", text[max(0, start - 40) : start])[-3:]
    for index in range(len(before) - 1, -1, -1):
        word = before[index]
        if word.lower() in _DETERMINERS:
            return all(w.islower() for w in before[index + 1 :])
    return False


@dataclass(frozen=True)
class BrandNameCasing:
    """Report the brand name cased or spaced any other way than `brand.name`, with a fix."""

    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> BrandNameCasing:
        validate_options("brand-name-casing", options, {})
        return cls()

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        name = ctx.config.brand.name
        if not name:
            return
        pattern = _cached(ctx, ("brand-name-casing", name), lambda: _name_pattern(name) if _name_parts(name) else None)
        if pattern is None:
            return
        for text, shift in _text_scopes(doc):
            for match in pattern.finditer(text):
                written = match.group()
                if written == name:
                    continue
                start, end = match.start() + shift, match.end() + shift
                caps_line = _is_all_caps_line(text, match.start(), match.end())
                if caps_line and written == name.upper():
                    continue
                if _is_common_noun(name, text, written, match.start()):
                    continue
                replacement = name.upper() if caps_line else name
                yield Finding(
                    start,
                    end,
                    {"match": written, "name": replacement},
                    fix=_safe_fix(doc, start, end, written, replacement),
                )


# ------------------------------------------------------------------ BR002-BR004


_VOWEL_START = regex.compile(r"^[aeioAEIO]")
_ARTICLE_BEFORE = regex.compile(r"(?<![\p{L}])(an?|An?|AN?)[ \u00A0]+$")


def _article_fix(doc: Any, start: int, end: int, written: str, replacement: str) -> Fix | None:
    """ "a cheap pen" -> "an affordable pen": the article changes with the word after it.
    Where the sound is not certain from the spelling ("u", "h"), no fix is offered."""
    before = _ARTICLE_BEFORE.search(doc.text, max(0, start - 4), start)
    if before is None:
        return _safe_fix(doc, start, end, written, replacement)
    article = before.group(1)
    first = replacement[:1].lower()
    if first in "uh" or not first.isascii() or not first.isalpha():
        return None
    wanted = "an" if _VOWEL_START.match(replacement) else "a"
    if article.lower() == wanted:
        return _safe_fix(doc, start, end, written, replacement)
    if doc.text[start:end] != written:
        return None
    if len(replacement) > 1 and replacement.isupper():
        new_article = wanted.upper()
    else:
        new_article = wanted.capitalize() if article[0].isupper() else wanted
    gap = doc.text[before.end(1) : start]
    return Fix(new_article + gap + replacement, before.start(1), end)


@dataclass(frozen=True)
class DeprecatedTerm:
    """Report a term from `brand.terms.prefer`; an exact match gets a case-keeping fix."""

    prefer: Mapping[str, str]
    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> DeprecatedTerm:
        validate_options("deprecated-term", options, {"prefer": dict})
        return cls(string_mapping(options.get("prefer"), "prefer"))

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        prefer = {**ctx.config.brand.prefer, **self.prefer}
        if not prefer:
            return
        lookup = {term.lower(): preferred for term, preferred in prefer.items()}
        for hit in find_terms(doc, ctx, "deprecated-term", prefer):
            preferred = prefer.get(hit.term, lookup.get(hit.term.lower(), ""))
            if _same_words(hit.text, preferred):
                continue  # `log-in: log in` matches "log in" itself: already the preferred form
            replacement = match_case(hit.text, preferred)
            fix = None
            # Inflected forms ("cheaper") have no safe automatic equivalent ("more affordable"),
            # and a replacement that is itself a deprecated term would never settle.
            if hit.exact and not _mentions_any(ctx, preferred, prefer):
                fix = _article_fix(doc, hit.start, hit.end, hit.text, replacement)
            manual = (
                ""
                if fix
                else (
                    f" ('{hit.text}' is a form of '{hit.term}': reword it by hand)"
                    if not hit.exact
                    else " (not fixed automatically: check the words around it)"
                )
            )
            yield Finding(
                hit.start,
                hit.end,
                {"match": hit.text, "term": hit.term, "replacement": replacement, "manual": manual},
                fix=fix,
            )


def _same_words(written: str, preferred: str) -> bool:
    """True when the text already is the preferred term, up to case, hyphens and spacing."""
    return [t.text.lower() for t in tokenize(written)] == [t.text.lower() for t in tokenize(preferred)] and (
        "-" in written
    ) == ("-" in preferred)


def _mentions_any(ctx: RuleContext, text: str, terms: Iterable[str]) -> bool:
    words = tuple(t for t in terms if not t.startswith(("#", "＃")))
    return bool(_cached(ctx, ("deprecated-term", "loop", words), lambda: TermMatcher(words)).find(text, tokenize(text)))


@dataclass(frozen=True)
class BannedTerm:
    """Report a term from `brand.terms.avoid`, with the reason the team gave."""

    avoid: Mapping[str, str]
    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> BannedTerm:
        validate_options("banned-term", options, {"avoid": dict})
        return cls(string_mapping(options.get("avoid"), "avoid"))

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        avoid = {**ctx.config.brand.avoid, **self.avoid}
        for hit in find_terms(doc, ctx, "banned-term", avoid):
            yield Finding(hit.start, hit.end, {"match": hit.text, "term": hit.term, "reason": avoid.get(hit.term, "")})


@dataclass(frozen=True)
class CompetitorMention:
    """Report a competitor named in running text (their handle or link is left to the writer)."""

    competitors: tuple[str, ...]
    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> CompetitorMention:
        validate_options("competitor-mention", options, {"competitors": list})
        return cls(string_list(options.get("competitors"), "competitors"))

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        competitors = ctx.config.brand.competitors + self.competitors
        for hit in find_terms(doc, ctx, "competitor-mention", competitors):
            # "Apple" the competitor, "an apple a day" the fruit: a competitor named after a
            # dictionary word counts only when written with a capital.
            words = _LETTERS.findall(hit.text)
            if hit.text.islower() and not hit.term.islower() and words and all(is_english_word(w) for w in words):
                continue
            yield Finding(hit.start, hit.end, {"match": hit.text, "term": hit.term})


# ------------------------------------------------------------------ BR005


def _squashed(text: str) -> str:
    return regex.sub(rf"[^{_LETTER}]", "", text).lower()


@dataclass(frozen=True)
class OffBrand:
    """Report a post that touches none of the brand pillars (a pillar word, its name, a brand hashtag)."""

    min_words: int
    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> OffBrand:
        validate_options("off-brand", options, {"min_words": int})
        min_words = options.get("min_words", 0) or 0
        if min_words < 0:
            raise OptionError("option 'min_words' must be 0 or more")
        return cls(min_words)

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        pillars = ctx.config.brand.pillars
        if not pillars:
            return
        words = tuple(dict.fromkeys([*pillars, *(w for ws in pillars.values() for w in ws)]))
        from contentlint.text.wordforms import cached_tokens

        if len(cached_tokens(doc.plain)) < self.min_words:
            return
        if find_terms(doc, ctx, "off-brand", words):
            return
        brand_tags = {tag.lstrip("#＃").lower() for tag in ctx.config.hashtags.brand}
        squashed_words = _cached(
            ctx, ("off-brand", "squashed", words), lambda: [s for s in (_squashed(w) for w in words) if len(s) >= 4]
        )
        for tag in doc.hashtags("x"):
            value = tag.value.lower()
            if value in brand_tags or any(word in value for word in squashed_words):
                return
        start, end = _first_line_span(doc)
        yield Finding(start, end, {"pillars": ", ".join(pillars)})


# ------------------------------------------------------------------ BR006


_DISCLOSURE_TAGS = (
    "ad",
    "advert",
    "advertisement",
    "sponsored",
    "paidpartnership",
    "paidpartner",
    "affiliate",
    "affiliatelink",
    "anzeige",
    "werbung",
    "publicidad",
    "বিজ্ঞাপন",
    "স্পনসরড",
)
_DISCLOSURE_PHRASES = (
    "sponsored",
    "paid partnership",
    "paid partner",
    "advertisement",
    "affiliate link",
    "affiliate links",
    "earn a commission",
    "earn a small commission",
    "স্পনসরড",
    "পেইড পার্টনারশিপ",
    "বিজ্ঞাপন",
    "পৃষ্ঠপোষকতায়",
)
_AD_LABEL = regex.compile(r"^[ \t]*[\[(]?(?:ad|advert)[\])]?[ \t]*[:|\-–—]", regex.IGNORECASE | regex.MULTILINE)
_UPFRONT_CHARACTERS = 125  # Instagram's fold, the shortest "see more" of the channels


@dataclass(frozen=True)
class MissingDisclosure:
    """Report a sponsored or affiliate post with no disclosure, or one buried past the fold."""

    affiliate_patterns: tuple[str, ...]
    disclosures: tuple[str, ...]
    upfront: bool
    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> MissingDisclosure:
        validate_options(
            "missing-disclosure", options, {"affiliate_patterns": list, "disclosures": list, "upfront": bool}
        )
        from contentlint.text.patterns import compile_pattern

        patterns = string_list(options.get("affiliate_patterns"), "affiliate_patterns")
        for pattern in patterns:
            compile_pattern(pattern)
        upfront = options.get("upfront")
        return cls(
            patterns, string_list(options.get("disclosures"), "disclosures"), True if upfront is None else upfront
        )

    def _trigger(self, doc: Any, ctx: RuleContext) -> tuple[int, int, str] | None:
        if doc.meta.get("sponsored") is True:
            start, end = doc.front_matter.span("sponsored")
            return start, end, "sponsored: true"
        from contentlint.text.patterns import compile_pattern

        sources = self.affiliate_patterns + ctx.config.brand.affiliate_patterns
        patterns = _cached(ctx, ("missing-disclosure", sources), lambda: [compile_pattern(p) for p in sources])
        body = doc.text[doc.body_start :]
        if "/" not in body:
            return None
        for pattern in patterns:
            for match in pattern.finditer(body):
                for url in _URL_LIKE.finditer(body):
                    if url.start() <= match.start() < url.end():
                        start = doc.body_start + url.start()
                        return start, doc.body_start + url.end(), "an affiliate link"
        return None

    def _disclosure_offset(self, doc: Any, ctx: RuleContext) -> int | None:
        """Where the first disclosure starts in the file, or None."""
        offsets: list[int] = []
        tags = {t.lstrip("#＃").lower() for t in _DISCLOSURE_TAGS}
        tags.update(
            d.lstrip("#＃").lower() for d in (*self.disclosures, *ctx.config.brand.disclosures) if d.startswith("#")
        )
        offsets += [tag.start for tag in doc.hashtags("x") if tag.value.lower() in tags]
        phrases = tuple(
            d
            for d in (*_DISCLOSURE_PHRASES, *self.disclosures, *ctx.config.brand.disclosures)
            if not d.startswith(("#", "＃"))
        )
        matcher = _cached(ctx, ("missing-disclosure", phrases), lambda: TermMatcher(phrases))
        offsets += [match.start for match in matcher.find(doc.plain)]
        label = _AD_LABEL.search(doc.plain, doc.body_start)
        if label:
            offsets.append(label.start())
        return min(offsets) if offsets else None

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        trigger = self._trigger(doc, ctx)
        if trigger is None:
            return
        start, end, why = trigger
        found = self._disclosure_offset(doc, ctx)
        if found is None:
            yield Finding(start, end, {"why": why})
            return
        first_start, first_end = _first_line_span(doc)
        if self.upfront and found > first_end and found - first_start > _UPFRONT_CHARACTERS:
            yield Finding(
                found,
                found,
                {
                    "message": (
                        "The disclosure comes after the first line and the 'see more' fold; readers must see it "
                        "before they see the offer: move #ad or 'Paid partnership' to the start"
                    )
                },
                severity="warning",
            )


# ------------------------------------------------------------------ BR007


_SOURCE = regex.compile(
    r"according\s+to|\bsources?\s*:|\bsource\b\s*[-–—(]|\bas\s+(?:rated|ranked|voted|reviewed)\s+by|"
    r"\b(?:rated|ranked|voted|tested|certified)\s+by\b|\bbased\s+on\s+(?:a|an|our|the|\d)|"
    r"\bsurvey(?:ed)?\s+of\b|\bin\s+a\s+(?:\d{4}\s+)?(?:study|survey|test)\b|\bdata\s+(?:from|:)|"
    r"\bper\s+(?:a|the)\s+(?:study|survey|report)\b|অনুযায়ী|সূত্র\s*:|জরিপ",
    regex.IGNORECASE,
)
_QUALIFIER_BEFORE = regex.compile(
    r"(?:one\s+of\s+(?:the|our)|among\s+(?:the|our)|up\s+to|almost|nearly|(?:may|might|could)\s+be)\s+$",
    regex.IGNORECASE,
)
# "Tip #1:", "Rule number 1", "Day 1": numbering, not a ranking.
_NUMBERING_BEFORE = regex.compile(
    r"(?:tip|step|rule|day|part|episode|ep|chapter|week|lesson|reason|question|issue|vol|volume|page|round|"
    r"level|track|look|item|task|goal|priority)\.?\s+$",
    regex.IGNORECASE,
)
_NUMBERING_AFTER = regex.compile(r"\s*[:)]")
_MARKER = regex.compile(r"(?<=\S)(\*+|†|‡|[¹²³⁴⁵⁶⁷⁸⁹]|\[\d+\])")


_NOTE_LINE = regex.compile(r"(?m)^[ \t]*(\*+|†|‡|[¹²³⁴⁵⁶⁷⁸⁹]|\[\d+\])([ \t]*)(\S.{2,}?)[ \t]*$")


def note_markers(text: str) -> set[str]:
    """Markers that start a note line ("*T&C apply", "¹ Nielsen, 2025"). "* item" is a Markdown
    bullet and "**Shop now**" is bold, unless they say what a note says."""
    markers = set()
    for line in _NOTE_LINE.finditer(text):
        marker, gap, rest = line.group(1), line.group(2), line.group(3)
        looks_like_markup = (marker == "*" and gap) or (marker.startswith("*") and rest.endswith(marker))
        if looks_like_markup and not _explains(rest):
            continue
        markers.add(marker)
    return markers


_EXPLAINS = regex.compile(
    r"\b(?:t\s*&\s*cs?|terms|conditions|valid|source|based|data|study|survey|"
    r"excl|incl|applies|apply|only|per|on\s+orders)\b",
    regex.IGNORECASE,
)


def _explains(rest: str) -> bool:
    return bool(_EXPLAINS.search(rest))


@dataclass(frozen=True)
class ClaimMatcher:
    """Claims on word forms, claims with symbols ("#1", "100%") literally, minus exceptions."""

    words: TermMatcher
    symbols: regex.Pattern[str] | None
    exceptions: regex.Pattern[str] | None

    @classmethod
    def build(cls, claims: Iterable[str], exceptions: Iterable[str]) -> ClaimMatcher:
        claims = tuple(dict.fromkeys(claims))
        return cls(
            TermMatcher(c for c in claims if not _has_symbols(c)),
            _literal_alternation(c for c in claims if _has_symbols(c)),
            _literal_alternation(exceptions),
        )

    def find(self, text: str) -> list[tuple[int, int, str]]:
        hits = [(m.start, m.end, m.text) for m in self.words.find(text)]
        if self.symbols is not None:
            hits.extend((m.start(), m.end(), m.group()) for m in self.symbols.finditer(text, overlapped=True))
        if hits and self.exceptions is not None:
            excepted = [m.span() for m in self.exceptions.finditer(text, overlapped=True)]
            hits = [h for h in hits if not any(s <= h[0] and h[1] <= e for s, e in excepted)]
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        kept: list[tuple[int, int, str]] = []
        for hit in hits:
            if not kept or hit[0] >= kept[-1][1]:
                kept.append(hit)
        return kept


@dataclass(frozen=True)
class UnsubstantiatedClaim:
    """Report an absolute claim ("guaranteed", "#1", "cheapest") in a post that gives no source."""

    claims: tuple[str, ...]
    exceptions: tuple[str, ...]
    use_wordlist: bool
    links_are_sources: bool
    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> UnsubstantiatedClaim:
        validate_options(
            "unsubstantiated-claim",
            options,
            {"claims": list, "exceptions": list, "use_wordlist": bool, "links_are_sources": bool},
        )
        use_wordlist = options.get("use_wordlist")
        links = options.get("links_are_sources")
        return cls(
            string_list(options.get("claims"), "claims"),
            string_list(options.get("exceptions"), "exceptions"),
            True if use_wordlist is None else use_wordlist,
            True if links is None else links,
        )

    def _matcher(self, ctx: RuleContext) -> ClaimMatcher:
        claims = (load_wordlist("claims.txt") if self.use_wordlist else ()) + self.claims + ctx.config.brand.claims
        exceptions = (load_wordlist("claim-exceptions.txt") if self.use_wordlist else ()) + self.exceptions
        return _cached(
            ctx, ("unsubstantiated-claim", claims, exceptions), lambda: ClaimMatcher.build(claims, exceptions)
        )

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        text = doc.plain
        hits = self._matcher(ctx).find(text)
        if not hits:
            return
        if _SOURCE.search(text) or (self.links_are_sources and doc.urls):
            return
        notes = note_markers(doc.prose[doc.body_start :])
        for start, end, written in hits:
            if _QUALIFIER_BEFORE.search(text, max(0, start - 20), start):
                continue
            if written[-1:].isdigit() and (
                _NUMBERING_BEFORE.search(text, max(0, start - 12), start) or _NUMBERING_AFTER.match(text, end)
            ):
                continue
            line_end = text.find("\n", end)
            # "India's no. 1 notebook brand*" with a note line "*Nielsen retail data, 2025".
            if any(m.group(1) in notes for m in _MARKER.finditer(text, end, len(text) if line_end < 0 else line_end)):
                continue
            yield Finding(start, end, {"match": written})


# ------------------------------------------------------------------ BR008


_EMPHASIS = regex.compile(r"(?<![\w*\\])(\*{1,3})(?=[^\s*])[^\n]*?(?<=[^\s*\\])\1(?![\w*])")
_OFFER_WORDS = (
    "free",
    "off",
    "cashback",
    "discount",
    "discounts",
    "sale",
    "offer",
    "offers",
    "deal",
    "deals",
    "price",
    "prices",
    "emi",
    "bonus",
    "gift",
    "refund",
    "delivery",
    "shipping",
    "bogo",
    "ফ্রি",
    "ছাড়",
    "অফার",
    "বিনামূল্যে",
    "ক্যাশব্যাক",
    "ডিসকাউন্ট",
    "উপহার",
    "টাকা",
    "টাকায়",
)
_AMOUNT = regex.compile(
    r"(?:[₹$€£৳¥]|rs\.?|inr|usd|tk\.?)\s?[\d০-৯][\d০-৯,.]*(?:/-)?$|[\d০-৯][\d০-৯,.]*\s?(?:%|percent|/-|টাকা)$|"
    r"[\d০-৯]+\s?(?:for|\+)\s?[\d০-৯]+$",
    regex.IGNORECASE,
)
_TERMS_NOTE = regex.compile(
    r"t\s*&\s*c|terms\s+(?:and|&)\s+conditions|terms\s+apply|conditions\s+apply|see\s+terms|"
    r"terms\s+at|offer\s+valid|valid\s+(?:till|until|on|for|from|while)|while\s+stocks?\s+last|"
    r"শর্ত(?:াবলী)?\s+প্রযোজ্য|শর্তাবলী|স্টক\s+থাকা\s+পর্যন্ত",
    regex.IGNORECASE,
)


def _offer_before(text: str, star: int) -> tuple[int, str] | None:
    """The offer or price just before an asterisk ("₹1600", "free", "50% off"), if it is one."""
    window_start = max(0, text.rfind("\n", 0, star) + 1, star - 24)
    window = text[window_start:star]
    amount = _AMOUNT.search(window)
    if amount:
        return window_start + amount.start(), amount.group()
    word = _LAST_WORD.search(window)
    if word and word.group().lower() in _OFFER_WORDS:
        return window_start + word.start(), word.group()
    return None


@dataclass(frozen=True)
class MissingTermsNote:
    """Report an asterisked offer or price with no line that explains the asterisk."""

    notes: tuple[str, ...]
    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> MissingTermsNote:
        validate_options("missing-terms-note", options, {"notes": list})
        return cls(string_list(options.get("notes"), "notes"))

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        prose = doc.prose
        if "*" not in prose[doc.body_start :]:
            return
        emphasis = [m.span() for m in _EMPHASIS.finditer(prose, doc.body_start)]
        offers = []
        for star in _STAR.finditer(prose, pos=doc.body_start):
            if any(s <= star.start() < e for s, e in emphasis):
                continue
            offer = _offer_before(doc.plain, star.start())
            if offer:
                offers.append((offer[0], star.end(), offer[1] + star.group()))
        if not offers or self._has_note(doc, ctx):
            return
        for start, end, written in offers:
            yield Finding(start, end, {"match": written})

    def _has_note(self, doc: Any, ctx: RuleContext) -> bool:
        body = doc.prose[doc.body_start :]
        if _TERMS_NOTE.search(body):
            return True
        # The team's own notes are matched as written: they often hold links ("see inkwell.in/offers").
        lowered = body.lower()
        if any(note.lower() in lowered for note in (*self.notes, *ctx.config.brand.terms_notes)):
            return True
        # A line that starts with the asterisk and says something: "*Price for a pack of 10".
        return any(marker.startswith("*") for marker in note_markers(body))
