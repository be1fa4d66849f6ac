"""A post as the rules see it: front matter, body, prose mask and entity spans, all in offsets
of the original file so a finding can always be placed and fixed exactly.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol

from contentlint.text import yamlsafe
from contentlint.text.markdown_mask import blank, mask_comments, mask_markdown, strip_comments

if TYPE_CHECKING:
    from contentlint.text.extract import Entity

MARKDOWN_SUFFIXES = (".md", ".markdown")
POST_SUFFIXES = (".md", ".markdown", ".txt")

# Line breaks are LF, CRLF or a lone CR (old Mac files, some scheduler exports) alike.
_FRONT_MATTER_OPEN = re.compile(r"\A---[ \t]*(?:\r\n|\r|\n)")
_FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\r|\Z)", re.M)
# The same where a lone CR may end a line (slower: no line-start fast path), for texts with a CR.
_FRONT_MATTER_CLOSE_CR = re.compile(r"(?:^|(?<=\r))(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)", re.M)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# An e-mail address is `[\w.+-]+@[\w-]+(?:\.[\w-]+)+`; found as a run of local-part characters,
# then the rest from the run's end (a try from later in the run reaches the same "@").
_EMAIL_LOCAL = re.compile(r"[\w.+-]+")
_EMAIL_DOMAIN = re.compile(r"@[\w-]+(?:\.[\w-]+)+")
_BENGALI = re.compile(r"[\u0980-\u09FF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")


@dataclass(frozen=True)
class Image:
    src: str
    alt: str | None  # None: no alt given at all
    start: int  # where a finding about it should point
    end: int


@dataclass(frozen=True)
class FrontMatter:
    data: Mapping[str, Any]
    positions: Mapping[yamlsafe.KeyPath, yamlsafe.Position]  # offsets already shifted into the file
    start: int  # offset of the opening ---
    end: int  # offset just after the closing --- line (= body start)
    error: str | None = None
    error_offset: int | None = None

    def span(self, *path: Any) -> tuple[int, int]:
        """File offsets of a front matter value (or of the block when the key is absent)."""
        position = self.positions.get(tuple(path))
        if position is None:
            return (self.start, self.start + 3)
        return (position.start, max(position.end, position.start + 1))


class Origin(Protocol):
    """Where a Document's text sits inside a bigger file (a CSV cell: calendar_csv.CellOrigin)."""

    def line_col(self, offset: int) -> tuple[int, int]: ...

    def file_offset(self, offset: int) -> int: ...


