"""Building a kind from a rule's options: checked against what the kind declares, then converted.

Every kind declares its options once (kinds/base.py `option`): the field's annotation is the
type, the declaration holds the default, a doc line, a range or choices. Here a rule's YAML
options are checked against that: an unknown name (with the closest known one), a wrong type, a
number out of range or text outside the choices is an OptionError naming the option. Values are
converted on the way: YAML lists become tuples, mappings read-only mappings, names compared in
lower case are lower-cased, and a word-list name becomes the list's entries (`TermList`), read
through the engine's `WordLists` so a kind never opens a file. Then the kind's `validate()`
checks the rules between options.

The types a declaration may use: bool, int, float, str, tuple[str, ...], Mapping[str, V] (V one
of these, or Any), TermList, and unions of them (`X | None`: YAML null is None; for other types
null means the default).
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Mapping
from dataclasses import fields
from typing import Any, TypeVar

from contentlint.config.errors import OptionError
from contentlint.config.wordlists import TermList, WordLists
from contentlint.kinds.base import OPTION, REQUIRED, Kind, OptionSpec
from contentlint.model.explain import OptionDoc, explain
from contentlint.model.rulespec import RuleSpec

K = TypeVar("K", bound=Kind)
_NONE = type(None)


class _Mismatch(Exception):
    """A value that does not fit a type; the message says what was found instead."""


_DECLARED: dict[type[Kind], dict[str, tuple[Any, OptionSpec]]] = {}  # per kind class, read once


def declared_options(kind: type[Kind]) -> dict[str, tuple[Any, OptionSpec]]:
    """name -> (type, declaration) of every option a kind declares, in declaration order."""
    if kind not in _DECLARED:
        hints = typing.get_type_hints(kind)
        _DECLARED[kind] = {f.name: (hints[f.name], f.metadata[OPTION]) for f in fields(kind) if OPTION in f.metadata}
    return _DECLARED[kind]


def build_kind(kind: type[K], options: Mapping[str, Any], lists: WordLists | None = None, *, name: str = "") -> K:
    """The kind built from a rule's options (missing ones take the declared defaults)."""
    label = name or kind.__name__
    declared = declared_options(kind)
    for given in options:
        if given not in declared:
            raise OptionError(_unknown(str(given), label, list(declared)))
    lists = lists or WordLists()
    values: dict[str, Any] = {}
    for option_name, (hint, spec) in declared.items():
        value = options.get(option_name, spec.default)
        if value is None and not _allows_none(hint):
            value = spec.default  # YAML null: nothing where nothing is allowed, else the default
        if value is REQUIRED:
            raise OptionError(f"option '{option_name}' of kind {label} is required ({describe(hint, spec)})")
        try:
            values[option_name] = _checked(_convert(hint, value, lists), spec)
        except _Mismatch as exc:
            raise OptionError(
                f"option '{option_name}' of kind {label} expects {describe(hint, spec)}, got {exc}"
            ) from None
        except OptionError as exc:
            raise OptionError(f"option '{option_name}': {exc}") from None
    built = kind(**values)
    built.validate()
    return built


def kind_of(spec: RuleSpec) -> type[Kind]:
    """The kind a rule names (the catalogue of kinds is imported here, when a rule is built)."""
    from contentlint.kinds.catalog import KINDS

    return KINDS[spec.kind]


def check_messages(kind_name: str, messages: Mapping[str, str], kind: type[Kind]) -> None:
    """A rule's `messages:` hold exactly the templates its kind names (a finding never names a
    template that is not there, and no template is dead)."""
    missing = [key for key in kind.message_keys if key not in messages]
    if missing:
        raise OptionError(f"kind {kind_name} needs the message template `messages: {{{missing[0]}: ...}}`")
    unused = [key for key in messages if key not in kind.message_keys]
    if unused:
        names = ", ".join(kind.message_keys) or "none"
        raise OptionError(f"'{unused[0]}' is not a message of kind {kind_name} (its messages: {names})")


def build_rule_kind(spec: RuleSpec, options: Mapping[str, Any], lists: WordLists | None = None) -> Kind:
    """A rule's kind, its messages checked and its options applied."""
    kind = kind_of(spec)
    check_messages(spec.kind, spec.messages, kind)
    return build_kind(kind, options, lists, name=spec.kind)


def option_docs(kind: type[Kind], rule_options: Mapping[str, Any]) -> tuple[OptionDoc, ...]:
    """What `explain` lists for a rule: each declared option, the rule's value, the doc."""
    return tuple(
        OptionDoc(
            name,
            rule_options.get(name, None if spec.default is REQUIRED else spec.default),
            spec.doc,
            describe(hint, spec),
        )
        for name, (hint, spec) in declared_options(kind).items()
    )


