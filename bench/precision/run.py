#!/usr/bin/env python3
"""Re-run contentlint on the precision evaluation set and score it against judgements.tsv.

    .venv/bin/python bench/precision/run.py              # re-run the checks, print the table
    .venv/bin/python bench/precision/run.py --no-run     # score the findings.json already there
    .venv/bin/python bench/precision/run.py --update-results   # also rewrite the table in RESULTS.md
    .venv/bin/python bench/precision/run.py --set bench/precision-heldout   # another evaluation set

Each brand folder (one with a .contentlint.yaml) is checked with
`contentlint check --no-cache --format json posts` from inside the folder, as a user would, and the
output is kept in <brand>/findings.json (and findings.txt, the text format, for reading).

A finding is matched to a judgement by (path, line, column, code); if the column moved (a rule now
reports a different span on the same line) a unique (path, line, code) match is used. Findings with
no judgement are listed as "unjudged" and left out of the precision figures; judge them and add
rows to judgements.tsv. Judgements whose finding no longer appears are listed as "gone" (a fixed
false positive, or a lost true positive if the verdict was yes).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CLI = REPO / ".venv" / "bin" / "contentlint"
START, END = "<!-- table:start -->", "<!-- table:end -->"


def brands() -> list[Path]:
    return sorted(p.parent for p in HERE.glob("*/.contentlint.yaml"))


def brand_langs() -> dict[str, str]:
    """brand folder -> the `lang` its config declares (en when it declares none)."""
    import yaml

    langs = {}
    for brand in brands():
        config = yaml.safe_load((brand / ".contentlint.yaml").read_text(encoding="utf-8")) or {}
        langs[brand.name] = str(config.get("lang") or "en")
    return langs


def run_checks() -> None:
    for brand in brands():
        for fmt, out in (("json", "findings.json"), ("text", "findings.txt")):
            proc = subprocess.run(
                [str(CLI), "check", "--no-cache", "--format", fmt, "posts"],
                cwd=brand,
                capture_output=True,
                text=True,
            )
            if proc.returncode not in (0, 1):
                sys.exit(f"contentlint failed in {brand.name} (exit {proc.returncode}):\n{proc.stderr}")
            (brand / out).write_text(proc.stdout, encoding="utf-8")


def default_rules() -> dict[str, tuple[str, str, bool]]:
    """code -> (name, default severity, on by default) from `contentlint rules`."""
    proc = subprocess.run([str(CLI), "rules"], capture_output=True, text=True, check=True)
    rules = {}
    for line in proc.stdout.splitlines():
        m = re.match(r"([A-Z]{2}\d{3})\s+(\S+)\s+\S+\s+(error|warning|suggestion)\b(.*)", line)
        if m:
            rules[m[1]] = (m[2], m[3], "(off)" not in m[4])
    return rules


def load_findings() -> list[dict]:
    found = []
    for brand in brands():
        data = json.loads((brand / "findings.json").read_text(encoding="utf-8"))
        for err in data.get("errors", []):
            print(f"warning: {brand.name}: could not read {err['path']}: {err['message']}", file=sys.stderr)
        for v in data["violations"]:
            v = dict(v)
            v["path"] = f"{brand.name}/{v['path']}"
            v["excerpt"] = excerpt(HERE / v["path"], v["line"], v["column"])
            found.append(v)
    return found


def excerpt(path: Path, line: int, column: int, width: int = 50) -> str:
    try:
        text = path.read_text(encoding="utf-8").splitlines()[line - 1]
    except (OSError, IndexError):
        return ""
    return text[column - 1 : column - 1 + width].replace("\t", " ")


def load_judgements() -> list[dict]:
    with open(HERE / "judgements.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    for r in rows:
        r["line"], r["column"] = int(r["line"]), int(r["column"])
        r["verdict"] = r["verdict"].strip().lower()
        if r["verdict"] not in ("yes", "no"):
            sys.exit(f"judgements.tsv: verdict must be yes or no: {r}")
    return rows


def match(findings: list[dict], judgements: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    exact = {(j["path"], j["line"], j["column"], j["code"]): j for j in judgements}
    loose = defaultdict(list)
    for j in judgements:
        loose[(j["path"], j["line"], j["code"])].append(j)
    used, pairs, unjudged = set(), [], []
    for f in findings:
        j = exact.get((f["path"], f["line"], f["column"], f["code"]))
        if j is None:
            cands = [c for c in loose[(f["path"], f["line"], f["code"])] if id(c) not in used]
            j = cands[0] if len(cands) == 1 else None
        if j is None or id(j) in used:
            unjudged.append(f)
        else:
            used.add(id(j))
            pairs.append((f, j))
    gone = [j for j in judgements if id(j) not in used]
    return pairs, unjudged, gone


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (max(0.0, c - h), min(1.0, c + h))


def pct(k: int, n: int) -> str:
    return f"{100 * k / n:.0f}%" if n else "n/a"


def table(findings, pairs, unjudged, gone, rules) -> str:
    per = defaultdict(lambda: {"n": 0, "judged": 0, "yes": 0, "unjudged": 0, "sev": set()})
    for f in findings:
        per[f["code"]]["n"] += 1
        per[f["code"]]["sev"].add(f["severity"])
    for f, j in pairs:
        per[f["code"]]["judged"] += 1
        per[f["code"]]["yes"] += j["verdict"] == "yes"
    for f in unjudged:
        per[f["code"]]["unjudged"] += 1
    out = [
        "| code | name | default severity | reported as | findings | judged | worth acting on | precision |",
        "|---|---|---|---|---:|---:|---:|---:|",
    ]
    for code in sorted(per, key=lambda c: (-per[c]["n"], c)):
        p = per[code]
        name, sev, _ = rules.get(code, ("?", "?", True))
        out.append(
            f"| {code} | {name} | {sev} | {', '.join(sorted(p['sev']))} | {p['n']} | {p['judged']} "
            f"| {p['yes']} | {pct(p['yes'], p['judged'])} |"
        )
    silent = [c for c, (_, _, on) in sorted(rules.items()) if on and c not in per]
    out.append("")
    out.append(f"Rules on by default with no finding on this set: {', '.join(silent) or 'none'}.")
    out.append("")

    def line(label, sel):
        k = sum(j["verdict"] == "yes" for f, j in sel)
        n = len(sel)
        lo, hi = wilson(k, n)
        return f"| {label} | {n} | {k} | {pct(k, n)} | {100 * lo:.0f}%-{100 * hi:.0f}% |"

    out += [
        "| scope | judged findings | worth acting on | precision | 95% Wilson interval |",
        "|---|---:|---:|---:|---|",
        line("all findings", pairs),
        line("errors + warnings (as reported)", [(f, j) for f, j in pairs if f["severity"] in ("error", "warning")]),
        line("errors only", [(f, j) for f, j in pairs if f["severity"] == "error"]),
        line("suggestions only", [(f, j) for f, j in pairs if f["severity"] == "suggestion"]),
        line("all, without HT006 (config policy)", [(f, j) for f, j in pairs if f["code"] != "HT006"]),
        line("all, without HT004 (hashtag-casing suggestions)", [(f, j) for f, j in pairs if f["code"] != "HT004"]),
    ]
    langs = brand_langs()
    for lang in sorted(set(langs.values())):
        names = ", ".join(sorted(b for b, code in langs.items() if code == lang))
        out.append(
            line(
                f"brands whose config says lang: {lang} ({names})",
                [(f, j) for f, j in pairs if langs.get(f["path"].split("/")[0]) == lang],
            )
        )
    out.append("")
    out.append(
        f"Findings: {len(findings)}; judged: {len(pairs)}; unjudged: {len(unjudged)}; "
        f"judgements with no finding any more (gone): {len(gone)}."
    )
    if unjudged:
        out += ["", "Unjudged findings (add them to judgements.tsv):", ""]
        out += [
            f"- unjudged `{f['path']}:{f['line']}:{f['column']}` {f['code']} ({f['severity']}) "
            f"`{f['excerpt']}`: {f['message']}"
            for f in unjudged
        ]
    if gone:
        out += ["", "Judged findings that no longer appear:", ""]
        out += [
            f"- gone `{j['path']}:{j['line']}:{j['column']}` {j['code']} (was {j['verdict']}): {j['reason']}"
            for j in gone
        ]
    return "\n".join(out)


def main() -> None:
    global HERE  # the evaluation set every function reads from
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-run", action="store_true", help="score the existing findings.json files")
    ap.add_argument("--update-results", action="store_true", help="rewrite the table block in RESULTS.md")
    ap.add_argument("--set", type=Path, default=HERE, help="evaluation set folder (default: this one)")
    args = ap.parse_args()
    HERE = args.set.resolve()
    if not args.no_run:
        run_checks()
    rules = default_rules()
    findings = load_findings()
    pairs, unjudged, gone = match(findings, load_judgements())
    text = table(findings, pairs, unjudged, gone, rules)
    print(text)
    if args.update_results:
        res = HERE / "RESULTS.md"
        body = res.read_text(encoding="utf-8")
        if START not in body or END not in body:
            sys.exit("RESULTS.md has no table markers")
        head, rest = body.split(START, 1)
        _, tail = rest.split(END, 1)
        res.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
