"""Install size and time: `pip install .` into a fresh virtual environment, with and without the
spaCy extra, each with `--no-cache-dir` (so nothing the first install fetched helps the second).

    python bench/bench_install.py [--runs 1]

Prints markdown: wall seconds of the install (median of --runs) and the size of the environment's
site-packages, and the ratio of the plain install to the one with the extra, measured in the same
run. The package index must be reachable (installing is the one thing here that needs it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def size_mb(folder: Path) -> float:
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            if not os.path.islink(path):
                total += os.path.getsize(path)
    return total / 1e6


def install(target: str) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        venv = Path(folder) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-cache-dir"]
        started = time.perf_counter()
        subprocess.run([*pip, target], check=True, cwd=REPO)
        seconds = time.perf_counter() - started
        site = next((venv / "lib").glob("python*/site-packages"))
        return seconds, size_mb(site)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    rows = {}
    for label, target in (("pip install .", "."), ("pip install '.[spacy]'", ".[spacy]")):
        results = [install(target) for _ in range(args.runs)]
        rows[label] = (statistics.median(r[0] for r in results), statistics.median(r[1] for r in results))
    print(f"Load average at the end: {os.getloadavg()[0]:.2f}; {args.runs} run(s) each, --no-cache-dir.\n")
    print("| install | wall s | site-packages MB |")
    print("|---|---|---|")
    for label, (seconds, mb) in rows.items():
        print(f"| `{label}` | {seconds:.1f} | {mb:.0f} |")
    plain, extra = rows["pip install ."], rows["pip install '.[spacy]'"]
    print(f"\nWithout the extra: {plain[1] / extra[1]:.2f}x the size, {plain[0] / extra[0]:.2f}x the time.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
