"""The effective config of one post, value by value, with where each value came from: the
built-in defaults, a line of the config file, an `overrides` entry, or the command line.
What `contentlint config [PATH]` prints, so "which rules apply to this post, and why" has an
answer that is not a guess."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from contentlint.config.model import Brand, Hashtags
from contentlint.engine.engine import Engine
from contentlint.engine.rule_set import RuleState


@dataclass(frozen=True)
class Setting:
    key: str
    value: Any
    source: str


@dataclass(frozen=True)
class Effective:
    config: str
    post: str | None
    overrides: tuple[int, ...]
    settings: tuple[Setting, ...]
    rules: tuple[RuleState, ...]


def effective(engine: Engine, display: str | None = None, name: str | None = None) -> Effective:
    """The config `engine` was built from as it applies to the post at `display` (None: to a
    post that no override matches); `name`: the config file as the user should read it."""
    config = engine.config
    name = name or config.display_path
    matched = engine.overrides_for(display) if display else ()

    def source(key: str) -> str:
        line = config.lines.get(key)
        if key not in config.lines:
            return "default"
        return f"{name}:{line}" if line else name

    settings: list[Setting] = []
    for key, value in (
        ("extends", list(config.extends)),
        ("lang", config.lang),
        ("default_channel", config.default_channel),
        ("content", list(config.content)),
        ("exclude", list(config.exclude)),
        ("front_matter.fields", list(config.front_matter_fields)),
        ("baseline", config.baseline),
        ("cache_dir", str(config.resolved_cache_dir())),
        ("fail_on", config.fail_on),
        ("repetition.window_days", config.repetition.window_days),
        ("repetition.threshold", config.repetition.threshold),
        ("repetition.compare_replies", config.repetition.compare_replies),
        ("repetition.campaign_window_hours", config.repetition.campaign_window_hours),
        ("nlp", dict(config.nlp)),
        ("audiences", sorted(config.audiences)),
        ("channels", sorted(config.channels)),
    ):
        settings.append(Setting(key, value, source(key.split(".")[0])))
    settings += _section("brand", config.brand, Brand(), source("brand"))
    settings += _section("hashtags", config.hashtags, Hashtags(), source("hashtags"))
    if display:
        settings += _post_defaults(engine, name, display, matched)
    return Effective(name, display, matched, tuple(settings), rule_states(engine, name, matched))


def rule_states(engine: Engine, name: str, matched: tuple[int, ...] = ()) -> tuple[RuleState, ...]:
    """Every rule's state, its source naming the config as `name`."""
    path = engine.config.display_path
    return tuple(
        replace(state, source=state.source.replace(path, name, 1)) for state in engine.rule_sets.states(matched)
    )


def _section(name: str, value: Any, default: Any, where: str) -> list[Setting]:
    result = []
    for item in fields(value):
        current = getattr(value, item.name)
        shown = dict(current) if isinstance(current, dict) else list(current) if isinstance(current, tuple) else current
        result.append(
            Setting(f"{name}.{item.name}", shown, where if current != getattr(default, item.name) else "default")
        )
    return result


def _post_defaults(engine: Engine, name: str, display: str, matched: tuple[int, ...]) -> list[Setting]:
    """What the post gets when its front matter names no channel, audience or language."""
    config = engine.config
    defaults = engine.defaults_for(display)
    result = []
    for key, value, cli in (
        ("channel", defaults.channels[0] if defaults.channels else None, engine.selection.channel),
        ("audience", defaults.audiences[0] if defaults.audiences else None, engine.selection.audience),
        ("lang", defaults.lang, None),
    ):
        where = "default"
        if cli:
            where = f"--{key}"
        else:
            for index in matched:
                override = config.overrides[index]
                if getattr(override, key):
                    line = override.line
                    where = f"{name}:{line} (overrides[{index}])" if line else f"overrides[{index}]"
            if where == "default" and value is not None:
                origin = {"channel": "default_channel", "lang": "lang"}.get(key)
                if origin and origin in config.lines:
                    line = config.lines[origin]
                    where = f"{name}:{line}" if line else name
        result.append(Setting(f"post default {key}", value, where))
    return result
