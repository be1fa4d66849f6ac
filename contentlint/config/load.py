"""Load and validate `.contentlint.yaml` (DESIGN A2): every error names the file, key and line.

Validation is a small table of per-key checks rather than a schema library: the config is
written by marketing teams, so the messages matter more than generality.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from contentlint.config import languages, nlp
from contentlint.config.checker import Checker, type_name
from contentlint.config.errors import ConfigError
from contentlint.config.files import UnreadableFile, read_file
from contentlint.config.model import (
    Audience,
    Brand,
    Config,
    CsvLayout,
    Hashtags,
    Override,
    Repetition,
)
from contentlint.text import yamlsafe
from contentlint.text.patterns import PatternError, compile_pattern
from contentlint.text.yamlsafe import KeyPath

CONFIG_NAMES = (".contentlint.yaml", "contentlint.yaml", ".contentlint.yml", "contentlint.yml")
FAIL_ON = ("error", "warning", "suggestion", "never")


# ---------------------------------------------------------------- discovery


def find_config(start: Path, *, parents: bool = True) -> Path | None:
    """The nearest config in `start` or a parent: a contentlint YAML or a pyproject.toml with
    [tool.contentlint]. `parents=False`: in `start` only."""
    for folder in (start, *start.parents) if parents else (start,):
        for name in CONFIG_NAMES:
            candidate = folder / name
            # Anything by a config's name but a folder is the config: a pipe, device or broken
            # link is then reported when it is read, never silently passed over for the defaults.
            if os.path.lexists(candidate) and not candidate.is_dir():
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _pyproject_has_section(pyproject):
            return pyproject
    return None


def _pyproject_has_section(path: Path) -> bool:
    try:
        return b"[tool.contentlint" in read_file(path)
    except UnreadableFile:
        return False


def load_config(
    source: str | os.PathLike[str] | Mapping[str, Any] | None = None, *, cwd: Path | None = None, strict: bool = True
) -> Config:
    """A path, a dict in the A2 shape, or None (discover from `cwd`, else built-in defaults).
    Every mistake is collected and raised as one ConfigError; with `strict=False` the mistakes
    of a config that could be read are kept in `Config.problems` instead, for the engine to add
    its own (unknown rule names, channels) and raise them all at once."""
    cwd = cwd or Path.cwd()
    if isinstance(source, Mapping):
        return nlp.with_environment(parse_config(dict(source), {}, "<dict>", cwd, strict=strict), cwd)
    if source is None:
        found = find_config(cwd)
        if found is None:
            return nlp.with_environment(Config(root=cwd), cwd)
        source = found
    path = Path(source)
    display = str(path)
    try:
        raw = read_file(path)
    except UnreadableFile as exc:
        raise ConfigError(display, "", f"cannot read config: {exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(display, "", "config is not valid UTF-8") from None
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        data, positions = _load_toml(text, display)
    else:
        try:
            data, positions = yamlsafe.load(text)
        except yamlsafe.YamlError as exc:
            raise ConfigError(display, "", exc.message, exc.line) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(display, "", "the config must be a mapping of keys to values", 1)
    return nlp.with_environment(parse_config(data, positions, display, path.resolve().parent, strict=strict), cwd)


def _load_toml(text: str, display: str) -> tuple[Any, dict[KeyPath, yamlsafe.Position]]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(display, "", f"invalid TOML: {exc}") from None
    except ValueError as exc:  # a value Python refuses, such as an integer of 5,000 digits
        raise ConfigError(display, "", f"invalid TOML: {exc}") from None
    section = document.get("tool", {}).get("contentlint")
    if section is None:
        raise ConfigError(display, "", "no [tool.contentlint] section")
    # TOML parsers give no positions; find each top-level key's line by its text.
    positions: dict[KeyPath, yamlsafe.Position] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        for key in section:
            if stripped.startswith((f"{key} =", f"{key}=", f"[tool.contentlint.{key}]")):
                positions.setdefault((key, "<key>"), yamlsafe.Position(number, 0, 0))
    return section, positions


def parse_config(
    data: dict[str, Any],
    positions: Mapping[KeyPath, yamlsafe.Position],
    display: str,
    root: Path,
    *,
    strict: bool = True,
) -> Config:
    check = Checker(display, positions)
    sections = check.mapping(
        data,
        (),
        {
            "extends": check.strings,
            "lang": lambda v, p: languages.code(check, v, p) if v is not None else None,
            "default_channel": check.optional_string,
            "content": check.patterns,
            "exclude": check.patterns,
            "front_matter": lambda v, p: check.mapping(v, p, {"fields": check.strings}),
            "baseline": check.string,
            "cache_dir": check.string,
            "brand": lambda v, p: _brand(check, v, p),
            "hashtags": lambda v, p: _hashtags(check, v, p),
            "audiences": lambda v, p: _audiences(check, v, p),
            "channels": lambda v, p: {
                str(name): check.mapping(item, p + (name,)) for name, item in check.mapping(v, p).items()
            },
            "repetition": lambda v, p: Repetition(
                **check.mapping(
                    v,
                    p,
                    {
                        "window_days": lambda x, q: check.integer(x, q, 0),
                        "threshold": lambda x, q: check.number(x, q, 0.05, 1.0),
                        "compare_replies": check.boolean,
                        "campaign_window_hours": lambda x, q: check.number(x, q, 0.0, 24.0 * 366),
                    },
                )
            ),
            "rules": check.rule_settings,
            "overrides": lambda v, p: _overrides(check, v, p),
            "fail_on": lambda v, p: check.choice(v, p, FAIL_ON),
            "csv": lambda v, p: _csv(check, v, p),
            "nlp": lambda v, p: nlp.pipelines(check, v, p, root),
        },
    )
    if check.problems and strict:
        raise ConfigError.of(check.problems)
    cache_dir = sections.get("cache_dir")
    return Config(
        path=None if display == "<dict>" else display,
        root=root,
        extends=sections.get("extends", ("default",)),
        lang=(sections.get("lang") or "").lower() or None,
        default_channel=(sections.get("default_channel") or "").lower() or None,
        content=sections.get("content", ()),
        exclude=sections.get("exclude", ()),
        front_matter_fields=tuple(sections.get("front_matter", {}).get("fields", ())),
        baseline=sections.get("baseline"),
        cache_dir=(root / cache_dir) if cache_dir else None,
        brand=sections.get("brand", Brand()),
        hashtags=sections.get("hashtags", Hashtags()),
        audiences=sections.get("audiences", {}),
        channels=sections.get("channels", {}),
        channel_lines={str(name): check.line(("channels", name)) for name in sections.get("channels", {})},
        repetition=sections.get("repetition", Repetition()),
        rules=sections.get("rules", ()),
        overrides=sections.get("overrides", ()),
        fail_on=sections.get("fail_on", "error"),
        csv=sections.get("csv", CsvLayout()),
        nlp=sections.get("nlp", {}),
        lines={str(key): check.line((key,)) for key in data},
        problems=tuple(check.problems),
    )


def _brand(check: Checker, value: Any, path: KeyPath) -> Brand:
    def pillars(v: Any, p: KeyPath) -> dict[str, tuple[str, ...]]:
        return {str(name): check.strings(words, p + (name,)) for name, words in check.mapping(v, p).items()}

    def terms(v: Any, p: KeyPath) -> dict[str, Any]:
        return check.mapping(
            v, p, {"prefer": check.string_map, "avoid": check.string_map, "competitors": check.strings}
        )

    fields = check.mapping(
        value,
        path,
        {
            "name": check.string,
            "pillars": pillars,
            "terms": terms,
            "disclosures": check.strings,
            "terms_notes": check.strings,
            "claims": check.strings,
            "affiliate_patterns": lambda v, p: _patterns(check, v, p),
        },
    )
    term_fields = fields.pop("terms", {})
    return Brand(**fields, **term_fields)


def _patterns(check: Checker, value: Any, path: KeyPath) -> tuple[str, ...]:
    """Regular expressions are compiled now, so a typo is a config error with its line, not a
    rule failure on every post later."""
    patterns = check.strings(value, path)
    for index, pattern in enumerate(patterns):
        try:
            compile_pattern(pattern)
        except PatternError as exc:
            raise check.fail(path + (index,), str(exc)) from None
    return patterns


def _hashtags(check: Checker, value: Any, path: KeyPath) -> Hashtags:
    def tags(v: Any, p: KeyPath) -> tuple[str, ...]:
        return tuple(tag if tag.startswith(("#", "＃")) else f"#{tag}" for tag in check.strings(v, p))

    fields = check.mapping(
        value,
        path,
        {
            "brand": tags,
            "approved": tags,
            "banned": tags,
            "banned_file": check.string,
            "require_brand_on": lambda v, p: tuple(s.lower() for s in check.strings(v, p)),
        },
    )
    return Hashtags(**fields)


def _audiences(check: Checker, value: Any, path: KeyPath) -> dict[str, Audience]:
    result = {}
    for name, item in check.mapping(value, path).items():
        fields = check.mapping(
            item,
            path + (name,),
            {
                "channels": lambda v, p: tuple(s.lower() for s in check.strings(v, p)),
                "max_grade": lambda v, p: check.number(v, p, 0, 30),
                "description": check.string,
            },
        )
        fields.pop("description", None)
        result[str(name).lower()] = Audience(**fields)
    return result


def _overrides(check: Checker, value: Any, path: KeyPath) -> tuple[Override, ...]:
    if not isinstance(value, list):
        raise check.fail(path, f"expected a list of {{files, rules}}, got {type_name(value)}")

    def name(v: Any, p: KeyPath) -> str:
        return check.string(v, p).strip().lower()

    def lang(v: Any, p: KeyPath) -> str:
        return languages.code(check, v, p)

    result = []
    for index, item in enumerate(value):
        where = path + (index,)
        fields = check.mapping(
            item,
            where,
            {
                "files": check.patterns,
                "rules": check.rule_settings,
                "channel": name,
                "audience": name,
                "lang": lang,
            },
        )
        if "files" not in fields:
            check.record(check.fail(where, "an override needs `files:` (glob patterns)"))
            continue
        result.append(Override(**fields, line=check.line(where)))
    return tuple(result)


def _csv(check: Checker, value: Any, path: KeyPath) -> CsvLayout:
    def columns(v: Any, p: KeyPath) -> dict[str, tuple[str, ...]]:
        known = CsvLayout.__dataclass_fields__
        names = check.mapping(v, p)
        for key in names:
            if key not in known:
                raise check.fail(p + (key,), f"unknown column role; expected one of: {', '.join(known)}")
        return {key: tuple(s.lower() for s in check.strings(names[key], p + (key,))) for key in names}

    fields = check.mapping(value, path, {"columns": columns})
    return CsvLayout(**fields.get("columns", {}))
