"""Rule packs: read rule YAML files, check them, and select rules by code, name, category or prefix.

A pack is a folder of rule YAML files (one rule a file; the folder a file sits in is its
category unless it says otherwise). `default` is the built-in pack shipped in the wheel.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contentlint.config.builtin import builtin_rules_dir
from contentlint.config.errors import OptionError, did_you_mean
from contentlint.config.files import UnreadableFile, read_text
from contentlint.engine.building import build_kind, check_messages
from contentlint.model.rulespec import RuleSpec
from contentlint.model.violation import SEVERITIES
from contentlint.text import yamlsafe
from contentlint.text.patterns import PatternError

CODE = re.compile(r"^[A-Z]{2}\d{3}$")
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
NOT_RULES = {"channels.yaml"}
RULE_FIELDS = {
    "code",
    "name",
    "kind",
    "severity",
    "message",
    "description",
    "options",
    "examples",
    "category",
    "fixable",
    "enabled",
    "example_config",
    "messages",
}
MESSAGE_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


class RuleError(Exception):
    """A malformed rule file; the message names the file (and line) and the problem."""


def pack_files(folder: Path) -> list[Path]:
    """Every file of a pack folder, sorted, without following a symbolic link (to a file or a
    folder): a link could pull a file from outside the repository into the rules (and its first
    key into an error message), or loop."""
    found: list[Path] = []
    for parent, folders, files in os.walk(folder, followlinks=False):
        folders[:] = sorted(name for name in folders if not os.path.islink(os.path.join(parent, name)))
        found.extend(Path(parent, name) for name in files if not os.path.islink(os.path.join(parent, name)))
    return sorted(found)


def load_pack(folder: Path, *, builtin: bool = False) -> list[RuleSpec]:
    if not folder.is_dir():
        raise RuleError(f"{folder}: rule pack folder not found")
    specs = []
    for path in pack_files(folder):
        if path.name in NOT_RULES or path.suffix not in (".yaml", ".yml"):
            continue
        category = path.parent.name if path.parent != folder else folder.name
        specs.append(load_rule_file(path, category, builtin=builtin))
    return specs


def load_rule_file(path: Path, category: str, *, builtin: bool = False) -> RuleSpec:
    try:
        data, positions = yamlsafe.load(read_text(path))
    except UnreadableFile as exc:
        raise RuleError(f"{path}: cannot read rule file: {exc}") from None
    except yamlsafe.YamlError as exc:
        raise RuleError(f"{path}:{exc.line or 1}: {exc.message}") from None

    def fail(key: str, message: str) -> RuleError:
        line = yamlsafe.line_of(positions, (key,)) if key else 1
        return RuleError(f"{path}:{line or 1}: {key + ': ' if key else ''}{message}")

    if not isinstance(data, dict):
        raise fail("", "a rule file must be a mapping with code, name, kind, severity and message")
    for key in data:
        if key not in RULE_FIELDS:
            raise fail(key, f"unknown field; expected one of: {', '.join(sorted(RULE_FIELDS))}")
    for key in ("code", "name", "kind", "severity", "message"):
        if not isinstance(data.get(key), str):
            raise fail(key, "required, and must be text")
    code, name, kind = data["code"], data["name"], data["kind"]
    if not CODE.match(code):
        raise fail("code", f"{code!r} must be two capital letters and three digits, such as TM001")
    if not NAME.match(name):
        raise fail("name", f"{name!r} must be kebab-case, such as synergy-word")
    if not builtin:  # built-in rules are built and run by the tests; a pack is checked here
        from contentlint.kinds.catalog import GENERIC_KINDS

        if kind not in GENERIC_KINDS:
            raise fail("kind", f"unknown kind {kind!r}; a rule pack can use: {', '.join(sorted(GENERIC_KINDS))}")
    if data["severity"] not in SEVERITIES:
        raise fail("severity", f"must be one of {', '.join(SEVERITIES)}")
    messages = data.get("messages") or {}
    if not isinstance(messages, dict) or not all(
        isinstance(key, str) and MESSAGE_KEY.match(key) and isinstance(text, str) for key, text in messages.items()
    ):
        raise fail("messages", "must be a mapping of snake_case names to message templates")
    options = data.get("options") or {}
    if not isinstance(options, dict):
        raise fail("options", "must be a mapping")
    if not builtin:  # the kind was checked above
        try:
            check_messages(kind, messages, GENERIC_KINDS[kind])
        except OptionError as exc:
            raise fail("messages", str(exc)) from None
        try:
            build_kind(GENERIC_KINDS[kind], options, name=kind)
        except (OptionError, PatternError) as exc:
            raise fail("options", str(exc)) from None
    examples = data.get("examples") or {}
    if not isinstance(examples, dict) or any(k not in ("fail", "pass") for k in examples):
        raise fail("examples", "must be a mapping with `fail:` and `pass:` lists")
    fails, passes = examples.get("fail") or [], examples.get("pass") or []
    if not all(isinstance(e, str) for e in list(fails) + list(passes)):
        raise fail("examples", "examples must be text")
    if builtin and (not fails or not passes):
        raise fail("examples", "a built-in rule needs at least one fail and one pass example")
    return RuleSpec(
        code=code,
        name=name,
        kind=kind,
        category=str(data.get("category") or category),
        severity=data["severity"],
        message=data["message"],
        description=str(data.get("description") or "").strip(),
        options=options,
        examples_fail=tuple(fails),
        examples_pass=tuple(passes),
        fixable=bool(data.get("fixable", False)),
        enabled=bool(data.get("enabled", True)),
        source=str(path),
        example_config=data.get("example_config") or {},
        messages=messages,
    )


@dataclass(frozen=True)
class Catalogue:
    """All known rules of a run, findable by code or name."""

    specs: tuple[RuleSpec, ...]

    def by_code(self) -> dict[str, RuleSpec]:
        return {spec.code: spec for spec in self.specs}

    def find(self, key: str) -> RuleSpec | None:
        key_upper = key.upper()
        for spec in self.specs:
            if spec.code == key_upper or spec.name == key.lower():
                return spec
        return None

    def matching(self, selector: str) -> list[RuleSpec]:
        """Rules a selector names: a code, a name, a category or a code prefix ("HT", "HT00")."""
        selector = selector.strip()
        upper, lower = selector.upper(), selector.lower()
        return [
            spec
            for spec in self.specs
            if spec.code == upper
            or spec.name == lower
            or spec.category == lower
            or (upper.isalnum() and len(upper) >= 1 and spec.code.startswith(upper) and upper[:2].isalpha())
        ]

    def select(self, selectors: Sequence[str]) -> set[str]:
        codes: set[str] = set()
        for selector in selectors:
            found = self.matching(selector)
            if not found:
                known = {name for spec in self.specs for name in (spec.code, spec.name, spec.category)}
                hint = did_you_mean(selector, known)
                raise RuleError(f"unknown rule, category or prefix {selector!r}{hint} (see `contentlint rules`)")
            codes.update(spec.code for spec in found)
        return codes


def load_catalogue(extends: Iterable[str], root: Path) -> Catalogue:
    """The built-in pack and the team's own packs named in `extends` (paths relative to the config)."""
    specs: list[RuleSpec] = []
    builtin_codes: set[str] = set()
    for entry in extends:
        if entry == "default":
            pack = load_pack(builtin_rules_dir(), builtin=True)
            builtin_codes.update(spec.code for spec in pack)
        else:
            folder = Path(entry)
            pack = load_pack(folder if folder.is_absolute() else root / folder)
        specs.extend(pack)
    if "default" not in extends:
        builtin_codes.update(spec.code for spec in load_pack(builtin_rules_dir(), builtin=True))
    seen_codes: dict[str, RuleSpec] = {}
    seen_names: dict[str, RuleSpec] = {}
    for spec in specs:
        if spec.code in seen_codes:
            other = seen_codes[spec.code]
            clash = "a built-in rule" if other.code in builtin_codes and other.source != spec.source else other.source
            raise RuleError(
                f"{spec.source}: code {spec.code} is already used by {clash} ({other.name}); pick another code"
            )
        if spec.name in seen_names:
            raise RuleError(f"{spec.source}: name {spec.name} is already used by {seen_names[spec.name].source}")
        if spec.source and not Path(spec.source).is_relative_to(builtin_rules_dir()) and spec.code in builtin_codes:
            raise RuleError(f"{spec.source}: code {spec.code} clashes with a built-in rule; pick another code")
        seen_codes[spec.code] = spec
        seen_names[spec.name] = spec
    return Catalogue(tuple(sorted(specs, key=lambda s: s.code)))


def merged_options(spec: RuleSpec, overlays: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    options: dict[str, Any] = dict(spec.options)
    for overlay in overlays:
        options.update(overlay)
    return options
