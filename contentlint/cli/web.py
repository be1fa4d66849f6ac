"""`contentlint serve`: the local web page. The server and its page load only when this command runs."""

from __future__ import annotations

import os
from pathlib import Path

import click

from contentlint.cli.common import fatal, open_workspace


@click.command("serve")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=None, help="Port (default 8765, or a free one if taken; 0: any)."
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; keep it loopback.")
@click.option("--no-browser", is_flag=True, help="Print the address; do not open a browser.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="The config (default: found from here).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
def serve(port: int | None, host: str, no_browser: bool, config_path: str | None, no_cache: bool) -> None:
    """A page in your browser to write a post and see its counts, findings, fixes and repeats
    live, then save it into the repo (README: Write in the browser)."""
    from contentlint.serve.server import DEFAULT_PORT, ServeError, make_server, serve

    workspace = open_workspace(config_path, use_cache=not no_cache)
    root = Path(os.path.abspath(workspace.config.root))
    if root != Path(os.path.abspath(workspace.root)):  # run in a subfolder: the page names paths from the repo root
        workspace = open_workspace(config_path, root=root, use_cache=not no_cache)
    try:
        server = make_server(workspace, host, DEFAULT_PORT if port is None else port, any_port_if_busy=port is None)
    except ServeError as exc:
        fatal(str(exc))
    serve(server, open_browser=not no_browser, echo=lambda line: click.echo(line, err=line.startswith("warning")))
