"""The closed set of check kinds a rule YAML can name. Adding a kind means adding it here."""
from __future__ import annotations

from .front_matter import FrontMatterValid, KnownChannel, ValidDate
from .generic import Conditional, Existence, Metric, Occurrence, Substitution
from .length import ChannelLength, HookBeforeFold

# imports: brand
# imports: hashtags
# imports: clarity
# imports: accessibility
# imports: repetition

# Kinds a team may use in its own rule packs without writing Python.
GENERIC_KINDS = {
    "existence": Existence,
    "substitution": Substitution,
    "occurrence": Occurrence,
    "conditional": Conditional,
    "metric": Metric,
}

KINDS: dict[str, type] = {
    **GENERIC_KINDS,
    "front-matter": FrontMatterValid,
    "known-channel": KnownChannel,
    "valid-date": ValidDate,
    "channel-length": ChannelLength,
    "hook-before-fold": HookBeforeFold,
    # kinds: brand
    # kinds: hashtags
    # kinds: clarity
    # kinds: accessibility
    # kinds: repetition
}
