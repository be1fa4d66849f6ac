#!/usr/bin/env python3
"""Recompute the real-post precision figures from the judged tables, and show what changed.

    python bench/precision-real/score.py                       # the shares, from the tables
    python bench/precision-real/score.py --run DEV HELDOUT     # also re-run contentlint on the
                                                               # samples sample.py wrote, and list
                                                               # findings no table has judged

A table (judged-*.tsv) holds one row per finding of one run: brand, path, line, column, code,
severity, verdict (yes: worth acting on; no: noise) and a line of reason. The posts are real
published copy (see sample.py) and are never in this repository; the tables hold only where each
finding was and what an editor made of it.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
POSTS = {"dev": 326, "heldout": 160}  # posts in each sample (sample.py)
TABLES = {
    "development sample, before": ("judged-before.tsv", "dev"),
    "development sample, after": ("judged-after.tsv", "dev"),
    "held-out sample, before": ("judged-heldout-before.tsv", "heldout"),
    "held-out sample, after": ("judged-heldout-after.tsv", "heldout"),
}


def read(name: str) -> list[dict[str, str]]:
    with open(HERE / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def shares(rows: list[dict[str, str]], posts: int) -> dict[str, str]:
    worth = sum(row["verdict"] == "yes" for row in rows)
    repeats = [row for row in rows if row["code"] in ("RP001", "RP002")]
    errors = {(row["brand"], row["path"]) for row in rows if row["severity"] == "error"}
    return {
        "findings": str(len(rows)),
        "worth acting on": f"{worth} ({worth / len(rows):.0%})" if rows else "-",
        "repetition worth acting on": f"{sum(r['verdict'] == 'yes' for r in repeats)} of {len(repeats)}",
        "posts with an error": f"{len(errors)} of {posts} ({len(errors) / posts:.1%})",
    }


def by_rule(rows: list[dict[str, str]]) -> str:
    counts = Counter((row["code"], row["verdict"]) for row in rows)
    codes = sorted({code for code, _ in counts})
    return ", ".join(f"{code} {counts[code, 'yes']}/{counts[code, 'yes'] + counts[code, 'no']}" for code in codes)


def rerun(samples: dict[str, Path]) -> None:
    """Findings of the current code that the 'after' tables do not hold (and the reverse)."""
    for kind, folder in samples.items():
        table = "judged-after.tsv" if kind == "dev" else "judged-heldout-after.tsv"
        judged = Counter((r["brand"], r["path"], r["line"], r["column"], r["code"]) for r in read(table))
        found: Counter[tuple[str, ...]] = Counter()
        for config in sorted(folder.glob("*/.contentlint.yaml")):
            brand = config.parent
            done = subprocess.run(
                [sys.executable, "-m", "contentlint", "check", "--no-cache", "--format", "json", "posts"],
                cwd=brand,
                capture_output=True,
                text=True,
            )
            for v in json.loads(done.stdout)["violations"]:
                found[(brand.name, v["path"], str(v["line"]), str(v["column"]), v["code"])] += 1
        print(f"{kind}: {sum((found - judged).values())} new findings, {sum((judged - found).values())} gone")
        for key in sorted((found - judged) + (judged - found)):
            print("  new " if key in found - judged else "  gone", *key)


def main() -> int:
    print("| run | findings | worth acting on | repetition worth acting on | posts with an error |")
    print("|---|---|---|---|---|")
    for label, (table, sample) in TABLES.items():
        values = shares(read(table), POSTS[sample])
        print(f"| {label} | " + " | ".join(values.values()) + " |")
    print()
    for label, (table, _) in TABLES.items():
        print(f"- {label}: {by_rule(read(table))}")
    if "--run" in sys.argv:
        at = sys.argv.index("--run")
        rerun({"dev": Path(sys.argv[at + 1]), "heldout": Path(sys.argv[at + 2])})
    return 0


if __name__ == "__main__":
    sys.exit(main())
