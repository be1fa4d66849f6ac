"""Issue 20 "Speed": `contentlint serve` in a 10,000-post repo, driven over HTTP.

    python bench/bench_serve.py [--posts 10000] [--checks 200] [--runs 5] [--out bench/RESULTS-serve.md]

All in the generated corpus (bench/generate_corpus.py, cached under bench/corpora/ as bench/run.py
caches it), with a warm cache (one `contentlint check` over the repo fills it first). The server
is started the way a writer starts it (`contentlint serve --no-browser`, a separate process):

- check: one warm server, one post of the repo sent to `POST /api/check` with its path, one
  character longer each time (a writer typing), over one keep-alive connection; each request
  timed from sending to the whole answer read. The check compares the text with the whole 10k
  corpus index (RP001/RP002), and the answer holds violations, counts, explanations and repeats.
- first page load: a fresh server per run, timed from spawning it to (a) the address printed,
  (b) the page's six requests answered (`/`, `/app.js`, `/render.js`, `/app.css`,
  `/favicon.svg`, `/api/info`: what the browser fetches before the page can be used), and (c) the first
  `/api/check` answered (the corpus index built behind it); and, where Chromium and selenium are
  installed, (d) the page loaded in headless Chromium (browser started beforehand) until its
  channel controls are drawn from `/api/info`.
- baseline, interleaved run by run so both see the same load: the CLI on one changed post
  (`contentlint check -q POST` after the post was edited on disk: the pre-commit pattern).

The machine is shared: medians and percentiles of many samples, ratios measured in the same run.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from run import corpus_for, post_files  # noqa: E402

SERVER = [sys.executable, "-m", "contentlint", "serve", "--no-browser", "--port", "0"]
PAGE = ("/", "/app.js", "/render.js", "/app.css", "/favicon.svg")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def rss(pid: int) -> dict[str, float]:
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            found[name] = int(value.split()[0]) / 1024
    return found


class Server:
    """A `contentlint serve` process and a keep-alive connection to it."""

    def __init__(self, corpus: Path) -> None:
        self.spawned = time.perf_counter()
        self.process = subprocess.Popen(SERVER, cwd=corpus, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line.startswith("contentlint serve: http"):
            raise RuntimeError(line + self.process.stderr.read())
        self.bound = time.perf_counter()
        url = line.split(": ", 1)[1].strip()
        self.url = urlsplit(url)
        self.key = url.split("#key=", 1)[1]
        self.connection = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=300)

    def request(self, method: str, path: str, payload: object = None) -> dict:
        headers = {"Authorization": f"Bearer {self.key}"}
        body = None
        if payload is not None:
            body = json.dumps(payload).encode("utf-8")
            headers["Content-Type"] = "application/json"
        self.connection.request(method, path, body, headers)
        response = self.connection.getresponse()
        data = response.read()
        if response.status != 200:
            raise RuntimeError(f"{method} {path}: {response.status} {data[:300]!r}")
        return json.loads(data) if response.headers["Content-Type"].startswith("application/json") else {}

    def stop(self) -> None:
        self.connection.close()
        self.process.send_signal(signal.SIGINT)
        self.process.communicate(timeout=60)


def checks(corpus: Path, post: Path, count: int) -> tuple[list[float], dict[str, float], int]:
    """Latencies (seconds) of `POST /api/check` on a warm server; its memory; findings seen."""
    server = Server(corpus)
    try:
        display = post.relative_to(corpus).as_posix()
        text = post.read_text(encoding="utf-8").rstrip("\n")
        server.request("POST", "/api/check", {"text": text, "path": display})  # waits for the warm-up
        typed = " Fresh ink for the new term"
        latencies, findings = [], 0
        for index in range(count):
            text += typed[index % len(typed)]
            started = time.perf_counter()
            answer = server.request("POST", "/api/check", {"text": text, "path": display})
            latencies.append(time.perf_counter() - started)
            findings = len(answer["violations"])
        return latencies, rss(server.process.pid), findings
    finally:
        server.stop()


def first_load(corpus: Path, post: Path) -> dict[str, float]:
    """A fresh server: seconds from spawning it to the address, the page's requests, the first check."""
    server = Server(corpus)
    try:
        for path in PAGE:
            server.request("GET", path)
        server.request("GET", "/api/info")
        page = time.perf_counter()
        display = post.relative_to(corpus).as_posix()
        server.request("POST", "/api/check", {"text": post.read_text(encoding="utf-8"), "path": display})
        checked = time.perf_counter()
        return {
            "bound": server.bound - server.spawned,
            "page": page - server.spawned,
            "check": checked - server.spawned,
        }
    finally:
        server.stop()


