"""HTTP on the standard library: routes, request limits, answers, and the page's own files.

Every request passes the guard (Host, Origin, the key) before anything else; a POST must be
JSON with a Content-Length no bigger than MAX_BODY. Whatever goes wrong in one request is an
answer with a message (4xx for the request, 500 for a bug), never a dead server.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlsplit

from contentlint.inputs.source import MAX_FILE_BYTES
from contentlint.serve.api import Answer, Api, ApiError
from contentlint.serve.guard import Guard

log = logging.getLogger(__name__)

# A 1 MiB post as JSON: every character escaped as \uXXXX is at most 6 bytes for 3 of UTF-8.
MAX_BODY = 2 * MAX_FILE_BYTES + 64 * 1024
ASSETS = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
    "/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/render.js": ("render.js", "text/javascript; charset=utf-8"),
    "/app.css": ("app.css", "text/css; charset=utf-8"),
    "/favicon.svg": ("favicon.svg", "image/svg+xml"),
}
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def read_assets() -> dict[str, bytes]:
    """The page's files, read once from the package (they ship inside the wheel)."""
    folder = resources.files("contentlint.serve") / "assets"
    return {name: (folder / name).read_bytes() for name, _ in set(ASSETS.values())}


class Server(ThreadingHTTPServer):
    """A threaded server holding the API, the guard and the page's files."""

    daemon_threads = True
    api: Api
    guard: Guard
    assets: dict[str, bytes]


class Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.1"
    timeout = 60  # an idle or stalled connection is closed, its thread freed
    # Headers and body are two writes: with Nagle's algorithm the body waits for the client's
    # delayed ACK of the headers (40 ms on Linux, measured: every check took 72 ms instead of 32).
    disable_nagle_algorithm = True
    server_version = "contentlint-serve"
    sys_version = ""

    # ------------------------------------------------------------ methods

    def do_GET(self) -> None:
        self._handle("GET")

    def do_HEAD(self) -> None:
        self._handle("HEAD")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def do_OPTIONS(self) -> None:
        self._handle("OPTIONS")  # no CORS: a cross-origin preflight gets 405 (or 403 by Origin first)

    def do_PATCH(self) -> None:
        self._handle("PATCH")

    # ------------------------------------------------------------ routing

    def _handle(self, method: str) -> None:
        url = urlsplit(self.path)
        try:
            refusal = self.server.guard.refusal(url.path, self.headers)
            if refusal is not None:
                self._discard_body()
                raise ApiError(*refusal)
            if url.path in ASSETS and method in ("GET", "HEAD"):
                self._asset(*ASSETS[url.path], head=method == "HEAD")
                return
            status, body = self._route(method, url.path, parse_qs(url.query))
        except ApiError as exc:
            status, body = exc.status, {"error": exc.message}
        except Exception as exc:  # a bug costs one request, never the server
            log.exception("%s %s failed", method, url.path)
            status, body = 500, {"error": f"internal error: {exc!r}"}
        self._json(status, body)

    def _route(self, method: str, path: str, query: Mapping[str, list[str]]) -> Answer:
        api = self.server.api
        gets: dict[str, Callable[[], Answer]] = {
            "/api/info": api.info,
            "/api/posts": lambda: api.posts(query.get("q", [""])[0]),
            "/api/post": lambda: api.post(query.get("path", [None])[0]),
        }
        posts: dict[str, Callable[[Mapping[str, Any]], Answer]] = {
            "/api/check": api.check,
            "/api/fix": api.fix,
            "/api/front-matter": api.front_matter,
            "/api/save": api.save,
        }
        if path in gets or path in posts or path in ASSETS:
            allowed = "GET" if path in gets else "POST" if path in posts else "GET, HEAD"
            if method not in allowed.split(", "):
                self._discard_body()
                raise ApiError(405, f"{path} answers {allowed} only")
            return gets[path]() if method == "GET" else posts[path](self._body())
        self._discard_body()
        raise ApiError(404, f"nothing here: {path}")

    # ------------------------------------------------------------ requests

    def _length(self) -> int | None:
        raw = self.headers.get("Content-Length")
        if raw is None or not raw.strip().isdigit():
            return None
        return int(raw)

    def _discard_body(self) -> None:
        """A refused request's body is not read: the connection closes after the answer."""
        if self.headers.get("Content-Length") not in (None, "0") or self.headers.get("Transfer-Encoding"):
            self.close_connection = True

    def _body(self) -> Mapping[str, Any]:
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            raise ApiError(411, "send the body with a Content-Length (chunked transfer is not accepted)")
        length = self._length()
        if length is None:
            self.close_connection = True
            raise ApiError(411, "a POST needs a Content-Length")
        if length > MAX_BODY:
            self.close_connection = True
            raise ApiError(413, f"the request is {length:,} bytes; the limit is {MAX_BODY:,} (a post is at most 1 MiB)")
        data = self.rfile.read(length)
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != "application/json":
            raise ApiError(415, "send JSON (Content-Type: application/json)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ApiError(400, f"the request is not valid UTF-8 (byte {exc.start}); save the text as UTF-8") from None
        try:
            request = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ApiError(400, f"the request is not valid JSON: {exc.msg} at character {exc.pos}") from None
        if not isinstance(request, dict):
            raise ApiError(400, "the request must be a JSON object")
        return request

    # ------------------------------------------------------------ answers

    def _json(self, status: int, body: Mapping[str, Any]) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self._send(status, "application/json; charset=utf-8", data, cache=False)

    def _asset(self, name: str, content_type: str, head: bool) -> None:
        self._send(200, content_type, self.server.assets[name], cache=True, head=head)

    def _send(self, status: int, content_type: str, data: bytes, cache: bool, head: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-cache" if cache else "no-store")
        for name, value in HEADERS.items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not head:
            self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not logged (the page checks on every pause in typing); errors are."""

    def log_error(self, format: str, *args: Any) -> None:
        sys.stderr.write(f"contentlint serve: {format % args}\n")
