"""URLs as twitter-text extracts them, found in time linear in the text.

twitter-text writes a domain as `sub* name tld`: dot-separated labels (all but the last may hold
`_`), the longest run of them that ends in a known TLD winning. Run as one regular expression
from every position of a dotted run ("U.S.U.S.U.S...", "a.a.a...", a long Bengali word before
".x") each attempt reads to the end of the run and backtracks label by label through the TLD
list: quadratic, so 2 KB of "U.S." took 6 s and 8 KB over three minutes. Here each run of label
characters is read once and, from the right, learns the last label after it that a domain could
end on; which starts can succeed follows from that. The path and query after a domain are still
twitter-text's expressions, anchored where the domain ends (they read each character once: a
match resumes after them). `tests/test_url_scan.py` checks the result against the plain
expression on generated text, `tests/test_extract.py` against twitter-text's conformance suite.

All offsets are code-point offsets into the text passed in.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

# --- twitter-text character classes (conformance snapshot 30e2430), shared with extract ----------
SPACES = "\\x09-\\x0D\\x20\\x85\\xA0\\u1680\\u180E\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000"
INVALID = "\\uFFFE\\uFEFF\\uFFFF"
DIRECTIONAL = "\\u202A-\\u202E\\u061C\\u200E\\u200F\\u2066-\\u2069"
PUNCT = "!\"#$%&'()*+,\\-./:;<=>?@\\[\\]^_`{|}~\\\\"
LATIN_ACCENTS = (
    "\\xC0-\\xD6\\xD8-\\xF6\\xF8-\\xFF\\u0100-\\u024F\\u0253\\u0254\\u0256\\u0257\\u0259\\u025B"
    "\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF"
)
CYRILLIC = "\\u0400-\\u04FF"
_FLAGS = regex.IGNORECASE | regex.VERSION0


@dataclass(frozen=True)
class Entity:
    kind: str  # "hashtag" | "mention" | "url" | "cashtag" | "emoji"
    start: int  # code-point offset (for hashtags: at the '#' or '＃')
    end: int  # exclusive
    value: str  # hashtag/cashtag without the sign, mention without '@', url/emoji as written


@lru_cache(maxsize=1)
def load_tlds() -> tuple[str, ...]:
    """The shipped root-zone TLD list (lower case; IDN TLDs in Unicode)."""
    lines = resources.files("contentlint").joinpath("data/tlds.txt").read_text(encoding="utf-8").splitlines()
    return tuple(t.strip().lower() for t in lines if t.strip() and not t.startswith("#"))


_DC = f"[^{PUNCT}{SPACES}{INVALID}{DIRECTIONAL}]"  # a domain character
_TLD = "(?:\\L<tlds>|xn--[-0-9a-z]+)(?=[^0-9a-z@+-]|\\Z)"
_GP = f"[a-z{CYRILLIC}0-9!*';:=+,.$/%#\\[\\]\\-\\u2013_~&|@{LATIN_ACCENTS}]"
_PARENS = f"\\((?:{_GP}+|(?:{_GP}*\\({_GP}+\\){_GP}*))\\)"
_ENDING = f"(?:[+\\-a-z{CYRILLIC}0-9=_#/{LATIN_ACCENTS}]|{_PARENS})"
# twitter-text writes the path as (gp* (parens gp*)* ending)*; this is the same language
# (ending chars are path chars) without the nested stars that backtrack exponentially.
_PATH = f"/(?:(?:{_GP}|{_PARENS})*{_ENDING})?"
_QUERY = "\\?[a-z0-9!?*'@();:&=+$/%#\\[\\]\\-_.,~|]*[a-z0-9\\-_&=#/]"
_BEFORE = f"[^A-Za-z0-9@＠$#＃{INVALID}]"  # twitter-text's preceding characters (or the text's start)
_ASCII_LABEL = f"[\\-a-z0-9{LATIN_ACCENTS}]"


def reference_url_pattern() -> regex.Pattern[str]:
    """twitter-text's whole URL expression in one piece: what `UrlScanner` must agree with. Only
    for tests: tried from every position of a dotted run it is quadratic."""
    sub = f"(?:(?:{_DC}(?:[_-]|{_DC})*)?{_DC}\\.)"
    name = f"(?:(?:{_DC}(?:-|{_DC})*)?{_DC}\\.)"
    preceding = f"(?:{_BEFORE}|[{DIRECTIONAL}]|^)"
    return regex.compile(
        f"(?P<before>{preceding})(?P<url>(?P<proto>https?://)?(?P<domain>{sub}*{name}{_TLD})"
        f"(?::[0-9]+)?(?P<path>{_PATH})?(?:{_QUERY})?)",
        _FLAGS,
        tlds=load_tlds(),
    )


def reference_ascii_domain_pattern() -> regex.Pattern[str]:
    """twitter-text's ASCII domain expression (for tests, like `reference_url_pattern`)."""
    return regex.compile(f"(?:{_ASCII_LABEL}+\\.)+{_TLD}", _FLAGS, tlds=load_tlds())


