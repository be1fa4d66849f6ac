"""A small JSON-RPC client that drives `contentlint lsp` over stdio as an editor would: for the
end-to-end tests and bench/bench_lsp.py."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Message = dict[str, Any]

# What a plain editor offers: UTF-16 positions (the protocol's default), push diagnostics.
CAPABILITIES: dict[str, Any] = {
    "general": {"positionEncodings": ["utf-16"]},
    "textDocument": {
        "synchronization": {"didSave": True},
        "hover": {"contentFormat": ["markdown", "plaintext"]},
        "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source"]}}},
        "publishDiagnostics": {"relatedInformation": True, "versionSupport": True},
    },
    "workspace": {
        "workspaceEdit": {"documentChanges": True},
        "didChangeWatchedFiles": {"dynamicRegistration": True},
    },
}


class LspClient:
    """One server process. Messages from the server are collected by a reader thread; requests
    the server makes (registerCapability, diagnostic refresh) are answered with null."""

    def __init__(self, cwd: Path, command: list[str] | None = None, env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            command or [sys.executable, "-m", "contentlint", "lsp"],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, **(env or {})},
        )
        self.cwd = cwd
        self._next_id = 0
        self._lock = threading.Lock()
        self._responses: dict[int, Message] = {}
        self._notifications: list[tuple[float, Message]] = []
        self._condition = threading.Condition()
        self.server_requests: list[Message] = []
        self._stderr: queue.Queue[bytes] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    # ------------------------------------------------------------ wire

    def send_raw(self, body: bytes) -> None:
        assert self.process.stdin is not None
        with self._lock:
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()

    def _send(self, message: Message) -> None:
        self.send_raw(json.dumps(message, ensure_ascii=False).encode("utf-8"))

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    with self._condition:
                        self._condition.notify_all()
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value.strip())
            if length is None:
                continue
            message = json.loads(stream.read(length))
            received = time.perf_counter()
            if "id" in message and "method" in message:  # a request from the server
                self.server_requests.append(message)
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
                continue
            with self._condition:
                if "id" in message:
                    self._responses[message["id"]] = message
                else:
                    self._notifications.append((received, message))
                self._condition.notify_all()

    def _drain_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self._stderr.put(line)

    def stderr(self) -> str:
        lines = []
        while not self._stderr.empty():
            lines.append(self._stderr.get())
        return b"".join(lines).decode("utf-8", "replace")

    # ------------------------------------------------------------ requests and notifications

    def request(self, method: str, params: Any, timeout: float = 30.0) -> Any:
        with self._lock:
            self._next_id += 1
            ident = self._next_id
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        with self._condition:
            while ident not in self._responses:
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    raise TimeoutError(f"no answer to {method} in {timeout} s; stderr: {self.stderr()}")
                self._condition.wait(min(left, 0.2))
            response = self._responses.pop(ident)
        if "error" in response:
            raise RuntimeError(f"{method} failed: {response['error']}")
        return response.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(
        self, match: Callable[[Message], bool], timeout: float = 30.0, after: int = 0
    ) -> tuple[int, float, Message]:
        """The first notification (from index `after` on) that matches: its index, arrival time, message."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while True:
                for index in range(after, len(self._notifications)):
                    received, message = self._notifications[index]
                    if match(message):
                        return index, received, message
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    seen = [m.get("method") for _, m in self._notifications]
                    raise TimeoutError(f"no matching notification in {timeout} s (saw {seen}); stderr: {self.stderr()}")
                self._condition.wait(min(left, 0.2))

    def settle(self, uri: str) -> int:
        """Wait until the server has handled every notification sent so far and finished every
        check they started (a hover on the open document `uri` is answered by the same worker,
        after them), then `mark()`."""
        self.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
        return self.mark()

    def notifications(self, method: str) -> list[Message]:
        with self._condition:
            return [m for _, m in self._notifications if m.get("method") == method]

    def mark(self) -> int:
        with self._condition:
            return len(self._notifications)

    # ------------------------------------------------------------ the usual conversation

    def initialize(
        self, root: Path, options: dict[str, Any] | None = None, capabilities: dict[str, Any] | None = None
    ) -> Any:
        result = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": CAPABILITIES if capabilities is None else capabilities,
                "initializationOptions": options or {},
            },
        )
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str, version: int = 1, language: str = "markdown") -> str:
        uri = path.as_uri()
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}},
        )
        return uri

    def change(self, uri: str, version: int, changes: list[dict[str, Any]]) -> None:
        self.notify(
            "textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}
        )

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = 30.0, after: int = 0) -> list[Message]:
        """The next diagnostics pushed for `uri` (for `version`, when given)."""

        def match(message: Message) -> bool:
            params = message.get("params", {})
            return (
                message.get("method") == "textDocument/publishDiagnostics"
                and params.get("uri") == uri
                and (version is None or params.get("version") == version)
            )

        return self.wait_for(match, timeout, after)[2]["params"]["diagnostics"]

    def shutdown(self, timeout: float = 30.0) -> int:
        """`shutdown` then `exit`: the server's exit code."""
        self.request("shutdown", None, timeout)
        self.notify("exit", None)
        try:
            return self.process.wait(timeout)
        finally:
            self.close()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
