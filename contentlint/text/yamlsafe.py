"""YAML for untrusted files: safe types only, no aliases, no implicit dates, and positions.

Front matter and configs are written by people who are not engineers and by rule packs from
elsewhere, so: no object construction (safe loader), no alias expansion (a "billion laughs"
file cannot blow up), dates stay strings (FM003 reports a bad date instead of the whole front
matter failing), and every key keeps its line so errors can point at it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias

import yaml


class YamlError(Exception):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Position:
    line: int  # 1-based line within the YAML text
    start: int  # code-point offset of the value within the YAML text
    end: int


KeyPath: TypeAlias = tuple[Any, ...]  # keys and list indexes, such as ("brand", "terms", "prefer")


class _Loader(yaml.SafeLoader):
    """SafeLoader without aliases and without the implicit timestamp type."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]  # unannotated in types-PyYAML
            raise YamlError("YAML aliases (*name) are not allowed here", mark.line + 1)
        return super().compose_node(parent, index)


_IMPLICIT_RESOLVERS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.yaml_implicit_resolvers = _IMPLICIT_RESOLVERS

# libyaml's parser composes nodes about five times faster than PyYAML's, and front matter is
# parsed for every post of a full run. Its answers must be PyYAML's, so it reads only text
# where the two are known to agree (a differential test holds them to it):
# - no `&` or `*`: it has no hook to refuse aliases, and without an anchor none can resolve;
# - no tab or BOM: libyaml accepts tabs inside plain scalars that PyYAML refuses;
# - no `!` or `?` starting a token, and no `?` at all beside a flow collection: an empty tagged
#   value or an explicit key loads differently, and PyYAML refuses `?` inside `[...]`;
# - no `|#` or `>-#` (block scalar headers PyYAML refuses), no `---`/`...` document marker
#   and no Unicode line break (NEL, U+2028, U+2029): lines are counted differently after them;
# - no empty value in a flow mapping (`{title: }`): its position differs by a column;
# - at most 8 KiB: its composer recurses in C without Python's recursion limit, and 8 KiB
#   cannot nest deeper than the C stack allows.
# Anything it refuses is parsed again by PyYAML, whose message is the one shown.
_CLoader: type[yaml.CSafeLoader] | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _LibyamlLoader(yaml.CSafeLoader):
        """CSafeLoader with the same resolvers (no implicit timestamp)."""

    _LibyamlLoader.yaml_implicit_resolvers = _IMPLICIT_RESOLVERS
    _CLoader = _LibyamlLoader
C_LOADER_MAX_CHARS = 8192
_NOT_FOR_C_LOADER = re.compile(
    r"[&*\t\ufeff\x85\u2028\u2029]|[|>][-+0-9]*#|:\s*(?:#.*\s*)*[,\]}]|(?:^|[\s\[\]{},:])[!?]|(?:^|\r)(?:---|\.\.\.)",
    re.M,
)

MAX_DEPTH = 40
# Python refuses to turn a decimal of more digits than this into an int (a denial-of-service
# guard since 3.11); YAML's int resolver would hand it one and crash, so it is an error here.
MAX_INT_DIGITS = 4300
_INT_TAG = "tag:yaml.org,2002:int"
_SHORTEST_HUGE_INT = int(MAX_INT_DIGITS / math.log10(60))  # base-60 digits are the densest


def load(text: str) -> tuple[Any, dict[KeyPath, Position]]:
    """Parse one YAML document; return the data and the position of every key's value."""
    if _CLoader is not None and len(text) <= C_LOADER_MAX_CHARS and _c_loader_agrees(text):
        try:
            return _load_with(_CLoader, text)
        except Exception:
            pass
    return _load_with(_Loader, text)


def _c_loader_agrees(text: str) -> bool:
    """True where libyaml and PyYAML are known to load `text` the same way (see above)."""
    if "?" in text and ("[" in text or "{" in text):
        return False
    return not _NOT_FOR_C_LOADER.search(text)