# The characters `regex` takes for ASCII letters under IGNORECASE besides ASCII itself (checked
# against every code point by tests/test_linear_scans.py).
_ASCII_LOOKALIKES = {"\u0130": "i", "\u017f": "s", "\u212a": "k"}


@dataclass(frozen=True)
class _Patterns:
    tld_candidate: regex.Pattern[str]  # a dot where a TLD may follow (a superset)
    ascii_run: regex.Pattern[str]  # the characters an ASCII TLD is made of
    non_ascii_tld: regex.Pattern[str]  # a TLD with a character outside ASCII
    ascii_tlds: frozenset[str]
    after_tld: regex.Pattern[str]  # port, path and query: the rest of a URL
    url_label: regex.Pattern[str]  # a run of characters a URL label may hold
    ascii_label: regex.Pattern[str]
    start: regex.Pattern[str]  # a domain character after a preceding character
    proto: regex.Pattern[str]  # a protocol after a preceding character
    proto_here: regex.Pattern[str]
    dc: regex.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """Compile the pieces of twitter-text's grammar once."""
    tlds = load_tlds()
    return _Patterns(
        tld_candidate=regex.compile("\\.(?=[0-9a-z-]{2}|[0-9a-z-]*+[^\\x00-\\x7f])", _FLAGS),
        ascii_run=regex.compile("[0-9a-z-]*+", _FLAGS),
        non_ascii_tld=regex.compile(
            "\\L<tlds>(?=[^0-9a-z@+-]|\\Z)", _FLAGS, tlds=[tld for tld in tlds if not tld.isascii()]
        ),
        ascii_tlds=frozenset(tld for tld in tlds if tld.isascii()),
        after_tld=regex.compile(f"(?::[0-9]+)?(?P<path>{_PATH})?(?:{_QUERY})?", _FLAGS),
        url_label=regex.compile(f"(?:{_DC}|[_-])+", _FLAGS),
        ascii_label=regex.compile(f"{_ASCII_LABEL}+", _FLAGS),
        start=regex.compile(f"(?<={_BEFORE}){_DC}", _FLAGS),
        proto=regex.compile(f"(?<={_BEFORE})https?://", _FLAGS),
        proto_here=regex.compile("https?://", _FLAGS),
        dc=regex.compile(_DC, _FLAGS),
    )


@lru_cache(maxsize=1)
def tco_pattern() -> regex.Pattern[str]:
    """A t.co link and its slug (twitter-text drops slugs over 40 characters)."""
    return regex.compile(f"^https?://t\\.co/([a-z0-9]+)(?:{_QUERY})?", _FLAGS)


def tld_ends(text: str, start: int, end: int) -> dict[int, int]:
    """For each dot in text[start:end] that a TLD follows (as `_TLD` matches one there, `end`
    being the text's end): the TLD's end.

    `\\L<tlds>` over the whole list costs about 10 µs a try, too much for every dot of "a.b.a.b...".
    An ASCII TLD must be the whole run of ASCII letters, digits and hyphens after its dot (the
    character after a TLD may not be one), so it is one set lookup; only a run followed by a
    character outside ASCII can start one of the 151 non-ASCII TLDs, which keep the expression
    (longer than any ASCII one there, so tried first, as the list tries its longest entry first).
    """
    pats = _patterns()
    found: dict[int, int] = {}
    for dot in pats.tld_candidate.finditer(text, start, end):
        first = dot.end()
        run_end = pats.ascii_run.match(text, first, end).end()  # type: ignore[union-attr]
        if run_end < end and not text[run_end].isascii():
            non_ascii = pats.non_ascii_tld.match(text, first, end)
            if non_ascii:
                found[dot.start()] = non_ascii.end()
                continue
        if run_end - first < 2 or (run_end < end and text[run_end] in "@+"):
            continue
        word = text[first:run_end]
        key = (word if word.isascii() else "".join(_ASCII_LOOKALIKES.get(c, c) for c in word)).lower()
        if key in pats.ascii_tlds or (key.startswith("xn--") and len(key) > 4):
            found[dot.start()] = run_end
    return found


