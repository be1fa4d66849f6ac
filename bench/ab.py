"""A/B: the same CLI scenarios run by two checkouts of contentlint, interleaved, in one script.

    python bench/ab.py --baseline /path/to/old-checkout [--candidate .] [--size 10000] [--runs 5]
                       [--scenarios cold,warm,one]

For refactors that must not slow anything down: each round runs every scenario once with the
baseline and once with the candidate (alternating which goes first), so load from other work on
this shared machine falls on both alike. Each checkout gets its own copy of the generated corpus
(their caches must not see each other) and runs as `python -m contentlint` with its own folder
first on `PYTHONPATH`. Reports medians of wall and CPU seconds and candidate/baseline ratios.

Scenarios (as in bench/run.py): cold `--no-cache -j 1` over every post; warm over an unchanged
repo; one edited post checked alone with a warm cache (the pre-commit pattern).
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

from run import corpus_for, measure, post_files  # noqa: E402


def command(checkout: Path, *args: str) -> list[str]:
    code = f"import sys; sys.path.insert(0, {str(checkout)!r}); from contentlint.cli import main; main()"
    return [sys.executable, "-c", code, "check", "-q", *args]


def prepare(corpus: Path, label: str) -> Path:
    copy = corpus.parent / f"{corpus.name}.ab-{label}"
    if not copy.exists():
        shutil.copytree(corpus, copy, ignore=shutil.ignore_patterns(".contentlint_cache"))
    shutil.rmtree(copy / ".contentlint_cache", ignore_errors=True)
    return copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", type=Path, required=True)
    parser.add_argument("--candidate", type=Path, default=BENCH.parent)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--scenarios", default="cold,warm,one", help="which to run, comma-separated: cold, warm, one (changed post)"
    )
    args = parser.parse_args()
    names = {"cold": "cold, --no-cache, -j 1", "warm": "warm, unchanged repo", "one": "one changed post, warm cache"}
    scenarios = tuple(names[name.strip()] for name in args.scenarios.split(",") if name.strip())
    corpus = corpus_for(args.size, args.seed)
    trees = {"baseline": args.baseline.resolve(), "candidate": args.candidate.resolve()}
    repos = {label: prepare(corpus, label) for label in trees}
    edited = {label: post_files(repo)[len(post_files(repo)) // 2] for label, repo in repos.items()}
    originals = {label: path.read_bytes() for label, path in edited.items()}
    samples: dict[tuple[str, str], list[tuple[float, float]]] = {}

    def run(label: str, scenario: str) -> None:
        repo, tree = repos[label], trees[label]
        if scenario == "cold, --no-cache, -j 1":
            sample = measure(command(tree, "--no-cache", "-j", "1", "posts"), repo)
        elif scenario == "warm, unchanged repo":
            sample = measure(command(tree, "posts"), repo)
        else:
            edited[label].write_bytes(originals[label] + f"\nEdited at {time.time_ns()}.\n".encode())
            sample = measure(command(tree, str(edited[label].relative_to(repo))), repo)
        if sample.rc not in (0, 1):
            raise SystemExit(f"{label} {scenario}: exit code {sample.rc}")
        samples.setdefault((scenario, label), []).append((sample.wall, sample.cpu))

    try:
        for label in trees:  # fill each cache, settle the files (the snapshot trusts stats 2 s old)
            measure(command(trees[label], "posts"), repos[label])
        time.sleep(2.5)
        for label in trees:
            measure(command(trees[label], "posts"), repos[label])
        for round_ in range(args.runs):
            order = list(trees) if round_ % 2 == 0 else list(reversed(trees))
            for scenario in scenarios:
                for label in order:
                    run(label, scenario)
            print(f"round {round_ + 1}/{args.runs} done", file=sys.stderr, flush=True)
    finally:
        for label, path in edited.items():
            path.write_bytes(originals[label])
    load = os.getloadavg()
    print(f"## A/B on {args.size:,} posts, {args.runs} runs each, interleaved (load average {load[0]:.1f})\n")
    print(f"baseline: `{trees['baseline']}`; candidate: `{trees['candidate']}`\n")
    print(
        "| scenario | baseline wall s | candidate wall s | wall ratio | baseline CPU s | candidate CPU s | CPU ratio |"
    )
    print("|---|---|---|---|---|---|---|")
    for scenario in scenarios:
        base = samples[(scenario, "baseline")]
        cand = samples[(scenario, "candidate")]
        bw, cw = statistics.median(w for w, _ in base), statistics.median(w for w, _ in cand)
        bc, cc = statistics.median(c for _, c in base), statistics.median(c for _, c in cand)
        print(f"| {scenario} | {bw:.2f} | {cw:.2f} | {cw / bw:.2f}x | {bc:.2f} | {cc:.2f} | {cc / bc:.2f}x |")


if __name__ == "__main__":
    main()
