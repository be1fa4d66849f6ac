"""Channel profiles for a run: the shipped `rules/channels.yaml` with the config's `channels:` applied."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import yaml

from contentlint.config.builtin import default_channels_path
from contentlint.config.errors import ConfigError, ConfigProblem
from contentlint.config.model import Config
from contentlint.text.channels import ChannelProfile, override_profile, parse_profiles


def load_channel_profiles(path: Path | None = None) -> dict[str, ChannelProfile]:
    """Read channel profiles from `path` (default: the packaged `rules/channels.yaml`)."""
    path = path or default_channels_path()
    return parse_profiles(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))


def profiles_for(config: Config) -> dict[str, ChannelProfile]:
    """The shipped profiles with the config's overrides and new channels; errors name the key
    (every bad channel at once)."""
    profiles = dict(load_channel_profiles())
    problems = []
    for name, overrides in config.channels.items():
        try:
            profiles[name] = override_profile(profiles.get(name), name, overrides)
        except ValueError as exc:
            problems.append(
                ConfigProblem(config.display_path, f"channels.{name}", str(exc), config.channel_lines.get(name))
            )
    if problems:
        raise ConfigError.of(problems)
    return profiles


def channel_aliases(profiles: Mapping[str, ChannelProfile]) -> dict[str, str]:
    """Other name -> channel ("twitter" -> "x"), from the profiles' `aliases`."""
    return {alias: profile.name for profile in profiles.values() for alias in profile.aliases}


@lru_cache(maxsize=1)
def builtin_channel_aliases() -> Mapping[str, str]:
    """The shipped channels' aliases, read once (a scheduler export's channel column goes through them)."""
    return channel_aliases(load_channel_profiles())
