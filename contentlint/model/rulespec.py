"""A rule as written in YAML: identity, severity, message, options and its own examples."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RuleSpec:
    code: str  # "BV001"; two capitals and three digits, never reused
    name: str  # "over-channel-limit"
    kind: str  # the Python check kind it instantiates
    category: str  # folder under rules/: brand, hashtags, clarity, ...
    severity: str  # default severity: error | warning | suggestion
    message: str  # str.format template over the finding's args
    description: str  # what it reports and why it matters
    options: Mapping[str, Any] = field(default_factory=dict)
    examples_fail: tuple[str, ...] = ()
    examples_pass: tuple[str, ...] = ()
    fixable: bool = False
    enabled: bool = True  # off-by-default rules set `enabled: false` in their YAML
    source: str = ""  # the YAML file it came from
    example_config: Mapping[str, Any] = field(default_factory=dict)  # config the examples run under
    messages: Mapping[str, str] = field(default_factory=dict)  # further templates a finding names by key
