"""Benchmark the similarity stage of RP001/RP002 on generated corpora (1k, 10k, 100k posts).

    python bench/bench_similarity.py [--sizes 1000,10000,100000] [--runs 3]

Each run is a fresh subprocess (cold: no warm caches, honest peak RSS). Timed separately:
tokens + signatures, and `find_similar_pairs`. Recall/precision score the pairs found at the
default threshold against bench/corpora/<name>/planted.json, *ignoring dates and audiences*: the
rule applies those afterwards, so a same-text pair 60 days apart counts as a pair to find here.
Precision counts every found pair that is not a planted textual copy as a false positive.
Also measured: MinHash LSH candidates (32 bands x 4 rows) against the exact pairs, and cache load.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from contentlint.text.similarity import Signature, find_similar_pairs, make_signature  # noqa: E402
from contentlint.text.similarity_words import similarity_tokens  # noqa: E402

CORPORA = ROOT / "bench" / "corpora"
THRESHOLD = 0.6


def corpus_dir(n: int) -> Path:
    name = f"{n // 1000}k" if n % 1000 == 0 else str(n)
    path = CORPORA / f"gen4-{name}"
    if not (path / "planted.json").exists():
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "generate_corpus.py"),
                "--posts",
                str(n),
                "--out",
                str(path),
                "--seed",
                "1",
            ],
            check=True,
        )
    return path


def load(corpus: Path) -> tuple[list[str], list[str], list[str]]:
    """(relative paths, bodies, langs); a plain split of the front matter, not the engine's parser."""
    paths, bodies, langs = [], [], []
    for path in sorted(corpus.glob("posts/**/*.md")):
        text = path.read_text(encoding="utf-8")
        front, body = text[4:].split("\n---\n", 1) if text.startswith("---\n") else ("", text)
        lang = next((line[5:].strip() for line in front.splitlines() if line.startswith("lang:")), "en")
        paths.append(path.relative_to(corpus).as_posix())
        bodies.append(body)
        langs.append(lang)
    return paths, bodies, langs


def lsh_candidates(sigs: list[Signature], bands: int = 32, rows: int = 4) -> set[tuple[int, int]]:
    """Pairs that share at least one MinHash band: what an LSH index would hand the verifier."""
    mh = np.stack([s.minhash for s in sigs]).astype(np.uint64)
    found: set[tuple[int, int]] = set()
    empty = np.array([s.shingles.size == 0 for s in sigs])
    for b in range(bands):
        part = mh[:, b * rows : (b + 1) * rows]
        key = part[:, 0]
        for r in range(1, rows):
            key = key * np.uint64(1_000_003) ^ part[:, r]
        key[empty] = np.arange(int(empty.sum()), dtype=np.uint64) + np.uint64(1 << 63)
        order = np.argsort(key, kind="stable")
        sk = key[order]
        cuts = np.flatnonzero(np.diff(sk)) + 1
        for group in np.split(order, cuts):
            if 1 < len(group) <= 200:
                g = sorted(group.tolist())
                found.update((g[i], g[j]) for i in range(len(g)) for j in range(i + 1, len(g)))
    return found


