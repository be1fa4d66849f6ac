"""Summarise a py-spy `--format raw` profile (collapsed stacks) into hot spots per module.

    bench/.venv-peers/bin/py-spy record -r 200 --format raw -o /tmp/cold.txt -- \\
        .venv/bin/python -m contentlint check --no-cache -q -j 1 posts
    python bench/profile_summary.py /tmp/cold.txt [--top 20]

cProfile inflates pure-Python code (PyYAML, emoji's tokenizer) several times more than C code
(regex), so its proportions mislead; sampling does not. Each sample is charged to the deepest
contentlint frame on its stack (library time counts for the contentlint code that called it) and,
separately, to the package of the frame actually running.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

FRAME = re.compile(r"^(?P<func>.*) \((?P<file>[^:()]+)(?::\d+)?\)$")


def package_of(file: str) -> str:
    """contentlint modules by name (`contentlint/kinds/brand.py` -> kinds/brand); libraries by package."""
    if file.startswith("contentlint/"):
        return file[len("contentlint/") :].removesuffix(".py")
    if "site-packages/" in file:
        return file.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    return "stdlib: " + Path(file).stem if file.endswith(".py") or file.startswith("<frozen") else file


def parse(path: Path) -> list[tuple[list[tuple[str, str]], int]]:
    stacks = []
    for line in path.read_text(encoding="utf-8").splitlines():
        body, _, count = line.rpartition(" ")
        if not body or not count.isdigit():
            continue
        frames = []
        for raw in body.split(";"):
            match = FRAME.match(raw.strip())
            frames.append((match["func"], match["file"]) if match else (raw, "?"))
        stacks.append((frames, int(count)))
    return stacks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profile", type=Path)
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    stacks = parse(args.profile)
    total = sum(count for _, count in stacks) or 1
    owner: Counter[str] = Counter()  # deepest contentlint function, library time included
    owner_module: Counter[str] = Counter()
    running: Counter[str] = Counter()  # package of the frame on top
    for frames, count in stacks:
        ours = [(f, file) for f, file in frames if file.startswith("contentlint/")]
        if ours:
            func, file = ours[-1]
            owner[f"{package_of(file)}: {func}"] += count
            owner_module[package_of(file)] += count
        else:
            owner["(outside contentlint: start-up, click)"] += count
            owner_module["(outside contentlint)"] += count
        running[package_of(frames[-1][1])] += count

    def table(title: str, counter: Counter[str]) -> None:
        print(f"\n| {title} | share | samples |\n|---|---|---|")
        for name, count in counter.most_common(args.top):
            print(f"| {name} | {100 * count / total:.1f}% | {count} |")

    print(f"{total} samples")
    table("contentlint module (with the library calls it makes)", owner_module)
    table("contentlint function (with the library calls it makes)", owner)
    table("package running on top of the stack", running)


if __name__ == "__main__":
    main()
