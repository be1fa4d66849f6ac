"""`contentlint serve` as a writer starts it: the address it prints, the repo it serves, Ctrl+C,
and the start-up errors (a wildcard address, a taken port, a broken config)."""

from __future__ import annotations

import http.client
import json
import signal
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from test_repetition import CONFIG, LINKEDIN, make_repo, post

from contentlint.run import RunOptions
from contentlint.serve.server import ServeError, make_server
from contentlint.workspace import Workspace


def serve(cwd: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "contentlint", "serve", "--no-browser", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def get(url: str, path: str, key: str | None = None) -> tuple[int, bytes]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", path, headers={"Authorization": f"Bearer {key}"} if key else {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_serve_prints_the_address_serves_the_repo_from_its_root_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    make_repo(tmp_path, {"linkedin/glide.md": post("linkedin", LINKEDIN, "2026-12-01")}, CONFIG)
    process = serve(tmp_path / "posts" / "linkedin", "--port", "0")  # started in a subfolder
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("contentlint serve: http://127.0.0.1:"), first + process.stderr.read()
        url = first.split(": ", 1)[1].strip()
        key = url.split("#key=", 1)[1]
        assert f"repo {tmp_path}" in process.stdout.readline()
        status, page = get(url, "/")
        assert status == 200 and b'<script type="module" src="/app.js"></script>' in page
        status, data = get(url, "/api/posts?q=", key)
        assert status == 200 and json.loads(data)["posts"] == ["posts/linkedin/glide.md"]
        assert get(url, "/api/posts?q=")[0] == 401
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "contentlint serve: stopped" in out
    assert "Traceback" not in err


def test_a_wildcard_address_and_a_broken_config_do_not_start(tmp_path: Path) -> None:
    make_repo(tmp_path, {}, CONFIG)
    done = subprocess.run(
        [sys.executable, "-m", "contentlint", "serve", "--no-browser", "--host", "0.0.0.0"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "--host 0.0.0.0 would listen on every network" in done.stderr
    (tmp_path / ".contentlint.yaml").write_text("content: [posts/**/*.md\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "contentlint", "serve", "--no-browser", "--port", "0"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and ".contentlint.yaml" in done.stderr and "Traceback" not in done.stderr


def test_a_taken_port_is_an_error_unless_it_was_the_default(tmp_path: Path) -> None:
    make_repo(tmp_path, {}, CONFIG)
    workspace = Workspace(root=tmp_path, options=RunOptions(use_cache=False))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ServeError, match=f"port {port} is in use"):
            make_server(workspace, "127.0.0.1", port)
        server = make_server(workspace, "127.0.0.1", port, any_port_if_busy=True)
        try:
            assert server.server_address[1] != port
            assert server.guard.url.startswith(f"http://127.0.0.1:{server.server_address[1]}/#key=")
        finally:
            server.server_close()


def test_each_start_makes_a_new_key(tmp_path: Path) -> None:
    make_repo(tmp_path, {}, CONFIG)
    workspace = Workspace(root=tmp_path, options=RunOptions(use_cache=False))
    keys = set()
    for _ in range(3):
        server = make_server(workspace, "127.0.0.1", 0)
        keys.add(server.guard.key)
        server.server_close()
    assert len(keys) == 3 and all(len(key) >= 32 for key in keys)


def test_a_non_loopback_address_is_announced_with_a_warning(tmp_path: Path) -> None:
    """What `serve` prints before serving; the bound address is swapped for a network one here
    (a test cannot rely on the machine having one)."""
    import dataclasses
    import threading

    from contentlint.serve.server import serve as run

    make_repo(tmp_path, {}, CONFIG)
    workspace = Workspace(root=tmp_path, options=RunOptions(use_cache=False))
    for host, warned in (("127.0.0.1", False), ("192.168.1.20", True)):
        server = make_server(workspace, "127.0.0.1", 0)
        server.guard = dataclasses.replace(server.guard, host=host)
        lines: list[str] = []
        thread = threading.Thread(target=run, args=(server,), kwargs={"open_browser": False, "echo": lines.append})
        thread.start()
        try:
            for _ in range(200):
                if len(lines) >= 3:
                    break
                threading.Event().wait(0.01)
        finally:
            server.shutdown()
            thread.join(10)
        assert lines[0].startswith("warning: serving on 192.168.1.20") == warned, lines
        assert any(line.startswith(f"contentlint serve: http://{host}:") for line in lines)
