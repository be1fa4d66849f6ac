"""Channel profiles: each platform's limits, fold and hashtag habits, read from YAML.

Platforms change their numbers, so they live in `rules/channels.yaml` with the unit they are
counted in, a source and the date they were checked, and a team can override any of them in
its config (`channels: {x: {limit: 25000}}`) without touching code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, TypeGuard

from contentlint.text.counting import UNITS
from contentlint.text.extract import HASHTAG_PLATFORMS

FIELDS_WITH_LIMITS = ("body", "title")


@dataclass(frozen=True)
class LengthLimit:
    field: str  # "body" | "title"
    limit: int
    unit: str  # one of counting.UNITS


@dataclass(frozen=True)
class ChannelProfile:
    name: str
    limits: tuple[LengthLimit, ...]
    fold: int | None  # characters shown before "see more"
    hashtag_cap: int | None  # more hashtags than this: too many
    hashtag_cap_hard: bool  # True: the platform refuses or ignores them (error)
    emoji_cap: int | None  # recommended most emoji (AX002)
    hashtag_syntax: str  # "x" | "bluesky" | "mastodon" | "threads"
    long_form: bool  # titles and paragraphs matter
    title_required: bool
    alt_text_limit: int | None
    source: str  # where the numbers come from
    checked: str  # ISO date the numbers were checked
    aliases: tuple[str, ...] = ()  # other names for it ("twitter", "ig"): scheduler exports, FM002 hints


_OPTIONAL_INTS = ("fold", "hashtag_cap", "emoji_cap", "alt_text_limit")
_BOOLS = ("hashtag_cap_hard", "long_form", "title_required")
_STRINGS = ("hashtag_syntax", "source", "checked")
_KNOWN_KEYS = ("limit", "unit", "limits") + _OPTIONAL_INTS + _BOOLS + _STRINGS


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_limit(name: str, key: str, value: Any) -> int:
    if not _is_int(value) or value <= 0:
        raise ValueError(f"channel {name!r}: {key!r} must be a positive integer, got {value!r}")
    return value


def _check_unit(name: str, key: str, value: Any) -> str:
    if not isinstance(value, str) or value not in UNITS:
        raise ValueError(f"channel {name!r}: {key!r} must be one of {', '.join(UNITS)}, got {value!r}")
    return value


def _parse_limits(name: str, value: Any) -> tuple[LengthLimit, ...]:
    if not isinstance(value, list) or not value:
        raise ValueError(f"channel {name!r}: 'limits' must be a non-empty list of {{field, limit, unit}}")
    out = []
    for i, item in enumerate(value):
        key = f"limits[{i}]"
        if not isinstance(item, Mapping) or set(item) != {"field", "limit", "unit"}:
            raise ValueError(f"channel {name!r}: {key!r} must have exactly the keys field, limit, unit")
        if item["field"] not in FIELDS_WITH_LIMITS:
            raise ValueError(f"channel {name!r}: {key}.field must be one of {', '.join(FIELDS_WITH_LIMITS)}")
        out.append(
            LengthLimit(
                item["field"],
                _check_limit(name, f"{key}.limit", item["limit"]),
                _check_unit(name, f"{key}.unit", item["unit"]),
            )
        )
    return tuple(out)


def _check_value(name: str, key: str, value: Any) -> Any:
    if key in _OPTIONAL_INTS:
        if value is not None and not (_is_int(value) and value >= 0):
            raise ValueError(f"channel {name!r}: {key!r} must be a non-negative integer or null, got {value!r}")
    elif key in _BOOLS:
        if not isinstance(value, bool):
            raise ValueError(f"channel {name!r}: {key!r} must be true or false, got {value!r}")
    elif key == "hashtag_syntax":
        if value not in HASHTAG_PLATFORMS:
            raise ValueError(
                f"channel {name!r}: 'hashtag_syntax' must be one of {', '.join(HASHTAG_PLATFORMS)}, got {value!r}"
            )
    elif not isinstance(value, str):
        raise ValueError(f"channel {name!r}: {key!r} must be a string, got {value!r}")
    return value


def _new_profile(name: str, limits: tuple[LengthLimit, ...]) -> ChannelProfile:
    return ChannelProfile(
        name=name,
        limits=limits,
        fold=None,
        hashtag_cap=None,
        hashtag_cap_hard=False,
        emoji_cap=None,
        hashtag_syntax="x",
        long_form=False,
        title_required=False,
        alt_text_limit=None,
        source="config",
        checked="",
    )


def override_profile(base: ChannelProfile | None, name: str, overrides: Mapping[str, Any]) -> ChannelProfile:
    """`base` with config `overrides` applied; with `base` None, a new channel.

    `limit` (with optional `unit`) replaces the first body limit; `limits` replaces them all;
    every other key is a profile field by name. Wrong keys or types raise ValueError naming them.
    """
    if not isinstance(overrides, Mapping):
        raise ValueError(f"channel {name!r}: expected a mapping of settings, got {overrides!r}")
    unknown = [k for k in overrides if k not in _KNOWN_KEYS]
    if unknown:
        raise ValueError(f"channel {name!r}: unknown key {unknown[0]!r}; known keys: {', '.join(_KNOWN_KEYS)}")
    if "limits" in overrides and ("limit" in overrides or "unit" in overrides):
        raise ValueError(f"channel {name!r}: give either 'limits' or 'limit'/'unit', not both")
    limits = _parse_limits(name, overrides["limits"]) if "limits" in overrides else None
    if base is None:
        if limits is None and not ("limit" in overrides and "unit" in overrides):
            raise ValueError(f"channel {name!r}: a new channel needs 'limit' and 'unit' (or 'limits')")
        base = _new_profile(name, limits or (LengthLimit("body", 1, "code-points"),))
    if limits is None and ("limit" in overrides or "unit" in overrides):
        limits = _replace_first_body_limit(base, name, overrides)
    changes: dict[str, Any] = {
        k: _check_value(name, k, v) for k, v in overrides.items() if k not in ("limit", "unit", "limits")
    }
    if limits is not None:
        changes["limits"] = limits
    return replace(base, name=name, **changes)


def _replace_first_body_limit(base: ChannelProfile, name: str, overrides: Mapping[str, Any]) -> tuple[LengthLimit, ...]:
    limits = list(base.limits)
    index = next((i for i, lim in enumerate(limits) if lim.field == "body"), None)
    if index is None:
        limits.append(LengthLimit("body", 1, "code-points"))
        index = len(limits) - 1
    old = limits[index]
    limits[index] = LengthLimit(
        "body",
        _check_limit(name, "limit", overrides.get("limit", old.limit)),
        _check_unit(name, "unit", overrides.get("unit", old.unit)),
    )
    return tuple(limits)


def parse_profiles(data: Any, source: str) -> dict[str, ChannelProfile]:
    """Channel profiles from the parsed YAML of a channels file; errors name `source`."""
    channels = data.get("channels") if isinstance(data, Mapping) else None
    if not isinstance(channels, Mapping):
        raise ValueError(f"{source}: expected a top-level 'channels' mapping")
    profiles = {}
    for name, entry in channels.items():
        if not isinstance(entry, Mapping):
            raise ValueError(f"{source}: channel {name!r} must be a mapping")
        missing = [k for k in ("limits", "source", "checked") if k not in entry]
        if missing:
            raise ValueError(f"{source}: channel {name!r} lacks {missing[0]!r}")
        settings = {key: value for key, value in entry.items() if key != "aliases"}
        try:
            profile = override_profile(None, str(name), settings)
        except ValueError as err:
            raise ValueError(f"{source}: {err}") from None
        profiles[str(name)] = replace(profile, aliases=_aliases(source, str(name), entry.get("aliases", [])))
    return profiles


def _aliases(source: str, name: str, value: Any) -> tuple[str, ...]:
    """A channel's other names, lower case (only the shipped channels file gives them)."""
    if not isinstance(value, list) or not all(isinstance(alias, str) and alias.strip() for alias in value):
        raise ValueError(f"{source}: channel {name!r}: 'aliases' must be a list of names")
    return tuple(" ".join(alias.lower().split()) for alias in value)
