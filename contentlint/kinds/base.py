"""What every check kind shares: options declared once, and what a kind is given to run.

A kind is a frozen dataclass whose init fields are its options. Each is declared once, with
`option(default, doc, ...)`: its type is the field's annotation, and the declaration holds the
default (as a rule YAML would write it), a one-line doc, and the allowed range or choices. The
engine (engine/building.py) checks a rule's YAML options against the declarations, converts
them (lists to tuples, mappings to read-only mappings, word-list names to their entries) and
builds the kind; `explain` lists the same declarations. Rules between options live in the
kind's `validate()`, and state derived from options (matchers, regexes) is built once per kind
with `functools.cached_property`, never per post.

A kind reads a Document and yields Findings in offsets of `doc.text`. It never computes lines
or columns and never formats messages: a Finding names the rule YAML's template it wants
(`message="buried"`, declared in `message_keys`), or uses the rule's `message:`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, ClassVar

from contentlint.config.errors import OptionError
from contentlint.config.wordlists import TermList

if TYPE_CHECKING:
    from contentlint.config.model import Config
    from contentlint.kinds.corpus import CorpusPost, CorpusView
    from contentlint.model.violation import Finding
    from contentlint.text.channels import ChannelProfile
    from contentlint.text.document import Document

__all__ = ["REQUIRED", "CorpusKind", "Kind", "OptionError", "OptionSpec", "RuleContext", "option"]

OPTION = "contentlint.option"  # the dataclass field metadata key of a declared option


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()  # an option with no default: a rule must give it


@dataclass(frozen=True)
class OptionSpec:
    """What a declared option allows besides its type (the field's annotation)."""

    default: Any  # as a rule YAML writes it (a list, a word-list file name); REQUIRED for none
    doc: str
    minimum: float | None = None  # numbers, and the values of a mapping of numbers
    maximum: float | None = None
    choices: tuple[str, ...] = ()  # text that must be one of these
    lower: bool = False  # names compared in lower case (channels, languages): lower-cased when built


def option(
    default: Any,
    doc: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    choices: Sequence[str] = (),
    lower: bool = False,
) -> Any:
    """Declare a kind's option: a dataclass field the engine fills from the rule's options."""
    return field(metadata={OPTION: OptionSpec(default, doc, minimum, maximum, tuple(choices), lower)})


@dataclass(frozen=True)
class RuleContext:
    """Everything a kind may consult besides the post: the config, the channel profiles, the
    team's banned-hashtag file as read when the engine was built, and the clock.

    `banned_tags` is None when `hashtags.banned_file` is not set or could not be read (HT003
    tells the two apart by the config). `memo` is a per-engine scratch space for things a kind
    builds from the config once and reuses on every post (matchers over the brand's terms); it
    holds derived data only: no file contents and no results.
    """

    config: Config
    profiles: Mapping[str, ChannelProfile]
    banned_tags: TermList | None = None
    memo: dict[Hashable, Any] = field(default_factory=dict, compare=False)
    # The moment of the run (an undated draft publishes now); a test or a replay can fix it.
    now: Callable[[], datetime] = field(default=lambda: datetime.now(timezone.utc), compare=False)

    def profiles_for(self, doc: Document) -> list[ChannelProfile]:
        return [self.profiles[name] for name in doc.channels if name in self.profiles]

    def cached(self, key: Hashable, build: Any) -> Any:
        """`build()` once per engine for this key (matchers over config terms), then reused."""
        if key not in self.memo:
            self.memo[key] = build()
        return self.memo[key]


@dataclass(frozen=True)
class Kind:
    """A document check: findings in one post, from the post, its options and the context."""

    is_corpus: ClassVar[bool] = False
    message_keys: ClassVar[tuple[str, ...]] = ()  # templates it names; the rule YAML's `messages:` holds them

    def validate(self) -> None:
        """Rules between options, raising OptionError; the engine calls it once, after building.
        A kind whose derived state can fail (a pattern that does not compile) builds it here."""

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        return ()


@dataclass(frozen=True)
class CorpusKind(Kind):
    """A rule that compares posts with each other (repetition). It runs once per run.

    `targets` are the files being checked (findings only go to their posts); `index` is the
    engine's corpus index of every post of config `content` plus the targets. It yields
    (post, Finding) pairs, the finding's offsets in that post's own text.
    """

    is_corpus: ClassVar[bool] = True

    def check_corpus(
        self, targets: Sequence[str], index: CorpusView, ctx: RuleContext
    ) -> Iterable[tuple[CorpusPost, Finding]]:
        return ()
