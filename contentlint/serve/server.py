"""`contentlint serve`: bind, say where, open the browser, warm the workspace, serve until Ctrl+C.

The page is served as soon as the socket is bound; the corpus index is built (through the
caches) on a background thread meanwhile, so the page loads at once and the first check waits
only for what is left of the index.
"""

from __future__ import annotations

import errno
import logging
import secrets
import socket
import threading
import webbrowser
from collections.abc import Callable

from contentlint.serve.api import Api
from contentlint.serve.guard import Guard, host_warning, is_wildcard
from contentlint.serve.handler import Handler, Server, read_assets
from contentlint.workspace import Workspace

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
log = logging.getLogger(__name__)


class ServeError(Exception):
    """The server cannot start (address in use, a wildcard address); the message says why."""


class _Bound(Server):
    def __init__(self, address: tuple[str, int], family: socket.AddressFamily) -> None:
        self.address_family = family
        super().__init__(address, Handler)


def make_server(
    workspace: Workspace,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    key: str | None = None,
    any_port_if_busy: bool = False,
) -> Server:
    """A bound server for `workspace` (not serving yet). `port` 0 takes a free port; with
    `any_port_if_busy` a taken default port does too."""
    if is_wildcard(host):
        raise ServeError(
            f"--host {host} would listen on every network with no one address to check requests "
            "against; name one address (127.0.0.1, or this machine's address on a network you trust)"
        )
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        server: Server = _Bound((host.strip("[]"), port), family)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE and any_port_if_busy and port:
            server = _Bound((host.strip("[]"), 0), family)
        elif exc.errno == errno.EADDRINUSE:
            raise ServeError(f"port {port} is in use; pick another with --port (0 takes any free port)") from None
        else:
            raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    server.guard = Guard(host, server.server_address[1], key or secrets.token_urlsafe(24))
    server.api = Api(workspace)
    server.assets = read_assets()
    return server


def warm_up(api: Api) -> None:
    try:
        api.warm_up()
    except Exception:  # the first check reports the same failure to the page
        log.exception("warming up (the corpus index, a sample check) failed")


def serve(server: Server, *, open_browser: bool, echo: Callable[[str], None]) -> None:
    """Print the address, warm the workspace in the background, serve until interrupted."""
    workspace = server.api.workspace
    warning = host_warning(server.guard.host)
    if warning:
        echo(warning)
    content = ", ".join(workspace.config.content) or "every post file"
    echo(f"contentlint serve: {server.guard.url}")
    echo(f"  repo {workspace.root} (config {workspace.config.display_path}; posts: {content})")
    echo("  Open that address (it carries the key the page needs). Ctrl+C stops the server.")
    threading.Thread(target=warm_up, args=(server.api,), name="warm-up", daemon=True).start()
    if open_browser:
        threading.Thread(target=webbrowser.open, args=(server.guard.url,), name="browser", daemon=True).start()
    try:
        server.serve_forever(poll_interval=0.5)
    except KeyboardInterrupt:
        echo("contentlint serve: stopped")
    finally:
        server.server_close()
