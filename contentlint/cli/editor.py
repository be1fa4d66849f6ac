"""`contentlint lsp`: the language server for editors. pygls loads only when this command runs."""

from __future__ import annotations

import click


@click.command("lsp")
@click.option("--stdio", is_flag=True, help="Talk over stdin and stdout (the default and only transport).")
def lsp(stdio: bool) -> None:
    """Run the language server over stdio: findings while you type, in any editor (docs/editors.md)."""
    from contentlint.lsp.server import serve

    serve()