def _load_with(
    loader_class: type[yaml.SafeLoader] | type[yaml.CSafeLoader], text: str
) -> tuple[Any, dict[KeyPath, Position]]:
    try:
        loader = loader_class(text)
    except yaml.reader.ReaderError as exc:  # checked before parsing starts: a control character
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        raise YamlError(f"invalid YAML: character U+{exc.character:04X} is not allowed in YAML", line) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        positions: dict[KeyPath, Position] = {}
        # Only a long text can hold a too-big integer, and only an escape a lone surrogate (the
        # reader refuses one written as it is): front matter is parsed for every post.
        scalars = len(text) >= _SHORTEST_HUGE_INT or "\\u" in text or "\\U" in text
        _walk(node, (), positions, 0, scalars)
        data = loader.construct_document(node)
    except YamlError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlError(f"invalid YAML: {problem}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"invalid YAML: {exc}") from None
    except RecursionError:
        raise YamlError("YAML is nested too deeply") from None
    except ValueError as exc:  # a value the constructor refuses; `_walk` names the known ones
        raise YamlError(f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    return data, positions


def _walk(node: yaml.Node, path: KeyPath, positions: dict[KeyPath, Position], depth: int, scalars: bool = True) -> None:
    """Positions of every value; tags, nesting and duplicate keys checked, and with `scalars`
    numbers and escapes too (`_load_with` skips those where the text cannot hold a bad one)."""
    if depth > MAX_DEPTH:
        raise YamlError(f"YAML is nested more than {MAX_DEPTH} levels deep", node.start_mark.line + 1)
    _check_tag(node)
    if scalars:
        _check_number(node)
        _check_text(node)
    positions[path] = Position(node.start_mark.line + 1, node.start_mark.index, node.end_mark.index)
    if isinstance(node, yaml.MappingNode):
        seen: dict[tuple[str, str], int] = {}
        for key_node, value_node in node.value:
            _check_tag(key_node)
            if scalars:
                _check_number(key_node)
                _check_text(key_node)
            if isinstance(key_node, yaml.ScalarNode):
                line = key_node.start_mark.line + 1
                identity = (key_node.tag, key_node.value)
                if identity in seen:
                    raise YamlError(
                        f"duplicate key {key_node.value!r} (first on line {seen[identity]}): the later "
                        "value would silently replace the first; keep one",
                        line,
                    )
                seen[identity] = line
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
            _walk(value_node, path + (key,), positions, depth + 1, scalars)
            positions[path + (key, "<key>")] = Position(
                key_node.start_mark.line + 1, key_node.start_mark.index, key_node.end_mark.index
            )
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), positions, depth + 1, scalars)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(node: yaml.Node) -> None:
    """Refuse a lone surrogate (`"\\ud800"` is valid YAML escaping but no character): it cannot be
    written as UTF-8, so no output could show the value."""
    if isinstance(node, yaml.ScalarNode):
        found = _SURROGATE.search(node.value)
        if found:
            raise YamlError(
                f"invalid YAML: \\u{ord(found.group()):04x} is half of a UTF-16 surrogate pair, not a character",
                node.start_mark.line + 1,
            )


def _check_number(node: yaml.Node) -> None:
    """Refuse an integer too big for Python to convert to or from decimal text, naming its line
    (hexadecimal, octal, binary and base-60 values count by the decimal digits they make)."""
    if node.tag != _INT_TAG or not isinstance(node, yaml.ScalarNode):
        return
    value = node.value.lstrip("+-").replace("_", "").lower()
    base = 16 if value.startswith("0x") else 2 if value.startswith("0b") else 60 if ":" in value else 10
    base = 8 if base == 10 and (value.startswith("0o") or (value.startswith("0") and len(value) > 1)) else base
    digits = sum(char.isalnum() for char in value)
    if digits * math.log10(base) > MAX_INT_DIGITS:
        raise YamlError(
            f"a number of about {int(digits * math.log10(base)):,} digits; contentlint reads numbers of up to "
            f"{MAX_INT_DIGITS:,} digits",
            node.start_mark.line + 1,
        )


def _check_tag(node: yaml.Node) -> None:
    """Refuse tags the safe loader has no constructor for (!!python/object and friends) with a
    message that says why, before anything is constructed."""
    if node.tag not in _Loader.yaml_constructors:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise YamlError(
            f"YAML tag {tag} is not allowed: contentlint reads only plain values "
            "(text, numbers, true/false, lists, mappings) and never builds objects",
            node.start_mark.line + 1,
        )


def line_of(positions: Mapping[KeyPath, Position], path: KeyPath) -> int | None:
    """The line of the deepest known part of `path` (the key itself if it exists)."""
    for cut in range(len(path), -1, -1):
        key_position = positions.get(path[:cut] + ("<key>",)) if cut else None
        if key_position:
            return key_position.line
        position = positions.get(path[:cut])
        if position:
            return position.line
    return None
