"""Names a config or the command line uses that must exist: channels (built-in or the config's
own), audiences (the config's) and, via the rule sets, rules. A typo is an error with "did you
mean", never a silent no-op: `--channel twiter` used to check posts against no channel at all."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from contentlint.config.errors import ConfigProblem, close_match
from contentlint.config.model import Config
from contentlint.engine.rule_set import UsageError

# Names people use for a channel that its profile calls otherwise.
ALIASES = {"twitter": "x", "ig": "instagram", "fb": "facebook", "yt": "youtube", "gmb": "google-business"}


def reference_problems(config: Config, profiles: Mapping[str, Any]) -> list[ConfigProblem]:
    """Channels and audiences the config names in one place and defines in another."""
    problems: list[ConfigProblem] = []

    def channel(name: str | None, key: str, line: int | None) -> None:
        if name and name not in profiles:
            problems.append(ConfigProblem(config.display_path, key, _unknown("channel", name, profiles), line))

    def audience(name: str | None, key: str, line: int | None) -> None:
        if name and config.audiences and name not in config.audiences:
            problems.append(ConfigProblem(config.display_path, key, _unknown("audience", name, config.audiences), line))

    channel(config.default_channel, "default_channel", config.lines.get("default_channel"))
    for name, settings in config.audiences.items():
        for item in settings.channels:
            channel(item, f"audiences.{name}.channels", config.lines.get("audiences"))
    for item in config.hashtags.require_brand_on:
        channel(item, "hashtags.require_brand_on", config.lines.get("hashtags"))
    for index, override in enumerate(config.overrides):
        line = override.line or config.lines.get("overrides")
        channel(override.channel, f"overrides.{index}.channel", line)
        audience(override.audience, f"overrides.{index}.audience", line)
    return problems


def check_selection(channel: str | None, audience: str | None, config: Config, profiles: Mapping[str, Any]) -> None:
    """`--channel` and `--audience` must name a channel and an audience that exist."""
    if channel and channel.lower() not in profiles:
        raise UsageError(f"--channel: {_unknown('channel', channel.lower(), profiles)}")
    if audience and config.audiences and audience.lower() not in config.audiences:
        raise UsageError(f"--audience: {_unknown('audience', audience.lower(), config.audiences)}")


def _unknown(kind: str, name: str, known: Iterable[str]) -> str:
    names = sorted(known)
    aliases = ALIASES if kind == "channel" else {}
    near = close_match(name, [*names, *aliases])
    meant = aliases.get(name) or (aliases.get(near, near) if near else None)
    hint = f" (did you mean '{meant}'?)" if meant in names else ""
    return f"unknown {kind} '{name}'{hint}; known: {', '.join(names)}"
