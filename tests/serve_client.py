"""A `contentlint serve` server in a thread of the test process, and a client on the standard
library's `http.client`: what the API tests, the browser test and the benchmark share."""

from __future__ import annotations

import contextlib
import http.client
import json
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from contentlint.run import RunOptions
from contentlint.serve.handler import Server
from contentlint.serve.server import make_server
from contentlint.workspace import Workspace


@contextlib.contextmanager
def running(root: Path, *, use_cache: bool = False, warm: bool = True) -> Iterator[Server]:
    """A server for the repo at `root` on a free loopback port, serving until the block ends."""
    server = make_server(Workspace(root=root, options=RunOptions(use_cache=use_cache)), "127.0.0.1", 0)
    if warm:
        server.api.warm_up()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


class Client:
    """Requests to one server; JSON in and out, with the key unless told otherwise."""

    def __init__(self, server: Server) -> None:
        self.host, self.port = server.server_address[:2]
        self.key = server.guard.key
        self.origin = f"http://127.0.0.1:{self.port}"

    def raw(
        self, method: str, path: str, body: bytes | None = None, headers: Mapping[str, str] | None = None
    ) -> tuple[int, bytes, http.client.HTTPMessage]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            sent = dict(headers or {})
            skip_host = "Host" in sent or sent.pop("X-No-Host", None) is not None
            connection.putrequest(method, path, skip_host=skip_host, skip_accept_encoding=True)
            for name, value in sent.items():
                connection.putheader(name, value)
            if body is not None and "Content-Length" not in sent:
                connection.putheader("Content-Length", str(len(body)))
            connection.endheaders(body)
            response = connection.getresponse()
            return response.status, response.read(), response.headers
        finally:
            connection.close()

    def call(
        self, method: str, path: str, payload: Any = None, *, key: bool = True, headers: Mapping[str, str] | None = None
    ) -> tuple[int, dict[str, Any]]:
        sent = {"Authorization": f"Bearer {self.key}"} if key else {}
        body = None
        if payload is not None:
            body = json.dumps(payload).encode("utf-8")
            sent["Content-Type"] = "application/json"
        sent.update(headers or {})
        status, data, _ = self.raw(method, path, body, sent)
        return status, json.loads(data.decode("utf-8"))

    def check(self, text: str, path: str | None = None) -> tuple[int, dict[str, Any]]:
        return self.call("POST", "/api/check", {"text": text} if path is None else {"text": text, "path": path})

    def save(self, path: str, text: str, overwrite: bool = False) -> tuple[int, dict[str, Any]]:
        return self.call("POST", "/api/save", {"path": path, "text": text, "overwrite": overwrite})
