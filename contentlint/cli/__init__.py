"""The command line: one module per group of commands, `main` the entry point."""

from contentlint.cli.main import main

__all__ = ["main"]
