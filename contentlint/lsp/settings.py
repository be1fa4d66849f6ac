"""What the editor may set at start-up (`initializationOptions`), checked: a bad value is
reported and its default kept, never a server that fails to start."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lsprotocol import types

from contentlint.lsp.diagnostics import SUGGESTION_SEVERITIES

DEFAULT_DEBOUNCE_MS = 200


@dataclass(frozen=True)
class Settings:
    """`initializationOptions`: {"debounceMs": 200, "suggestionSeverity": "information"|"hint",
    "config": "path/to/.contentlint.yaml"}. A bad value is logged and the default kept."""

    debounce: float = DEFAULT_DEBOUNCE_MS / 1000
    suggestion: types.DiagnosticSeverity = types.DiagnosticSeverity.Information
    config: str | None = None
    problems: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def of(cls, options: Any) -> Settings:
        if options is None:
            return cls()
        if not isinstance(options, dict):
            return cls(problems=("initializationOptions must be an object",))
        problems = []
        debounce = options.get("debounceMs", DEFAULT_DEBOUNCE_MS)
        if isinstance(debounce, bool) or not isinstance(debounce, (int, float)) or not 0 <= debounce <= 10_000:
            problems.append(f"debounceMs must be a number of milliseconds from 0 to 10000, not {debounce!r}")
            debounce = DEFAULT_DEBOUNCE_MS
        suggestion = options.get("suggestionSeverity", "information")
        if not isinstance(suggestion, str) or suggestion not in SUGGESTION_SEVERITIES:
            problems.append(f"suggestionSeverity must be 'information' or 'hint', not {suggestion!r}")
            suggestion = "information"
        config = options.get("config")
        if config is not None and not isinstance(config, str):
            problems.append(f"config must be a path, not {config!r}")
            config = None
        return cls(debounce / 1000, SUGGESTION_SEVERITIES[suggestion], config, tuple(problems))