class _Labels:
    """The runs of label characters in the given windows of `text` and, for each, the last run
    a domain starting in it can end on (its TLD follows that run's dot), found right to left.

    `strict` is the URL grammar: a label starts and ends with a domain character and the last one
    holds no `_`. Otherwise (the ASCII domain grammar) any run of label characters is a label."""

    def __init__(
        self,
        text: str,
        windows: list[tuple[int, int]],
        tld_end: dict[int, int],
        label: regex.Pattern[str],
        strict: bool,
    ) -> None:
        self.tld_end = tld_end
        starts: list[int] = []
        ends: list[int] = []
        complete: list[bool] = []
        ends_well: list[bool] = []
        middle: list[bool] = []  # a whole run as a label that is neither first nor last (`sub`)
        underscores: list[int] = []
        dc = _patterns().dc
        for start, end in windows:
            for run in label.finditer(text, start, end):
                run_start, run_end = run.span()
                starts.append(run_start)
                ends.append(run_end)
                # A window ends before a space or at the text's end, so a dot after a run is inside it.
                complete.append(text[run_end : run_end + 1] == ".")
                if strict:
                    well = dc.match(text, run_end - 1) is not None
                    ends_well.append(well)
                    middle.append(well and dc.match(text, run_start) is not None)
                    underscores.append(text.rfind("_", run_start, run_end))
        count = len(starts)
        if not strict:
            ends_well = middle = [True] * count
            underscores = [-1] * count
        self.starts, self.ends, self.complete = starts, ends, complete
        self.ends_well, self.middle, self.last_underscore = ends_well, middle, underscores
        self.tld_after = tld_after = [end in tld_end for end in ends]
        # later[i]: the last run after run i (in its dotted chain) whose TLD can end a domain.
        later: list[int | None] = [None] * count
        for i in range(count - 2, -1, -1):
            nxt = i + 1
            if complete[i] and starts[nxt] == ends[i] + 1 and middle[nxt]:
                after = later[nxt]
                later[i] = after if after is not None else (nxt if tld_after[nxt] and underscores[nxt] < 0 else None)
        self.later = later

    def run_at(self, position: int) -> int | None:
        i = bisect.bisect_right(self.starts, position) - 1
        return i if i >= 0 and position < self.ends[i] else None

    def last_label(self, i: int, first: int) -> int | None:
        """The run whose TLD ends a domain whose first label starts at `first` inside run i."""
        if not (self.complete[i] and self.ends_well[i]):
            return None
        if self.later[i] is not None:
            return self.later[i]
        if self.tld_after[i] and self.last_underscore[i] < first:
            return i
        return None

    def domain_end(self, i: int, first: int) -> int | None:
        """Where a domain whose first label starts at `first` inside run i ends (its TLD's end)."""
        last = self.last_label(i, first)
        return None if last is None else self.tld_end[self.ends[last]]

    def earliest_start(self, i: int, low: int) -> int:
        """The first position >= low in run i from which `last_label` can succeed (the run's
        end when none): the first label must hold no `_` when it is also the last one."""
        if not (self.complete[i] and self.ends_well[i]):
            return self.ends[i]
        if self.later[i] is not None:
            return max(low, self.starts[i])
        if self.tld_after[i]:
            return max(low, self.starts[i], self.last_underscore[i] + 1)
        return self.ends[i]


@dataclass(frozen=True)
class UrlMatch:
    """One match of twitter-text's URL expression (the groups `_extract_urls` reads)."""

    before: str  # the preceding character ("" at the text's start)
    proto: str
    start: int  # of the URL (after `before`)
    end: int
    domain_start: int
    domain_end: int
    has_path: bool


_SPACE_BEFORE = regex.compile(f"[{SPACES}]", regex.REVERSE)
_NON_SPACES = regex.compile(f"[^{SPACES}]*")


