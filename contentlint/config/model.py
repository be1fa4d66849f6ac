"""The config as the engine sees it (DESIGN A2): frozen values, already validated by `load`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contentlint.config.errors import ConfigProblem


@dataclass(frozen=True)
class Brand:
    name: str | None = None
    pillars: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    prefer: Mapping[str, str] = field(default_factory=dict)
    avoid: Mapping[str, str] = field(default_factory=dict)
    competitors: tuple[str, ...] = ()
    disclosures: tuple[str, ...] = ()  # extra phrases that count as a sponsorship disclosure
    terms_notes: tuple[str, ...] = ()  # extra phrases that explain an asterisk (BR008)
    claims: tuple[str, ...] = ()  # extra absolute claims (BR007)
    affiliate_patterns: tuple[str, ...] = ()  # link patterns that make a post sponsored (BR006)


@dataclass(frozen=True)
class Hashtags:
    brand: tuple[str, ...] = ()
    approved: tuple[str, ...] = ()
    banned: tuple[str, ...] = ()
    banned_file: str | None = None
    require_brand_on: tuple[str, ...] = ()


@dataclass(frozen=True)
class Audience:
    channels: tuple[str, ...] = ()
    max_grade: float | None = None


@dataclass(frozen=True)
class Repetition:
    window_days: int = 30
    threshold: float = 0.6
    # A reply (text opening with `@handle` or `.@handle`, or an `in_reply_to:` field) goes to one
    # person, and a care team must say the same thing to many: not compared unless turned on.
    compare_replies: bool = False
    # Posts sharing a `campaign:` published within this many hours of each other are cross-posted
    # on purpose: not RP001 findings. 0: every cross-post is reported.
    campaign_window_hours: float = 0.0


@dataclass(frozen=True)
class RuleSetting:
    """One entry of `rules:` or of an override: on/off, a severity, options."""

    key: str
    enabled: bool | None = None
    severity: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    line: int | None = None


@dataclass(frozen=True)
class Override:
    """Settings for the files its `files` globs match: rules, and the channel, audience and
    language of posts there whose front matter names none (`posts/x/**` can mean channel x)."""

    files: tuple[str, ...]
    rules: tuple[RuleSetting, ...] = ()
    channel: str | None = None
    audience: str | None = None
    lang: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class CsvLayout:
    """Header names of a scheduler export, renamed by the config when a tool uses its own."""

    text: tuple[str, ...] = ("text", "message", "body", "content", "post", "caption")
    channel: tuple[str, ...] = ("channel", "network", "profile", "platform", "social network")
    date: tuple[str, ...] = ("date", "publish_at", "scheduled_at", "publish date", "time", "scheduled time")
    audience: tuple[str, ...] = ("audience", "segment")
    title: tuple[str, ...] = ("title", "headline")
    lang: tuple[str, ...] = ("lang", "language")


@dataclass(frozen=True)
class Config:
    path: str | None = None  # file the config came from; None: built-in defaults
    root: Path = field(default_factory=Path.cwd)
    extends: tuple[str, ...] = ("default",)
    lang: str | None = None
    default_channel: str | None = None
    content: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # gitignore-style patterns of files that are never posts
    front_matter_fields: tuple[str, ...] = ()  # the team's own front matter keys (FM005 leaves them alone)
    baseline: str | None = None  # the baseline file, relative to the config's folder
    cache_dir: Path | None = None
    brand: Brand = field(default_factory=Brand)
    hashtags: Hashtags = field(default_factory=Hashtags)
    audiences: Mapping[str, Audience] = field(default_factory=dict)
    channels: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    channel_lines: Mapping[str, int | None] = field(default_factory=dict)
    repetition: Repetition = field(default_factory=Repetition)
    rules: tuple[RuleSetting, ...] = ()
    overrides: tuple[Override, ...] = ()
    fail_on: str = "error"
    csv: CsvLayout = field(default_factory=CsvLayout)
    nlp: Mapping[str, str] = field(default_factory=dict)  # lang -> trained spaCy pipeline (package or folder)
    lines: Mapping[str, int | None] = field(default_factory=dict)  # top-level key -> its line
    # Mistakes found while reading, when the caller asked to collect them (load_config(strict=False))
    # and report them with the engine's own (unknown rules, channels) in one error.
    problems: tuple[ConfigProblem, ...] = ()

    @property
    def display_path(self) -> str:
        return self.path or "<built-in defaults>"

    def resolved_cache_dir(self) -> Path:
        return self.cache_dir if self.cache_dir is not None else self.root / ".contentlint_cache"
