"""Shared helpers: run one rule on a text, find the shared corpora beside the repo."""

from __future__ import annotations

import socket
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
TWITTER_TEXT = SHARED / "corpora" / "twitter-text"


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may reach the network: contentlint must work offline."""

    def guard(*args: Any, **kwargs: Any) -> None:
        raise OSError("network access is blocked in contentlint's tests")

    original_connect = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> Any:
        if self.family == socket.AF_UNIX or (
            isinstance(address, tuple) and str(address[0]) in ("127.0.0.1", "::1", "localhost")
        ):
            return original_connect(self, address)
        raise OSError("network access is blocked in contentlint's tests")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, *a, **k: (
            guard() if host not in ("localhost", "127.0.0.1", "::1") else socket._original_getaddrinfo(host, *a, **k)
        ),
    )  # type: ignore[attr-defined]


socket._original_getaddrinfo = socket.getaddrinfo  # type: ignore[attr-defined]


def lint_one(code: str, text: str, config: Mapping[str, Any] | None = None, path: str = "post.md") -> list:
    """Violations of one rule only, for a post given as text."""
    from contentlint.config.load import load_config
    from contentlint.run import RunOptions
    from contentlint.workspace import Workspace

    linter = Workspace(load_config(dict(config or {})), options=RunOptions(select=(code,)))
    return [v for v in linter.check_text(text, path=path) if v.code == code]
