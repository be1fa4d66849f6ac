"""The `contentlint` command group. Imports stay light here: a pre-commit hook pays for every one;
each command imports what it needs when it runs."""

from __future__ import annotations

import click

from contentlint._version import __version__
from contentlint.cli.check import check
from contentlint.cli.editor import lsp
from contentlint.cli.info import config_command, explain, rules_command
from contentlint.cli.tools import count, init, similar
from contentlint.cli.web import serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="contentlint")
def main() -> None:
    """Check social-media and marketing drafts before they are published."""


for command in (check, rules_command, explain, config_command, init, count, similar, lsp, serve):
    main.add_command(command)
