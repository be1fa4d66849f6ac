"""Issue 18: what one changed post costs as the repo grows, and a cold check of a big repo.

    python bench/bench_scale.py [--small 1000] [--big 100000] [--runs 7] [--cold] [--out FILE]

One changed post (the pre-commit pattern): each corpus (bench/run.py's generated repos) is
checked whole once, which fills the caches and writes the corpus store; then each round edits
the post in the middle of each repo (a new edit every time, so no cache knows it) and checks it
alone, small and big interleaved so that load from other work on this shared machine falls on
both. Reported: medians of wall and CPU seconds, peak RSS, and big/small.

`--cold`: `--no-cache` checks of 10,000 and of the big repo, one process (`-j 1`) and the
default, with peak memory (the largest process's RSS) and big/10k ratios (linear would be
big/10,000); then the big repo's first run with an empty cache (it writes the result cache, the
signature cache and the corpus store). Run `--cold` last: it empties the big repo's cache.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from run import contentlint, corpus_for, measure, post_files  # noqa: E402


def one_changed(small: int, big: int, runs: int, seed: int) -> list[str]:
    corpora = {size: corpus_for(size, seed) for size in (small, big)}
    changed: dict[int, tuple[Path, bytes]] = {}
    for size, corpus in corpora.items():
        post = post_files(corpus)[size // 2]
        changed[size] = (post, post.read_bytes())
        first = measure(contentlint("posts"), corpus)  # fills the caches and the corpus store
        print(f"  {size:>7} posts: whole repo, filling the caches: {first.wall:.2f} s", flush=True)
    samples: dict[int, list] = {size: [] for size in corpora}
    try:
        for round_ in range(runs):
            order = list(corpora) if round_ % 2 == 0 else list(reversed(corpora))
            for size in order:
                post, original = changed[size]
                post.write_bytes(original + f"\nEdited for the bench at {time.time_ns()}.\n".encode())
                sample = measure(contentlint(str(post.relative_to(corpora[size]))), corpora[size])
                samples[size].append(sample)
                print(
                    f"  {size:>7} posts, one changed: {sample.wall:.3f} s wall {sample.cpu:.3f} s cpu "
                    f"{sample.rss_mb:.0f} MB rc={sample.rc}",
                    flush=True,
                )
    finally:
        for post, original in changed.values():
            post.write_bytes(original)

    def med(size: int, what: str) -> float:
        return statistics.median(getattr(s, what) for s in samples[size])

    lines = [
        f"One changed post, warm cache and corpus store: medians of {runs} interleaved rounds.",
        "",
        "| posts in the repo | wall | CPU s | peak RSS |",
        "|---|---|---|---|",
    ]
    for size in corpora:
        rss = max(s.rss_mb for s in samples[size])
        lines.append(f"| {size:,} | {med(size, 'wall'):.3f} s | {med(size, 'cpu'):.2f} | {rss:.0f} MB |")
    ratio, cpu_ratio = med(big, "wall") / med(small, "wall"), med(big, "cpu") / med(small, "cpu")
    lines += ["", f"{big:,} / {small:,}: {ratio:.2f}x wall, {cpu_ratio:.2f}x CPU (target: at most 1.5x)."]
    return lines


def cold(big: int, runs: int, seed: int) -> list[str]:
    lines = ["| posts | jobs | wall | CPU s | peak RSS | posts/s |", "|---|---|---|---|---|---|"]
    walls: dict[tuple[int, int], float] = {}
    cpus: dict[tuple[int, int], float] = {}
    for size in (10_000, big):
        corpus = corpus_for(size, seed)
        for jobs in (1, os.cpu_count() or 1):
            found = [measure(contentlint("--no-cache", "-j", str(jobs), "posts"), corpus) for _ in range(runs)]
            wall = statistics.median(s.wall for s in found)
            cpu = statistics.median(s.cpu for s in found)
            walls[size, jobs], cpus[size, jobs] = wall, cpu
            rss = max(s.rss_mb for s in found)
            lines.append(f"| {size:,} | {jobs} | {wall:.2f} s | {cpu:.2f} | {rss:.0f} MB | {size / wall:,.0f} |")
            print(lines[-1], flush=True)
    corpus = corpus_for(big, seed)  # the first run with an empty cache also writes the caches and the corpus store
    shutil.rmtree(corpus / ".contentlint_cache", ignore_errors=True)
    first = measure(contentlint("posts"), corpus)
    lines.append(
        f"| {big:,}, first run with an empty cache | {os.cpu_count()} | {first.wall:.2f} s | {first.cpu:.2f} "
        f"| {first.rss_mb:.0f} MB | {big / first.wall:,.0f} |"
    )
    print(lines[-1], flush=True)
    lines.append("")
    for jobs in sorted({j for _, j in walls}):
        lines.append(
            f"-j {jobs}: {big:,} / 10,000 = {walls[big, jobs] / walls[10_000, jobs]:.1f}x wall, "
            f"{cpus[big, jobs] / cpus[10_000, jobs]:.1f}x CPU (linear: {big / 10_000:.1f}x)"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cold", action="store_true", help="also the cold --no-cache checks")
    parser.add_argument("--cold-runs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="also write the report here (markdown)")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    lines = one_changed(args.small, args.big, args.runs, args.seed)
    if args.cold:
        lines += ["", "Cold, --no-cache, every default rule:", ""] + cold(args.big, args.cold_runs, args.seed)
    lines += ["", f"Load average at start {load:.1f}, at end {os.getloadavg()[0]:.1f}; {os.cpu_count()} cores."]
    command = " ".join(["python bench/bench_scale.py", *sys.argv[1:]])
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    text = "\n".join(["# Scale (issue 18)", "", f"Written by `{command}` on {when}.", "", *lines]) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
