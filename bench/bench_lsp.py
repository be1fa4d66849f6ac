"""Issue 19 "Speed": `contentlint lsp` driven over stdio by a scripted client in a 10,000-post repo.

    python bench/bench_lsp.py [--posts 10000] [--changes 200] [--runs 5] [--out bench/RESULTS-lsp.md]

Scenarios, all in the generated corpus (bench/generate_corpus.py, cached under bench/corpora/ as
bench/run.py caches it), with a warm cache (one `contentlint check` fills it first):

- typing: one server, one post open, `didChange` after `didChange` (one character typed at the end
  of the body, debounce set to 0 by `initializationOptions`), each timed from the moment the
  change is written to the pipe until its `publishDiagnostics` (for that version) is read. The
  check compares the unsaved text with the whole 10k corpus index (RP001/RP002).
- first diagnostics: a fresh server process per run, from spawning it to the first diagnostics of
  the opened post (start-up, config, the corpus index through the caches, the check), and from
  `didOpen` alone; interleaved run by run with the CLI's one-changed-post run (`contentlint check
  -q POST` after the post was edited on disk: the pre-commit pattern), so both see the same load.
- memory: the server's resident set (VmRSS, VmHWM) with the 10k index loaded, after the typing runs.

The machine is shared: medians and percentiles of many samples, ratios measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(BENCH))

from lsp_client import LspClient  # noqa: E402
from run import corpus_for, post_files  # noqa: E402

SERVER = [sys.executable, "-m", "contentlint", "lsp"]


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def end_of_body(text: str) -> dict[str, int]:
    """The LSP position just after the last character of the post (before a final newline)."""
    lines = text.split("\n")
    index = len(lines) - 1
    while index > 0 and not lines[index].strip():
        index -= 1
    return {"line": index, "character": utf16(lines[index].rstrip("\r"))}


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


def typing(corpus: Path, post: Path, other: Path, changes: int) -> tuple[list[float], dict[str, float], float]:
    """Latencies (seconds) from didChange to its diagnostics; memory; didOpen -> diagnostics in
    a server that is warm (it has checked `other`, so its corpus index is built)."""
    client = LspClient(corpus, command=SERVER)
    try:
        client.initialize(corpus, {"debounceMs": 0})
        client.diagnostics(client.open(other, other.read_text(encoding="utf-8")), 1, timeout=120)
        text = post.read_text(encoding="utf-8")
        started = time.perf_counter()
        uri = client.open(post, text)
        client.diagnostics(uri, 1, timeout=120)
        first = time.perf_counter() - started
        typed = "Fresh ink for the new term "
        position = end_of_body(text)
        latencies = []
        for index in range(changes):
            char = typed[index % len(typed)]
            version = index + 2
            change = {"range": {"start": position, "end": position}, "text": char}
            mark = client.mark()
            sent = time.perf_counter()
            client.change(uri, version, [change])
            _, received, _ = client.wait_for(
                lambda m, v=version: (
                    m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] == uri
                    and m["params"].get("version") == v
                ),
                timeout=60,
                after=mark,
            )
            latencies.append(received - sent)
            position = {"line": position["line"], "character": position["character"] + utf16(char)}
        memory = rss(client.process.pid)
        code = client.shutdown()
        assert code == 0, f"server exit code {code}"
        return latencies, memory, first
    finally:
        client.close()


def first_diagnostics(corpus: Path, post: Path, text: str) -> tuple[float, float]:
    """A fresh server: (spawn -> first diagnostics, didOpen -> first diagnostics), seconds."""
    spawned = time.perf_counter()
    client = LspClient(corpus, command=SERVER)
    try:
        client.initialize(corpus, {"debounceMs": 0})
        opened = time.perf_counter()
        uri = client.open(post, text)
        _, received, _ = client.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri, timeout=120
        )
        client.shutdown()
        return received - spawned, received - opened
    finally:
        client.close()


def cli_changed(corpus: Path, post: Path) -> float:
    started = time.perf_counter()
    command = [sys.executable, "-m", "contentlint", "check", "-q", str(post.relative_to(corpus))]
    done = subprocess.run(command, cwd=corpus, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    assert done.returncode in (0, 1), f"contentlint check exited {done.returncode}"
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--changes", type=int, default=200, help="didChange round trips timed")
    parser.add_argument("--runs", type=int, default=5, help="fresh-server and CLI runs, interleaved")
    parser.add_argument("--out", type=Path, default=BENCH / "RESULTS-lsp.md")
    args = parser.parse_args()
    corpus = corpus_for(args.posts, args.seed)
    posts = post_files(corpus)
    post = posts[len(posts) // 2]
    original = post.read_bytes()
    load_start = os.getloadavg()
    fill = [sys.executable, "-m", "contentlint", "check", "-q", "posts"]
    subprocess.run(fill, cwd=corpus, stdout=subprocess.DEVNULL)  # fill the cache

    latencies, memory, first_warm = typing(corpus, post, posts[0], args.changes)
    print(f"typing: median {statistics.median(latencies) * 1000:.1f} ms over {len(latencies)} changes", flush=True)

    spawn, opened, cli = [], [], []
    try:
        for run in range(args.runs):
            edited = original + f"\nEdited for the bench at {time.time_ns()}.\n".encode()
            post.write_bytes(edited)
            cli.append(cli_changed(corpus, post))
            post.write_bytes(original)
            first = first_diagnostics(corpus, post, edited.decode("utf-8"))
            spawn.append(first[0])
            opened.append(first[1])
            print(f"run {run + 1}: CLI {cli[-1]:.3f} s, server spawn->diagnostics {first[0]:.3f} s", flush=True)
    finally:
        post.write_bytes(original)

    ms = [value * 1000 for value in latencies]
    cli_median, spawn_median = statistics.median(cli), statistics.median(spawn)
    lines = [
        "# `contentlint lsp` benchmark",
        "",
        f"Written by `bench/bench_lsp.py` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, load average "
        f"{load_start[0]:.2f} at the start, {os.getloadavg()[0]:.2f} at the end.",
        f"Corpus: {len(posts):,} generated posts (`{corpus.name}`), warm cache; the post: `{post.relative_to(corpus)}`.",
        "",
        "| measure | result | target |",
        "|---|---|---|",
        f"| didChange -> its diagnostics, median ({len(ms)} changes, debounce 0) | {statistics.median(ms):.1f} ms | < 50 ms |",
        f"| didChange -> its diagnostics, p95 | {percentile(ms, 0.95):.1f} ms | < 100 ms |",
        f"| didChange -> its diagnostics, max | {max(ms):.1f} ms | |",
        f"| server start -> first diagnostics of an opened post, median of {len(spawn)} | {spawn_median:.3f} s | |",
        f"| didOpen -> first diagnostics in a fresh server, median | {statistics.median(opened):.3f} s | |",
        f"| CLI, one changed post (`contentlint check POST`), median of {len(cli)} | {cli_median:.3f} s | |",
        f"| server start -> first diagnostics / CLI one changed post | {spawn_median / cli_median:.2f}x | < 2x |",
        f"| didOpen -> first diagnostics in a warm server (after initialize) | {first_warm:.3f} s | |",
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
