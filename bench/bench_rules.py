"""Throughput of every default document rule together, beside spaCy's blank tokenizer alone.

    python bench/bench_rules.py [--corpus bench/corpora/10k] [--posts 10000] [--per-rule]

Reads the generated corpus (realistic InkWell posts, about three quarters English and one
quarter Bengali) into memory first, so disk time is not measured. Then, in one process:
- parse_document + Workspace.lint_document with every rule the default pack enables, under the
  corpus's own .contentlint.yaml (brand, hashtags, audiences), one warm-up pass first;
- spaCy `blank(lang).make_doc` on the same bodies (the cheapest thing spaCy can do per post).
Prints a markdown table of posts/second and the ratio; `--per-rule` adds each rule's share.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from contentlint.config.load import load_config  # noqa: E402
from contentlint.text.document import parse_document  # noqa: E402
from contentlint.workspace import Workspace  # noqa: E402


def load_posts(corpus: Path, limit: int) -> list[tuple[str, str]]:
    paths = sorted((corpus / "posts").rglob("*.md"))[:limit]
    return [(str(path.relative_to(corpus)), path.read_text(encoding="utf-8")) for path in paths]


def lint_all(linter: Workspace, posts: list[tuple[str, str]]) -> tuple[float, int]:
    found = 0
    start = time.perf_counter()
    for path, text in posts:
        doc = parse_document(path, text, default_lang=linter.engine.defaults.lang)
        violations, _errors = linter.engine.lint_document(doc)
        found += len(violations)
    return time.perf_counter() - start, found


def tokenize_all(posts: list[tuple[str, str]]) -> float:
    import spacy

    pipelines = {lang: spacy.blank(lang) for lang in ("en", "bn")}
    docs = [parse_document(path, text) for path, text in posts]
    bodies = [(pipelines.get(doc.lang, pipelines["en"]), doc.body) for doc in docs]
    start = time.perf_counter()
    for nlp, body in bodies:
        nlp.make_doc(body)
    return time.perf_counter() - start


def per_rule(linter: Workspace, posts: list[tuple[str, str]]) -> list[tuple[str, float]]:
    docs = [parse_document(path, text) for path, text in posts]
    rules = [rule for rule in linter.engine.rules_for("post.md") if not getattr(rule.check, "is_corpus", False)]
    timings = []
    for rule in rules:
        start = time.perf_counter()
        for doc in docs:
            list(rule.check.check(doc, linter.engine.context))
        timings.append((f"{rule.spec.code} {rule.spec.name}", time.perf_counter() - start))
    return sorted(timings, key=lambda item: -item[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT / "bench" / "corpora" / "10k"))
    parser.add_argument("--posts", type=int, default=10000)
    parser.add_argument("--per-rule", action="store_true")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    config_path = corpus / ".contentlint.yaml"
    linter = Workspace(load_config(str(config_path) if config_path.exists() else {}))
    posts = load_posts(corpus, args.posts)
    bengali = sum(1 for _, text in posts if "lang: bn" in text)
    rules = [r for r in linter.engine.rules_for("post.md") if not getattr(r.check, "is_corpus", False)]

    lint_all(linter, posts[:200])  # warm-up: imports, word lists, caches
    lint_seconds, found = lint_all(linter, posts)
    spacy_seconds = tokenize_all(posts)
    lint_rate, spacy_rate = len(posts) / lint_seconds, len(posts) / spacy_seconds

    print(f"{len(posts)} posts ({bengali} Bengali), {len(rules)} document rules, {found} findings\n")
    print("| what | seconds | posts/s | ratio to spaCy tokenizer |")
    print("|---|---|---|---|")
    print(
        f"| all default document rules (parse + lint) | {lint_seconds:.2f} | {lint_rate:,.0f} | {lint_rate / spacy_rate:.3f} |"
    )
    print(f"| spaCy blank tokenizer (make_doc) alone | {spacy_seconds:.2f} | {spacy_rate:,.0f} | 1.000 |")
    if args.per_rule:
        print("\n| rule | seconds | µs/post |")
        print("|---|---|---|")
        for name, seconds in per_rule(linter, posts):
            print(f"| {name} | {seconds:.3f} | {seconds / len(posts) * 1e6:.0f} |")


if __name__ == "__main__":
    main()