def child(corpus: Path, out: Path, lsh: bool) -> None:
    """One cold run; writes timings, peak RSS and the pairs found to `out`."""
    t0 = time.perf_counter()
    paths, bodies, langs = load(corpus)
    t1 = time.perf_counter()
    sigs = [make_signature(similarity_tokens(b)) for b, lang in zip(bodies, langs, strict=False)]
    t2 = time.perf_counter()
    pairs = find_similar_pairs(sigs, THRESHOLD)
    t3 = time.perf_counter()
    one = find_similar_pairs(sigs, THRESHOLD, queries=[len(sigs) // 2])
    t4 = time.perf_counter()
    result = {
        "load": t1 - t0,
        "signatures": t2 - t1,
        "pairs": t3 - t2,
        "query": t4 - t3,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "found": [[paths[p.a], paths[p.b], p.similarity] for p in pairs],
        "n_query": len(one),
    }
    if lsh:
        t5 = time.perf_counter()
        cands = lsh_candidates(sigs)
        result["lsh_time"] = time.perf_counter() - t5
        result["lsh_candidates"] = len(cands)
        result["lsh_recall_of_exact"] = (sum((p.a, p.b) in cands for p in pairs) / len(pairs)) if pairs else 1.0
    out.write_text(json.dumps(result), encoding="utf-8")


def cache_load_time(corpus: Path) -> tuple[float, float, int]:
    """(seconds to load, MB on disk, entries) for a cache of every post in `corpus`."""
    from contentlint.cache.signature_cache import SignatureCache, content_key

    paths, bodies, langs = load(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        cache = SignatureCache(Path(tmp))
        for p, b, lang in zip(paths, bodies, langs, strict=False):
            cache.put(content_key((corpus / p).read_bytes(), lang), make_signature(similarity_tokens(b)))
        cache.save()
        size = (Path(tmp) / "signatures.npz").stat().st_size / 2**20
        times = []
        for _ in range(3):
            t = time.perf_counter()
            again = SignatureCache(Path(tmp))
            times.append(time.perf_counter() - t)
        return statistics.median(times), size, len(again)


def score(corpus: Path, found: list[list]) -> dict[str, float]:
    planted = json.loads((corpus / "planted.json").read_text(encoding="utf-8"))["pairs"]
    want = {frozenset((p["a"], p["b"])): p for p in planted if p["textually_similar"]}
    decoys = {frozenset((p["a"], p["b"])) for p in planted if not p["textually_similar"]}
    got = {frozenset((a, b)) for a, b, _ in found}
    hit = got & want.keys()
    by_kind: dict[str, list[int]] = {}
    for key, p in want.items():
        by_kind.setdefault(p["kind"] + ("/bn" if p["lang"] == "bn" else ""), [0, 0])
        by_kind[p["kind"] + ("/bn" if p["lang"] == "bn" else "")][0] += key in got
        by_kind[p["kind"] + ("/bn" if p["lang"] == "bn" else "")][1] += 1
    return {
        "recall": len(hit) / max(1, len(want)),
        "precision": len(hit) / max(1, len(got)),
        "found": len(got),
        "planted": len(want),
        "decoys_found": len(got & decoys),
        "decoys": len(decoys),
        "by_kind": by_kind,
    }


# --- through the real CLI ------------------------------------------------------------------------
CLI = Path(sys.executable).with_name("contentlint")


def cli_run(corpus: Path, args: list[str]) -> tuple[float, float, dict]:
    """(wall seconds, peak RSS MB, JSON report) of one `contentlint check` in the corpus folder."""
    with tempfile.TemporaryDirectory() as tmp:
        report, timing = Path(tmp) / "report.json", Path(tmp) / "time.txt"
        t = time.perf_counter()
        subprocess.run(
            [
                "/usr/bin/time",
                "-v",
                "-o",
                str(timing),
                str(CLI),
                "check",
                *args,
                "--format",
                "json",
                "--output",
                str(report),
                "--exit-zero",
            ],
            cwd=corpus,
            check=True,
        )
        wall = time.perf_counter() - t
        rss = next(int(line.split()[-1]) for line in timing.read_text().splitlines() if "Maximum resident" in line)
        return wall, rss / 1024, json.loads(report.read_text(encoding="utf-8"))


def score_rules(corpus: Path, report: dict) -> dict[str, float]:
    """Rule-level scoring: a planted pair expecting RP001/RP002 must be reported on its later post
    with `related` at the other; any other RP finding is a false positive (generator accidents too)."""
    planted = json.loads((corpus / "planted.json").read_text(encoding="utf-8"))["pairs"]
    want = {(p["expected"], p["b"], p["a"]) for p in planted if p["expected"] != "none"}
    got = {
        (v["code"], v["path"], v["related"][0]["path"] if v["related"] else "")
        for v in report["violations"]
        if v["code"] in ("RP001", "RP002")
    }
    hit = got & want
    return {
        "recall": len(hit) / max(1, len(want)),
        "precision": len(hit) / max(1, len(got)),
        "found": len(got),
        "planted": len(want),
    }


def cli_table(sizes: list[int], runs: int, all_rules: bool) -> None:
    print(
        "Through the CLI (`contentlint check posts --select RP`), wall seconds; cold = cache folder removed;"
        f" medians of {runs} runs, peak RSS the max.\n"
    )
    print(
        "| posts | cold s | warm unchanged s | warm 1 changed s | peak RSS MB | RP recall | RP precision |"
        + (" cold all rules s | all rules peak RSS MB |" if all_rules else "")
    )
    print("|---|---|---|---|---|---|---|" + ("---|---|" if all_rules else ""))
    for n in sizes:
        corpus = corpus_dir(n)
        cold, warm, one, rss = [], [], [], []
        changed = sorted((corpus / "posts" / "x").rglob("*.md"))[0]
        original = changed.read_bytes()
        for _ in range(runs):
            shutil.rmtree(corpus / ".contentlint_cache", ignore_errors=True)
            t, r, report = cli_run(corpus, ["posts", "--select", "RP"])
            cold.append(t)
            rss.append(r)
            t, r, _ = cli_run(corpus, ["posts", "--select", "RP"])
            warm.append(t)
            rss.append(r)
            try:
                changed.write_bytes(original + f"\nOne more line, run {len(one)}.\n".encode())
                t, r, _ = cli_run(corpus, [changed.relative_to(corpus).as_posix(), "--select", "RP"])
                one.append(t)
                rss.append(r)
            finally:
                changed.write_bytes(original)
        s = score_rules(corpus, report)
        row = (
            f"| {n:,} | {statistics.median(cold):.2f} | {statistics.median(warm):.2f} | {statistics.median(one):.2f} "
            f"| {max(rss):.0f} | {s['recall']:.3f} ({s['planted']}) | {s['precision']:.3f} ({s['found']}) |"
        )
        if all_rules:
            shutil.rmtree(corpus / ".contentlint_cache", ignore_errors=True)
            t, r, _ = cli_run(corpus, ["posts"])
            row += f" {t:.1f} | {r:.0f} |"
        print(row, flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--child", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--lsh", action="store_true")
    ap.add_argument("--cli", action="store_true", help="time the real CLI instead of the in-process stage")
    ap.add_argument("--all-rules", action="store_true", help="with --cli: also a cold run of every default rule")
    args = ap.parse_args()
    if args.child:
        child(args.child, args.out, args.lsh)
        return 0
    if args.cli:
        cli_table([int(x) for x in args.sizes.split(",")], args.runs, args.all_rules)
        return 0
    rows, medians, details = [], {}, []
    for n in [int(x) for x in args.sizes.split(",")]:
        corpus = corpus_dir(n)
        runs = []
        for r in range(args.runs):
            with tempfile.NamedTemporaryFile(suffix=".json") as tmp:
                cmd = [sys.executable, __file__, "--child", str(corpus), "--out", tmp.name]
                subprocess.run(cmd + (["--lsh"] if r == 0 and n <= 10_000 else []), check=True)
                runs.append(json.loads(Path(tmp.name).read_text(encoding="utf-8")))
        med = {k: statistics.median(r[k] for r in runs) for k in ("load", "signatures", "pairs", "query")}
        medians[n] = med
        s = score(corpus, runs[0]["found"])
        rss = max(r["maxrss_mb"] for r in runs)
        rows.append(
            f"| {n:,} | {med['signatures']:.2f} | {med['pairs']:.2f} | {med['signatures'] + med['pairs']:.2f} "
            f"| {med['query'] * 1000:.0f} | {rss:.0f} | {s['recall']:.3f} ({s['planted']}) "
            f"| {s['precision']:.3f} ({s['found']}) | {s['decoys_found']}/{s['decoys']} |"
        )
        details.append(
            (
                n,
                s["by_kind"],
                runs[0].get("lsh_candidates"),
                runs[0].get("lsh_recall_of_exact"),
                runs[0].get("lsh_time"),
                med["load"],
            )
        )
    print(
        f"Similarity stage, threshold {THRESHOLD}, median of {args.runs} cold runs (2-core machine); "
        "recall/precision ignore dates and audiences (the rule applies those later).\n"
    )
    print(
        "| posts | tokens+signatures s | find_similar_pairs s | total s | 1 query ms | peak RSS MB "
        "| recall (planted) | precision (found) | rewrite decoys found |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    sizes = sorted(medians)
    if 10_000 in medians and 100_000 in medians:
        r_pairs = medians[100_000]["pairs"] / medians[10_000]["pairs"]
        r_total = (medians[100_000]["pairs"] + medians[100_000]["signatures"]) / (
            medians[10_000]["pairs"] + medians[10_000]["signatures"]
        )
        print(f"\nTime ratio 100k/10k: find_similar_pairs {r_pairs:.1f}x, total {r_total:.1f}x (linear = 10x).")
    print()
    for n, by_kind, lsh_c, lsh_r, lsh_t, load_s in details:
        kinds = ", ".join(f"{k} {a}/{b}" for k, (a, b) in sorted(by_kind.items()))
        print(f"- {n:,} posts: reading files {load_s:.2f} s (not in the table); recall by kind: {kinds}")
        if lsh_c is not None:
            print(
                f"  MinHash LSH 32x4 would hand over {lsh_c:,} candidates in {lsh_t:.2f} s and "
                f"contain {lsh_r:.1%} of the exact pairs (containment misses)."
            )
    biggest = corpus_dir(sizes[-1])
    t, mb, entries = cache_load_time(biggest)
    print(f"- SignatureCache: {entries:,} entries, {mb:.1f} MB on disk, load {t * 1000:.0f} ms (median of 3).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
