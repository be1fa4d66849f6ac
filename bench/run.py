"""Issue 8 "Speed and scale": one command that measures contentlint against its targets.

    python bench/run.py [--sizes 1000,10000,100000] [--runs 3] [--big-runs 1]

For each size it generates (once, cached under bench/corpora/run-*) a content repo with
bench/generate_corpus.py, then runs the real CLI in subprocesses: cold (`--no-cache`, and a first
run with an empty cache), warm (unchanged repo, cache filled) and one changed post checked alone
with a warm cache (the pre-commit pattern), with `--jobs 1` and the default jobs; proselint from
bench/.venv-peers over the same post files; and `import spacy; spacy.blank('en')` as the baseline
a pre-commit hook is compared with. Every run goes through a fresh helper process so
`getrusage(RUSAGE_CHILDREN)` gives that run's CPU time and peak RSS alone. Writes bench/RESULTS.md.

The machine is shared and noisy: medians of several runs, ratios to baselines measured in the same
run, and CPU seconds beside wall seconds (CPU time is far less sensitive to other people's load).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CORPORA = BENCH / "corpora"
GENERATOR = BENCH / "generate_corpus.py"
PEERS = BENCH / ".venv-peers" / "bin"
CACHE = ".contentlint_cache"  # the generated config does not set cache_dir
CORES = os.cpu_count() or 1
SCENARIOS = {"cold", "warm", "changed", "peers"}


# ---- one measured run ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Sample:
    wall: float  # seconds
    cpu: float  # user + system seconds of the child and everything it waited for
    rss_mb: float  # peak resident set of the largest single process in the child's tree
    rc: int


def measure_here(command: list[str], cwd: str) -> None:
    """Helper-process side: run `command` once and print its Sample as JSON. A fresh process per
    run, because RUSAGE_CHILDREN's ru_maxrss is a high-water mark over all children ever waited for."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr.decode("utf-8", "replace")[-2000:])
    print(
        json.dumps(
            {
                "wall": wall,
                "cpu": usage.ru_utime + usage.ru_stime,
                "rss_mb": usage.ru_maxrss / 1024,
                "rc": done.returncode,
            }
        )
    )


def measure(command: list[str], cwd: Path) -> Sample:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", str(cwd), "--", *command], capture_output=True, text=True, check=True
    )
    if out.stderr:
        print(out.stderr, file=sys.stderr)
    return Sample(**json.loads(out.stdout.strip().splitlines()[-1]))


@dataclass
class Row:
    size: int | None
    label: str
    jobs: int | None  # processes contentlint may use; None for peers and baselines
    posts: int  # posts this command checks (throughput is counted on these)
    samples: list[Sample] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def rss(self) -> float:
        return max(s.rss_mb for s in self.samples)

    @property
    def posts_per_s(self) -> float:
        return self.posts / self.wall

    @property
    def per_core(self) -> float:
        return self.posts / (self.wall * min(self.jobs or 1, CORES))


def repeat(row: Row, command: list[str], cwd: Path, runs: int, before: object = None) -> Row:
    for index in range(runs):
        if callable(before):
            before(index)
        sample = measure(command, cwd)
        row.samples.append(sample)
        print(
            f"  {row.label:<44} jobs={row.jobs!s:<4} {sample.wall:8.3f} s wall {sample.cpu:8.3f} s cpu "
            f"{sample.rss_mb:7.1f} MB rc={sample.rc}",
            flush=True,
        )
    return row


# ---- corpora -------------------------------------------------------------------------------------
def generator_digest() -> str:
    return hashlib.sha256(GENERATOR.read_bytes()).hexdigest()[:10]