@dataclass(frozen=True)
class Document:
    path: str
    text: str  # the whole file, decoded (BOM removed)
    front_matter: FrontMatter
    body_start: int
    prose: str  # same length as text: only linted prose is left unblanked
    markdown_images: tuple[Image, ...]
    channels: tuple[str, ...]
    audiences: tuple[str, ...]
    lang: str
    publish_at: datetime | None
    is_markdown: bool = True
    row: int | None = None  # CSV row number, for posts read from a scheduler export
    origin: Origin | None = None  # set when `text` is a cell of a bigger file: line_col answers in that file

    @property
    def meta(self) -> Mapping[str, Any]:
        return self.front_matter.data

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @cached_property
    def published_text(self) -> str:
        """The body as the platform receives it: without contentlint's HTML comments."""
        return strip_comments(self.text[self.body_start :]).strip()

    @cached_property
    def title(self) -> str | None:
        value = self.meta.get("title")
        return value if isinstance(value, str) else None

    @cached_property
    def images(self) -> tuple[Image, ...]:
        found: list[Image] = []
        raw = self.meta.get("images")
        if isinstance(raw, list):
            for index, item in enumerate(raw):
                start, end = self.front_matter.span("images", index)
                if isinstance(item, str):
                    found.append(Image(item, None, start, end))
                elif isinstance(item, Mapping):
                    alt = item.get("alt")
                    found.append(Image(str(item.get("src", "")), alt if isinstance(alt, str) else None, start, end))
        return tuple(found) + self.markdown_images

    @cached_property
    def _line_starts(self) -> tuple[int, ...]:
        return (0,) + tuple(match.end() for match in _LINE_BREAK.finditer(self.text))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of an offset in the file."""
        offset = max(0, min(offset, len(self.text)))
        if self.origin is not None:
            return self.origin.line_col(offset)
        line_index = bisect.bisect_right(self._line_starts, offset) - 1
        return line_index + 1, offset - self._line_starts[line_index] + 1

    def file_offset(self, offset: int) -> int:
        """The code-point offset in the file of an offset in `text` (they differ for a CSV cell)."""
        offset = max(0, min(offset, len(self.text)))
        return offset if self.origin is None else self.origin.file_offset(offset)

    def hashtags(self, syntax: str = "x") -> list[Entity]:
        """Hashtags exactly as a platform with this hashtag syntax would tag them."""
        cache: dict[str, list[Entity]] = self.__dict__.setdefault("_hashtag_cache", {})
        if syntax not in cache:
            from contentlint.text.extract import extract_hashtags

            cache[syntax] = extract_hashtags(self.prose, syntax)
        return cache[syntax]

    @cached_property
    def urls(self) -> list[Entity]:
        from contentlint.text.extract import extract_urls

        return extract_urls(self.prose)

    @cached_property
    def mentions(self) -> list[Entity]:
        from contentlint.text.extract import extract_mentions

        return extract_mentions(self.prose)

    @cached_property
    def cashtags(self) -> list[Entity]:
        from contentlint.text.extract import extract_cashtags

        return extract_cashtags(self.prose)

    @cached_property
    def emoji(self) -> list[Entity]:
        from contentlint.text.extract import extract_emoji

        return extract_emoji(self.prose)

    @cached_property
    def emails(self) -> list[tuple[int, int]]:
        if "@" not in self.prose:
            return []
        return email_spans(self.prose)

    @cached_property
    def plain(self) -> str:
        """Prose with URLs, e-mail addresses, mentions, hashtags and cashtags blanked too: where
        word rules look, so a brand term inside a link or a tag is never "found" in running text."""
        chars = list(self.prose)
        spans = [(e.start, e.end) for e in self.urls + self.mentions + self.hashtags("x") + self.cashtags]
        spans += self.emails
        for start, end in spans:
            for index in range(start, min(end, len(chars))):
                if chars[index] not in "\r\n":
                    chars[index] = " "
        return "".join(chars)


def email_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+` in `text`, in time linear in it: from
    every position of a long word the expression read the rest of the word to find no "@"."""
    found: list[tuple[int, int]] = []
    pos = 0
    while True:
        local = _EMAIL_LOCAL.search(text, pos)
        if local is None:
            return found
        domain = _EMAIL_DOMAIN.match(text, local.end())
        if domain:
            found.append((local.start(), domain.end()))
            pos = domain.end()
        else:
            pos = local.end()


def guess_lang(text: str) -> str | None:
    """The language a script makes certain (Bengali letters outnumber Latin ones: "bn"); else None."""
    bengali = len(_BENGALI.findall(text))
    if bengali and bengali >= len(_LATIN.findall(text)):
        return "bn"
    return None


NON_LATIN_LANGS = frozenset({"bn", "as", "hi", "ar", "fa", "ur", "ru", "uk", "zh", "ja", "ko", "th"})


def post_lang(text: str, default_lang: str | None) -> str:
    """A post without `lang:`: Bengali script decides "bn"; else the config's language, unless
    that language is not written in Latin letters while the post is (an English LinkedIn post of
    a team whose config says `lang: bn` is English), then "en". With no language in the config
    either, its function words decide where they are clear (a Spanish post is "es"), else "en"."""
    guessed = guess_lang(text)
    if guessed:
        return guessed
    if default_lang and default_lang in NON_LATIN_LANGS and _LATIN.search(text):
        return "en"
    if default_lang:
        return default_lang
    from contentlint.text.language import detect_language

    return detect_language(text) or "en"


