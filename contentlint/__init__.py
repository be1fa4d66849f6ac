"""contentlint: check social-media and marketing drafts before they are published.

The Python API (DESIGN A6). `Workspace` is the engine a long-lived process holds; the functions
below build one for a single call. Everything heavy is imported inside the functions that need
it, so `import contentlint` stays cheap for a pre-commit hook.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from contentlint._version import __version__
from contentlint.model.report import Report
from contentlint.model.violation import FileError, Fix, Related, Violation

if TYPE_CHECKING:
    from os import PathLike

    from contentlint.config.errors import ConfigError
    from contentlint.engine.rule_set import UsageError
    from contentlint.text.counting import Measure
    from contentlint.workspace import Workspace

__all__ = [
    "ConfigError",
    "FileError",
    "Fix",
    "Related",
    "Report",
    "UsageError",
    "Violation",
    "Workspace",
    "__version__",
    "hashtags",
    "lint_paths",
    "lint_text",
    "measure",
    "readability",
]


def __getattr__(name: str) -> Any:
    """`Workspace` and the error classes, imported on first use (they pull in the engine)."""
    if name == "Workspace":
        from contentlint.workspace import Workspace

        return Workspace
    if name == "ConfigError":
        from contentlint.config.errors import ConfigError

        return ConfigError
    if name == "UsageError":
        from contentlint.engine.rule_set import UsageError

        return UsageError
    raise AttributeError(f"module 'contentlint' has no attribute {name!r}")


def _workspace(config: str | PathLike[str] | Mapping[str, Any] | None, **options: Any) -> Workspace:
    from contentlint.run import RunOptions
    from contentlint.workspace import Workspace

    return Workspace(config, options=RunOptions(**options))


def lint_text(
    text: str,
    *,
    channel: str | None = None,
    audience: str | None = None,
    config: str | PathLike[str] | Mapping[str, Any] | None = None,
) -> list[Violation]:
    """Lint one post (front matter allowed). `config`: a path, a dict in the A2 shape, or None."""
    return _workspace(config, channel=channel, audience=audience).check_text(text)


def lint_paths(
    paths: Sequence[str | PathLike[str]], *, config: str | PathLike[str] | Mapping[str, Any] | None = None
) -> Report:
    """Lint files and folders, corpus rules included; returns violations, errors and a summary."""
    return _workspace(config).check_paths([str(path) for path in paths])


def measure(text: str, channel: str) -> Measure:
    """The length BV001 uses for a post body on a channel: `count`, `limit`, `unit`."""
    from contentlint.config.profiles import load_channel_profiles
    from contentlint.text.counting import measure as measure_text

    profiles = load_channel_profiles()
    if channel.lower() not in profiles:
        raise ValueError(f"unknown channel {channel!r}; known: {', '.join(sorted(profiles))}")
    results = measure_text(text, profiles[channel.lower()], "body")
    over = [m for m in results if m.over]
    return (over or results)[0]


def hashtags(text: str, channel: str = "x") -> list[tuple[str, int, int]]:
    """Hashtags as the platform tags them: (tag without '#', code-point start at '#', end)."""
    from contentlint.config.profiles import load_channel_profiles
    from contentlint.text.extract import extract_hashtags

    profiles = load_channel_profiles()
    syntax = profiles[channel.lower()].hashtag_syntax if channel.lower() in profiles else channel.lower()
    return [(e.value, e.start, e.end) for e in extract_hashtags(text, syntax)]


def readability(text: str, lang: str = "en") -> dict[str, float]:
    """The measures CL001 uses for that language (a grade only where a validated formula exists)."""
    from contentlint.text.reading_level import measures

    return measures(text, lang)