def browser():  # type: ignore[no-untyped-def]
    """Headless Chromium through selenium, or None where either is missing."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        return None
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None or not os.access("/usr/bin/chromedriver", os.X_OK):
        return None
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='contentlint-bench-')}")
    return webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)


def first_load_in_chromium(driver, corpus: Path) -> float:  # type: ignore[no-untyped-def]
    """Seconds from spawning a server to its page drawn in an already running Chromium."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get("about:blank")
    server = Server(corpus)
    try:
        driver.get(f"http://{server.url.netloc}/#key={server.key}")
        WebDriverWait(driver, 60, poll_frequency=0.005).until(
            lambda d: d.execute_script("return document.querySelectorAll('#channels input').length > 0")
        )
        return time.perf_counter() - server.spawned
    finally:
        server.stop()


def cli_changed(corpus: Path, post: Path) -> float:
    original = post.read_bytes()
    post.write_bytes(original + f"\nEdited for the bench at {time.time_ns()}.\n".encode())
    try:
        started = time.perf_counter()
        command = [sys.executable, "-m", "contentlint", "check", "-q", str(post.relative_to(corpus))]
        done = subprocess.run(command, cwd=corpus, stdout=subprocess.DEVNULL)
        elapsed = time.perf_counter() - started
    finally:
        post.write_bytes(original)
    assert done.returncode in (0, 1), f"contentlint check exited {done.returncode}"
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--checks", type=int, default=200, help="POST /api/check round trips timed")
    parser.add_argument("--runs", type=int, default=5, help="fresh servers and CLI runs, interleaved")
    parser.add_argument("--out", type=Path, default=BENCH / "RESULTS-serve.md")
    args = parser.parse_args()
    corpus = corpus_for(args.posts, args.seed)
    posts = post_files(corpus)
    post = posts[len(posts) // 2]
    load_start = os.getloadavg()
    subprocess.run([sys.executable, "-m", "contentlint", "check", "-q", "posts"], cwd=corpus, stdout=subprocess.DEVNULL)

    latencies, memory, findings = checks(corpus, post, args.checks)
    print(f"check: median {statistics.median(latencies) * 1000:.1f} ms over {len(latencies)} requests", flush=True)

    driver = browser()
    loads: list[dict[str, float]] = []
    drawn: list[float] = []
    cli: list[float] = []
    try:
        for run in range(args.runs):
            cli.append(cli_changed(corpus, post))
            loads.append(first_load(corpus, post))
            if driver is not None:
                drawn.append(first_load_in_chromium(driver, corpus))
            shown = f", Chromium {drawn[-1]:.3f} s" if drawn else ""
            print(f"run {run + 1}: CLI {cli[-1]:.3f} s, page {loads[-1]['page']:.3f} s{shown}", flush=True)
    finally:
        if driver is not None:
            driver.quit()

    ms = [value * 1000 for value in latencies]

    def median(key: str) -> float:
        return statistics.median(load[key] for load in loads)

    cli_median = statistics.median(cli)
    lines = [
        "# `contentlint serve` benchmark",
        "",
        f"Written by `bench/bench_serve.py` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, load average "
        f"{load_start[0]:.2f} at the start, {os.getloadavg()[0]:.2f} at the end.",
        f"Corpus: {len(posts):,} generated posts (`{corpus.name}`), warm cache; the post: "
        f"`{post.relative_to(corpus)}` ({findings} findings in the last answer).",
        "",
        "| measure | result | target |",
        "|---|---|---|",
        f"| `POST /api/check` for one post, warm server, median of {len(ms)} | {statistics.median(ms):.1f} ms | < 50 ms |",
        f"| `POST /api/check`, p95 / max | {percentile(ms, 0.95):.1f} ms / {max(ms):.1f} ms | |",
        f"| start -> address printed (socket bound), median of {len(loads)} | {median('bound'):.3f} s | |",
        f"| start -> the page's requests answered (`/`, two scripts, style, icon, `/api/info`), median | "
        f"{median('page'):.3f} s | < 1 s |",
    ]
    if drawn:
        lines.append(
            f"| start -> page drawn in headless Chromium (channel controls from `/api/info`), median of {len(drawn)} | "
            f"{statistics.median(drawn):.3f} s | < 1 s |"
        )
    lines += [
        f"| start -> first `/api/check` answered (the 10k index built behind it), median | {median('check'):.3f} s | |",
        f"| CLI, one changed post (`contentlint check POST`), median of {len(cli)} | {cli_median:.3f} s | baseline |",
        f"| start -> first check answered / CLI one changed post | {median('check') / cli_median:.2f}x | |",
        f"| server memory with the {len(posts):,}-post index loaded (VmRSS / peak VmHWM) | "
        f"{memory.get('VmRSS', 0):.0f} MB / {memory.get('VmHWM', 0):.0f} MB | reported |",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
