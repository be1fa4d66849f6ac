"""What every check kind shares: how it is built from options and what it is given to run.

A kind is a frozen dataclass built by `from_options`; it reads a Document and yields Findings in
file offsets. It never computes lines or columns and never formats messages: the linter does.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from contentlint.config.errors import OptionError

if TYPE_CHECKING:
    from contentlint.config.model import Config
    from contentlint.kinds.corpus import CorpusPost, CorpusView
    from contentlint.model.violation import Finding
    from contentlint.text.channels import ChannelProfile
    from contentlint.text.document import Document


@dataclass(frozen=True)
class RuleContext:
    """Everything a kind may consult besides the post: the config and the channel profiles.

    `memo` is a per-engine scratch space for things a kind builds from the config once and reuses
    on every post (matchers over the brand's terms); it holds no file contents and no results.
    """

    config: Config
    profiles: Mapping[str, ChannelProfile]
    memo: dict[Hashable, Any] = field(default_factory=dict, compare=False)

    def profiles_for(self, doc: Document) -> list[ChannelProfile]:
        return [self.profiles[name] for name in doc.channels if name in self.profiles]


class Check(Protocol):
    """A document rule: findings in one post, from the post alone."""

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]: ...


class CorpusCheck(Protocol):
    """A rule that compares posts with each other (repetition). It runs once per run.

    `targets` are the files being checked (findings only go to their posts); `index` is the
    engine's corpus index of every post of config `content` plus the targets. It yields
    (post, Finding) pairs, the finding's offsets in that post's own text.
    """

    is_corpus: ClassVar[bool]

    def check_corpus(
        self, targets: Sequence[str], index: CorpusView, ctx: RuleContext
    ) -> Iterable[tuple[CorpusPost, Finding]]: ...


Expected = type | tuple[type, ...]


def validate_options(kind: str, options: Mapping[str, Any], schema: Mapping[str, Expected]) -> dict[str, Any]:
    """Reject unknown option names and wrong types with a message naming the option."""
    result: dict[str, Any] = {}
    for name, value in options.items():
        if name not in schema:
            known = ", ".join(sorted(schema)) or "none"
            raise OptionError(f"unknown option '{name}' for kind {kind} (options: {known})")
        expected = schema[name]
        if value is not None and not _matches(value, expected):
            raise OptionError(
                f"option '{name}' of kind {kind} expects {_describe(expected)}, got {type(value).__name__}"
            )
        result[name] = value
    return result


def _matches(value: Any, expected: Expected) -> bool:
    types = expected if isinstance(expected, tuple) else (expected,)
    if isinstance(value, bool) and bool not in types:
        return False
    if float in types and isinstance(value, int) and not isinstance(value, bool):
        return True
    return isinstance(value, types)


def _describe(expected: Expected) -> str:
    types = expected if isinstance(expected, tuple) else (expected,)
    names = {
        str: "text",
        int: "a whole number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        dict: "a mapping",
    }
    return " or ".join(names.get(t, t.__name__) for t in types)


def string_list(value: Any, option: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise OptionError(f"option '{option}' expects a list of text")


def string_mapping(value: Any, option: str) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return dict(value)
    raise OptionError(f"option '{option}' expects a mapping of text to text")