def explain_rule(spec: RuleSpec) -> str:
    """`contentlint explain CODE` in full (with the kind's declared options): what the CLI, the
    editor's hover and the web page's "why" all show."""
    return explain(spec, option_docs(kind_of(spec), spec.options))


def describe(hint: Any, spec: OptionSpec | None = None) -> str:
    """What an option expects, in words: "a whole number, 1 or more"."""
    text = _describe_type(hint)
    if spec is not None:
        if spec.choices:
            text += f": one of {', '.join(spec.choices)}"
        if spec.minimum is not None and spec.maximum is not None:
            text += f", from {_number(spec.minimum)} to {_number(spec.maximum)}"
        elif spec.minimum is not None:
            text += f", {_number(spec.minimum)} or more"
        elif spec.maximum is not None:
            text += f", at most {_number(spec.maximum)}"
    return text


# ------------------------------------------------------------------ types


def _alternatives(hint: Any) -> tuple[Any, ...]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return typing.get_args(hint)
    return (hint,)


def _allows_none(hint: Any) -> bool:
    return _NONE in _alternatives(hint)


def _convert(hint: Any, value: Any, lists: WordLists) -> Any:
    alternatives = _alternatives(hint)
    if len(alternatives) > 1:
        if value is None and _NONE in alternatives:
            return None
        for alternative in alternatives:
            if alternative is _NONE:
                continue
            try:
                return _convert(alternative, value, lists)
            except _Mismatch:
                continue
        raise _Mismatch(_what(value))
    if hint is Any:
        return value
    if hint is bool:
        if not isinstance(value, bool):
            raise _Mismatch(_what(value))
        return value
    if hint in (int, float):
        numeric = isinstance(value, int) or (hint is float and isinstance(value, float))
        if isinstance(value, bool) or not numeric:
            raise _Mismatch(_what(value))
        return value  # an int stays an int where a number is expected: messages print it as written
    if hint is str:
        if not isinstance(value, str):
            raise _Mismatch(_what(value))
        return value
    if hint is TermList:
        if not isinstance(value, str):
            raise _Mismatch(_what(value))
        return lists.get(value)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            raise _Mismatch(_what(value))
        items = []
        for item in value:
            try:
                items.append(_convert(args[0], item, lists))
            except _Mismatch:
                raise _Mismatch(f"{_what(item)} in the list") from None
        return tuple(items)
    if origin is Mapping:
        if not isinstance(value, Mapping):
            raise _Mismatch(_what(value))
        converted = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise _Mismatch(f"the key {key!r}")
            try:
                converted[key] = _convert(args[1], item, lists)
            except _Mismatch:
                raise _Mismatch(f"{key}: {_what(item)}") from None
        return types.MappingProxyType(converted)
    raise TypeError(f"an option cannot be declared as {hint!r}")  # a kind's mistake, found by the tests


def _checked(value: Any, spec: OptionSpec) -> Any:
    """Range, choices and lower-casing of a converted value (for a mapping: of its values)."""
    if isinstance(value, Mapping):
        for item in value.values():
            _in_range(item, spec)
        if spec.lower:
            return types.MappingProxyType({key.lower(): item for key, item in value.items()})
        return value
    if isinstance(value, tuple):
        for item in value:
            _in_range(item, spec)
        return tuple(item.lower() for item in value) if spec.lower else value
    _in_range(value, spec)
    if isinstance(value, str) and spec.lower:
        return value.lower()
    return value


def _in_range(value: Any, spec: OptionSpec) -> None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        low, high = spec.minimum, spec.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            raise _Mismatch(_number(value))
    if isinstance(value, str) and spec.choices and value not in spec.choices:
        raise _Mismatch(repr(value))


def _describe_type(hint: Any) -> str:
    alternatives = [a for a in _alternatives(hint) if a is not _NONE]
    if len(alternatives) > 1:
        return " or ".join(_describe_type(a) for a in alternatives)
    hint = alternatives[0]
    simple: dict[Any, str] = {
        bool: "true or false",
        int: "a whole number",
        float: "a number",
        str: "text",
        Any: "any value",
        TermList: "the name of a word list in rules/wordlists",
    }
    if hint in simple:
        return simple[hint]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple:
        return "a list of " + _plural(_describe_type(args[0]))
    if origin is Mapping:
        return "a mapping of text to " + _plural(_describe_type(args[1]))
    return str(hint)


def _plural(description: str) -> str:
    plurals = {"a whole number": "whole numbers", "a number": "numbers", "any value": "any values"}
    return plurals.get(description, description)


def _what(value: Any) -> str:
    names: dict[type, str] = {
        bool: "true/false",
        int: "a whole number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a mapping",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


def _number(value: float) -> str:
    return f"{value:g}"


def _unknown(given: str, kind: str, known: list[str]) -> str:
    close = difflib.get_close_matches(given, known, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown option '{given}' for kind {kind}{hint} (options: {', '.join(sorted(known)) or 'none'})"