def corpus_for(size: int, seed: int) -> Path:
    """The cached corpus for this size, seed and generator version; older versions are removed."""
    name = f"run-{size}-s{seed}-{generator_digest()}"
    target = CORPORA / name
    if (target / ".contentlint.yaml").exists():
        return target
    for stale in CORPORA.glob(f"run-{size}-s{seed}-*"):
        shutil.rmtree(stale, ignore_errors=True)
    partial = CORPORA / (name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    print(f"generating {size} posts into {target} ...", flush=True)
    subprocess.run(
        [sys.executable, str(GENERATOR), "--posts", str(size), "--out", str(partial), "--seed", str(seed)], check=True
    )
    partial.rename(target)
    return target


def post_files(corpus: Path) -> list[Path]:
    return sorted(corpus.joinpath("posts").rglob("*.md"))


# ---- scenarios -----------------------------------------------------------------------------------
def contentlint(*args: str) -> list[str]:
    return [sys.executable, "-m", "contentlint", "check", "-q", *args]


def bench_size(size: int, runs: int, seed: int, full: bool, scenarios: set[str] = SCENARIOS) -> list[Row]:
    corpus = corpus_for(size, seed)
    posts = post_files(corpus)
    n = len(posts)
    print(f"== {n} posts ({corpus.name}), {runs} run(s) each", flush=True)
    rows: list[Row] = []
    cache = corpus / CACHE
    clear = lambda _index: shutil.rmtree(cache, ignore_errors=True)  # noqa: E731
    jobs_list = (1, CORES) if CORES > 1 else (1,)
    for jobs in jobs_list if "cold" in scenarios else ():
        if jobs == 1 and not full:
            continue
        rows.append(
            repeat(
                Row(size, "cold, --no-cache", jobs, n),
                contentlint("--no-cache", "-j", str(jobs), "posts"),
                corpus,
                runs,
            )
        )
        rows.append(
            repeat(
                Row(size, "cold, first run with an empty cache", jobs, n),
                contentlint("-j", str(jobs), "posts"),
                corpus,
                runs,
                before=clear,
            )
        )
    # leave the cache filled (the last cold run did), then measure warm runs
    if {"warm", "changed"} & scenarios:  # a cache filled now: rule packs edited since the cold runs change every key
        measure(contentlint("posts"), corpus)
    for jobs in jobs_list if "warm" in scenarios else ():
        rows.append(
            repeat(Row(size, "warm, unchanged repo", jobs, n), contentlint("-j", str(jobs), "posts"), corpus, runs)
        )
    changed = posts[len(posts) // 2]
    original = changed.read_bytes()

    def edit(_index: int) -> None:  # a new edit each run (any jobs), so no cache already holds it
        changed.write_bytes(original + f"\nEdited for the bench at {time.time_ns()}.\n".encode())

    try:
        for jobs in jobs_list if "changed" in scenarios else ():
            rows.append(
                repeat(
                    Row(size, "one changed post (pre-commit), warm cache", jobs, 1),
                    contentlint("-j", str(jobs), str(changed.relative_to(corpus))),
                    corpus,
                    runs,
                    before=edit,
                )
            )
    finally:
        changed.write_bytes(original)
    if (PEERS / "proselint").exists() and "peers" in scenarios:
        rows.append(
            repeat(
                Row(size, "proselint 0.16 over the post folder", None, n),
                [str(PEERS / "proselint"), "check", "posts"],
                corpus,
                runs,
            )
        )
    return rows


def baselines(runs: int) -> list[Row]:
    python = sys.executable
    return [
        repeat(Row(None, "python -c pass", None, 0), [python, "-c", "pass"], ROOT, runs),
        repeat(
            Row(None, "spaCy baseline: import spacy; spacy.blank('en')", None, 0),
            [python, "-c", "import spacy; spacy.blank('en')"],
            ROOT,
            runs,
        ),
    ]


def merge_baselines(rows: list[Row]) -> list[Row]:
    """One row per baseline command: samples from the start and the end of the session together."""
    merged: dict[str, Row] = {}
    kept: list[Row] = []
    for row in rows:
        if row.size is None and row.label in merged:
            merged[row.label].samples += row.samples
            continue
        if row.size is None:
            merged[row.label] = row
        kept.append(row)
    return kept


# ---- report --------------------------------------------------------------------------------------
def find(rows: list[Row], size: int | None, label: str, jobs: int | None = None) -> Row | None:
    for row in rows:
        if row.size == size and row.label.startswith(label) and (jobs is None or row.jobs == jobs):
            return row
    return None


def fmt_ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def targets(rows: list[Row], spacy: Row) -> list[str]:
    lines = ["| target (issue 8) | measured | met? |", "|---|---|---|"]

    def add(name: str, row: Row | None, text: str, ok: bool) -> None:
        lines.append(f"| {name} | {text if row else 'not measured'} | {('yes' if ok else '**no**') if row else '-'} |")

    one = find(rows, 10_000, "one changed post", CORES)
    add(
        "one changed post, 10,000-post repo, warm cache <= 1.5x spaCy baseline",
        one,
        f"{one.wall:.3f} s = {one.wall / spacy.wall:.2f}x of {spacy.wall:.3f} s" if one else "",
        bool(one) and one.wall <= 1.5 * spacy.wall,
    )
    warm = find(rows, 10_000, "warm, unchanged", CORES)
    add(
        "unchanged 10,000-post repo, warm < 0.5 s",
        warm,
        f"{warm.wall:.3f} s" if warm else "",
        bool(warm) and warm.wall < 0.5,
    )
    cold = find(rows, 10_000, "cold, --no-cache", CORES)
    peer = find(rows, 10_000, "proselint")
    if cold and peer:
        add(
            "cold 10,000 posts faster than proselint",
            cold,
            f"{cold.wall:.2f} s vs {peer.wall:.2f} s: {peer.wall / cold.wall:.2f}x faster",
            cold.wall < peer.wall,
        )
    cold1 = find(rows, 10_000, "cold, --no-cache", 1) or cold
    if cold1:
        add(
            ">= 1,000 posts/s/core, cold, every default rule",
            cold1,
            f"{cold1.per_core:,.0f} posts/s/core (jobs={cold1.jobs}); {cold1.posts / cold1.cpu:,.0f} posts per CPU-second",
            cold1.per_core >= 1000,
        )
    big = find(rows, 100_000, "cold, --no-cache", CORES)
    add(
        "100,000 posts complete, peak memory < 2 GB",
        big,
        f"rc={big.samples[0].rc}, peak {max(r.rss for r in rows if r.size == 100_000 and r.jobs):,.0f} MB"
        if big
        else "",
        bool(big)
        and all(s.rc in (0, 1) for s in big.samples)
        and max(r.rss for r in rows if r.size == 100_000 and r.jobs) < 2048,
    )
    if big and cold:
        add(
            "time near-linear from 10k to 100k (ratio near 10)",
            big,
            f"{big.wall / cold.wall:.1f}x wall, {big.cpu / cold.cpu:.1f}x CPU",
            big.wall / cold.wall <= 13,
        )
    return lines


def report(
    rows: list[Row], args: argparse.Namespace, started: datetime, loads: tuple[tuple[float, ...], tuple[float, ...]]
) -> str:
    spacy = find(rows, None, "spaCy baseline")
    assert spacy is not None
    version = subprocess.run(
        [sys.executable, "-m", "contentlint", "--version"], capture_output=True, text=True
    ).stdout.strip()
    command = "python bench/run.py " + " ".join(sys.argv[1:])
    out = [
        "# contentlint speed and scale (issue 8)",
        "",
        f"Written by `{command.strip()}` on {started:%Y-%m-%d %H:%M} UTC.",
        f"Machine: {CORES} cores ({platform.processor() or platform.machine()}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; {version}. Load average at start {loads[0][0]:.1f}, at end {loads[1][0]:.1f} "
        "(shared machine: read ratios and CPU seconds rather than absolute wall times).",
        "",
        f"Medians of {args.runs} runs (sizes above {args.big:,}: {args.big_runs} run(s), said in the `runs` column). "
        "Every command is the real CLI in a subprocess (`contentlint check -q ...` from the corpus folder, "
        f"text output to /dev/null). `jobs` is `--jobs`; the default is the CPU count ({CORES}). "
        "posts/s/core = posts / (wall x processes used). Peak memory is the largest single process's RSS "
        "(`getrusage(RUSAGE_CHILDREN)` in a fresh helper per run); forked workers share the parent's pages.",
        "",
        "## Targets",
        "",
        *targets(rows, spacy),
        "",
        "## All runs",
        "",
        "| posts | scenario | jobs | runs | wall (median) | CPU s | peak RSS | posts/s | posts/s/core | vs proselint | vs spaCy baseline |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        peer = find(rows, row.size, "proselint") if row.size else None
        vs_peer = peer.wall / row.wall if peer and row.jobs and row.posts > 1 else None
        throughput = f"{row.posts_per_s:,.0f}" if row.posts > 1 else "-"
        per_core = (
            f"{row.per_core:,.0f}"
            if row.posts > 1 and row.jobs is not None
            else (f"{row.posts_per_s:,.0f}" if row.posts > 1 else "-")
        )
        out.append(
            f"| {row.size or '-':,} | {row.label} | {row.jobs or '-'} | {len(row.samples)} | {row.wall:.3f} s | {row.cpu:.2f} | "
            f"{row.rss:,.0f} MB | {throughput} | {per_core} | {fmt_ratio(vs_peer)} | {row.wall / spacy.wall:.2f}x |"
            if isinstance(row.size, int)
            else f"| - | {row.label} | - | {len(row.samples)} | {row.wall:.3f} s | {row.cpu:.2f} | {row.rss:,.0f} MB | - | - | - | {row.wall / spacy.wall:.2f}x |"
        )
    scaling = []
    for label in ("cold, --no-cache", "cold, first run", "warm, unchanged", "one changed post"):
        small, big = find(rows, 10_000, label, CORES), find(rows, 100_000, label, CORES)
        if small and big:
            scaling.append(
                f"| {label} | {small.wall:.3f} s | {big.wall:.3f} s | {big.wall / small.wall:.1f}x | {big.cpu / small.cpu:.1f}x |"
            )
    if scaling:
        out += [
            "",
            "## 100k / 10k",
            "",
            "| scenario (default jobs) | 10k wall | 100k wall | wall ratio | CPU ratio |",
            "|---|---|---|---|---|",
            *scaling,
            "",
            "Linear would be 10.0x.",
        ]
    out += [
        "",
        "vs proselint: proselint's wall time / contentlint's on the same posts (above 1: contentlint is faster). "
        "proselint runs once over the post folder (its own directory mode, one process, no cache).",
        "",
    ]
    return "\n".join(out)


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--measure":
        measure_here(sys.argv[sys.argv.index("--") + 1 :], sys.argv[2])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated post counts")
    parser.add_argument("--runs", type=int, default=3, help="runs per scenario (median reported)")
    parser.add_argument(
        "--big", type=int, default=50_000, help="sizes above this use --big-runs and skip --jobs 1 cold runs"
    )
    parser.add_argument("--big-runs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=BENCH / "RESULTS.md")
    parser.add_argument("--scenarios", default=",".join(sorted(SCENARIOS)), help="subset of cold,warm,changed,peers")
    args = parser.parse_args()
    started = datetime.now(timezone.utc)
    load_start = os.getloadavg()
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    for size in sizes:
        corpus_for(size, args.seed)  # generate first, so generation never overlaps timing
    if not (PEERS / "proselint").exists():
        print("no bench/.venv-peers/bin/proselint: see bench/README.md; proselint rows skipped", file=sys.stderr)
    rows = baselines(max(args.runs, 5))
    for size in sizes:
        big = size > args.big
        rows += bench_size(
            size, args.big_runs if big else args.runs, args.seed, full=not big, scenarios=set(args.scenarios.split(","))
        )
    rows += baselines(max(args.runs, 5))  # again at the end: the load may have changed
    rows = merge_baselines(rows)
    text = report(rows, args, started, (load_start, os.getloadavg()))
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