def parse_date(value: Any) -> datetime | None:
    """ISO 8601 date or date-time; None when it is not one (FM003 reports it)."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def as_utc(moment: datetime) -> datetime:
    """Naive dates are read as UTC so posts with and without zones can be compared. A zoned time
    within hours of year 1 or 9999 has no UTC equivalent; it is clamped rather than crash a rule."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    try:
        return moment.astimezone(timezone.utc)
    except OverflowError:
        return (datetime.min if moment.year == 1 else datetime.max).replace(tzinfo=timezone.utc)


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value.strip().lower(),) if value.strip() else ()
    if isinstance(value, list):
        return tuple(str(item).strip().lower() for item in value if isinstance(item, (str, int)) and str(item).strip())
    return ()


def split_front_matter(text: str) -> FrontMatter:
    opening = _FRONT_MATTER_OPEN.match(text)
    if not opening:
        return FrontMatter({}, {}, 0, 0)
    closing = (_FRONT_MATTER_CLOSE_CR if "\r" in text else _FRONT_MATTER_CLOSE).search(text, opening.end())
    if not closing:
        return FrontMatter({}, {}, 0, 0, "front matter starts with --- but is never closed with ---", 0)
    yaml_text = text[opening.end() : closing.start()]
    shift = opening.end()
    try:
        data, positions = yamlsafe.load(yaml_text)
    except yamlsafe.YamlError as exc:
        error_offset = shift + _offset_of_line(yaml_text, exc.line) if exc.line else 0
        return FrontMatter({}, {}, 0, closing.end(), exc.message, error_offset)
    shifted = {path: yamlsafe.Position(p.line, p.start + shift, p.end + shift) for path, p in positions.items()}
    if data is None:
        return FrontMatter({}, shifted, 0, closing.end())
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        return FrontMatter({}, shifted, 0, closing.end(), f"front matter is {kind}; it must be key: value pairs", shift)
    return FrontMatter(data, shifted, 0, closing.end())


def _offset_of_line(text: str, line: int) -> int:
    offset = 0
    for _ in range(line - 1):
        newline = _LINE_BREAK.search(text, offset)
        if newline is None:
            return offset
        offset = newline.end()
    return offset


def parse_document(
    path: str,
    text: str,
    *,
    default_channels: tuple[str, ...] = (),
    default_audiences: tuple[str, ...] = (),
    default_lang: str | None = None,
    markdown: bool | None = None,
) -> Document:
    """Build a Document. Never raises on content: problems are left for the FM rules to report."""
    front_matter = split_front_matter(text)
    body_start = front_matter.end
    is_markdown = path.lower().endswith(MARKDOWN_SUFFIXES) if markdown is None else markdown
    masked = blank(text, 0, body_start)
    if is_markdown:
        prose, md_images = mask_markdown(masked)
        images = tuple(Image(i.src, i.alt, i.start, i.end) for i in md_images)
    else:
        prose, images = mask_comments(masked), ()
    meta = front_matter.data
    channels = _names(meta.get("channels", meta.get("channel"))) or default_channels
    audiences = _names(meta.get("audience", meta.get("audiences"))) or default_audiences
    lang_value = meta.get("lang")
    lang = (
        lang_value.strip().lower().split("-")[0]
        if isinstance(lang_value, str) and lang_value.strip()
        else post_lang(text[body_start:], default_lang)
    )
    return Document(
        path=path,
        text=text,
        front_matter=front_matter,
        body_start=body_start,
        prose=prose,
        markdown_images=images,
        channels=channels,
        audiences=audiences,
        lang=lang,
        publish_at=parse_date(meta.get("publish_at")),
        is_markdown=is_markdown,
    )
