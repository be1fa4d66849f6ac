"""The wheel carries the built-in rules and data: `pip install .` then `contentlint check` from
any folder must find them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

hatchling = pytest.importorskip("hatchling.builders.wheel")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    builder = hatchling.WheelBuilder(str(REPO))
    return Path(next(iter(builder.build(directory=str(out), versions=["standard"]))))


def test_wheel_contains_rules_and_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    rule_files = sorted(p.relative_to(REPO / "rules").as_posix() for p in (REPO / "rules").rglob("*") if p.is_file())
    assert rule_files, "the repo has rules"
    missing = [name for name in rule_files if f"contentlint/rules/{name}" not in names]
    assert not missing
    for data in (
        "contentlint/data/tlds.txt",
        "contentlint/data/en_lemma_lookup.json.gz",
        "contentlint/formatters/html/report.css",
        "contentlint/formatters/html/report.js",
        "contentlint/py.typed",  # type checkers read the package's own hints
    ):
        assert data in names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    for asset in ("index.html", "app.js", "render.js", "app.css", "favicon.svg"):  # `contentlint serve`'s page
        assert f"contentlint/serve/assets/{asset}" in names


def test_installed_wheel_runs_from_an_unrelated_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "post.md").write_text("---\nchannel: x\n---\n" + "a" * 300 + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site)}
    probe = subprocess.run(
        [sys.executable, "-c", "import contentlint; print(contentlint.__file__)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.startswith(str(site))
    result = subprocess.run(
        [sys.executable, "-m", "contentlint", "check", "post.md", "--select", "BV001"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    assert "300/280 weighted characters on x" in result.stdout
    page = subprocess.run(
        [sys.executable, "-m", "contentlint", "check", "post.md", "--select", "BV001", "--format", "html"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert page.returncode == 1, page.stderr
    css = (REPO / "contentlint" / "formatters" / "html" / "report.css").read_text(encoding="utf-8")
    assert f"<style>{css}</style>" in page.stdout  # the stylesheet read from the installed package


def test_installed_wheel_serves_editors(wheel: Path, tmp_path: Path) -> None:
    """`pip install contentlint` is all an editor needs: the wheel requires pygls, and its
    `contentlint lsp` finds the packaged rules from any folder."""
    from lsp_client import LspClient

    metadata = next(name for name in zipfile.ZipFile(wheel).namelist() if name.endswith(".dist-info/METADATA"))
    requires = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "Requires-Dist: pygls" in requires and "Requires-Dist: lsprotocol" in requires
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    work = tmp_path / "elsewhere"
    work.mkdir()
    client = LspClient(work, env={"PYTHONPATH": str(site)})
    try:
        client.initialize(work, {"debounceMs": 0})
        uri = client.open(work / "post.md", "---\nchannel: x\n---\n" + "a" * 300 + "\n")
        assert "300/280 weighted characters on x: 20 over the limit" in [
            d["message"] for d in client.diagnostics(uri, 1)
        ]
        assert client.shutdown() == 0
    finally:
        client.close()


def test_installed_wheel_serves_the_page(wheel: Path, tmp_path: Path) -> None:
    """`contentlint serve` from the installed wheel reads its page from the package."""
    import http.client
    import signal
    from urllib.parse import urlsplit

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    work = tmp_path / "elsewhere"
    work.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "contentlint", "serve", "--no-browser", "--port", "0"],
        cwd=work,
        env={**os.environ, "PYTHONPATH": str(site)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = urlsplit(process.stdout.readline().split(": ", 1)[1].strip())
        for path in ("/", "/app.js", "/render.js", "/app.css"):
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
            connection.request("GET", path)
            response = connection.getresponse()
            assert response.status == 200 and len(response.read()) > 1000, path
            connection.close()
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)