def url_matches(text: str) -> list[UrlMatch]:
    """Every match of `reference_url_pattern()` in each whitespace-free run of `text` that holds
    a dot with a TLD after it, in order (no match crosses a space, and every one has such a dot)."""
    pats = _patterns()
    end = len(text)
    tld_end = tld_ends(text, 0, end)
    if not tld_end:
        return []
    windows: list[tuple[int, int]] = []
    for dot in sorted(tld_end):
        if windows and dot < windows[-1][1]:
            continue  # another dot of a run already taken
        space = _SPACE_BEFORE.search(text, 0, dot)
        windows.append((space.end() if space else 0, _NON_SPACES.match(text, dot).end()))  # type: ignore[union-attr]
    labels = _Labels(text, windows, tld_end, pats.url_label, strict=True)

    def attempt(url_start: int) -> UrlMatch | None:
        """The expression with its URL starting at `url_start`: with a protocol, then without."""
        before = text[url_start - 1] if url_start > 0 else ""
        proto = pats.proto_here.match(text, url_start, end)
        if proto:
            match = domain_at(proto.end(), url_start, before, proto.group())
            if match:
                return match
        return domain_at(url_start, url_start, before, "")

    def domain_at(domain_start: int, url_start: int, before: str, proto: str) -> UrlMatch | None:
        i = labels.run_at(domain_start)
        if i is None or not pats.dc.match(text, domain_start):
            return None
        domain_end = labels.domain_end(i, domain_start)
        if domain_end is None:
            return None
        tail = pats.after_tld.match(text, domain_end, end)
        has_path = tail.group("path") is not None  # type: ignore[union-attr]
        return UrlMatch(before, proto, url_start, tail.end(), domain_start, domain_end, has_path)  # type: ignore[union-attr]

    found: list[UrlMatch] = []
    low = 0  # the next match's preceding character is at `low` or later
    if windows[0][0] == 0:
        # At the text's start the expression first takes the first character as the preceding
        # one, then tries `^` (no preceding character).
        first = attempt(1) if pats.start.match(text, 1, end) or pats.proto.match(text, 1, end) else None
        first = first or attempt(0)
        if first:
            found.append(first)
        low = first.end if first else 1
    protos = [m.start() for start, stop in windows for m in pats.proto.finditer(text, max(start, low + 1), stop)]
    run = bisect.bisect_right(labels.ends, low + 1)  # the first run with a position after `low`
    while run < len(labels.starts):
        if labels.ends[run] <= low + 1:
            run += 1
            continue
        # Starts in this run, in order: a protocol, or the first start `earliest_start` allows.
        first_start = labels.earliest_start(run, low + 1)
        plain = pats.start.search(text, first_start, labels.ends[run]) if first_start < labels.ends[run] else None
        proto_at = _next_at_least(protos, low + 1)
        if proto_at is not None and proto_at < labels.ends[run] and (plain is None or proto_at < plain.start()):
            url_start = proto_at
        elif plain is not None:
            url_start = plain.start()
        else:
            run += 1
            continue
        match = attempt(url_start)
        if match is None:
            low = url_start  # only a protocol in a run that holds no domain fails here
            continue
        found.append(match)
        low = match.end
    return found


def _next_at_least(positions: list[int], low: int) -> int | None:
    i = bisect.bisect_left(positions, low)
    return positions[i] if i < len(positions) else None


_SIMPLE_ASCII_DOMAIN = regex.compile("[-a-z0-9]+(?:\\.[-a-z0-9]+)*", regex.IGNORECASE | regex.ASCII)


def ascii_domains(domain: str) -> list[tuple[int, int]]:
    """Spans of `reference_ascii_domain_pattern().finditer(domain)`, in linear time.

    A domain of ASCII letters, digits and hyphens between dots whose last label is a TLD (what
    `url_matches` finds, mostly) is one match, all of it: the expression's first try takes it."""
    last_dot = domain.rfind(".")
    if last_dot > 0 and _SIMPLE_ASCII_DOMAIN.fullmatch(domain):
        last = domain[last_dot + 1 :].lower()  # a TLD must be all of it (`tld_ends`, ASCII only)
        if last in _patterns().ascii_tlds or (last.startswith("xn--") and len(last) > 4):
            return [(0, len(domain))]
    tld_end = tld_ends(domain, 0, len(domain))
    labels = _Labels(domain, [(0, len(domain))] if tld_end else [], tld_end, _patterns().ascii_label, strict=False)
    found: list[tuple[int, int]] = []
    low = 0
    for run in range(len(labels.starts)):
        if labels.ends[run] <= low:
            continue
        domain_end = labels.domain_end(run, 0)
        if domain_end is not None:
            found.append((max(low, labels.starts[run]), domain_end))
            low = domain_end
    return found
