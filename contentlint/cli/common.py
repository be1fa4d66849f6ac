"""What every command shares: exit codes, fatal errors, and the workspace a command works in."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

EXIT_OK, EXIT_FAIL, EXIT_ERROR = 0, 1, 2


def split_list(values: Sequence[str]) -> tuple[str, ...]:
    """`--select A,B --select C` -> ("A", "B", "C")."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def fatal(message: str) -> NoReturn:
    click.echo(f"contentlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def open_workspace(config_path: str | None, root: Path | None = None, **options: Any) -> Any:
    """The workspace for a command (rooted at `root`, default the current folder); a config or
    usage error ends the command with exit code 2."""
    from contentlint.config.errors import ConfigError
    from contentlint.engine.rule_set import UsageError
    from contentlint.run import RunOptions
    from contentlint.workspace import Workspace

    try:
        return Workspace(config_path, root=root, options=RunOptions(**options))
    except (ConfigError, UsageError) as exc:
        fatal(str(exc))
