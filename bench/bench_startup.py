"""Start-up and small-repo wall time, beside `python -c "import spacy"` measured in the same run.

    python bench/bench_startup.py [--runs 7]

Prints a markdown table of medians. The machine is shared and noisy: read the ratios, not the
absolute numbers.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHANNELS = ["x", "instagram", "linkedin", "facebook", "threads", "bluesky"]
OPENERS = [
    "Exams are coming.",
    "New colours just dropped.",
    "Working from home this week?",
    "পরীক্ষা আসছে।",
    "Gift season is here.",
    "Meet the Studio pen.",
]
MIDDLES = [
    "Our gel pens dry in a second, so your notes stay clean.",
    "Refills last a whole term and the grip stays comfortable.",
    "আমাদের জেল পেন এক সেকেন্ডে শুকিয়ে যায়।",
    "Every pen ships in recycled packaging.",
    "Tell us which colour you would pick first.",
]
TAGS = ["#BackToSchool", "#InkWell", "#StudyTips", "#Stationery", "#ইঙ্কওয়েল"]


def write_posts(folder: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        body = " ".join([rng.choice(OPENERS), *rng.sample(MIDDLES, 2), *rng.sample(TAGS, 2)])
        channel = rng.choice(CHANNELS)
        (folder / f"post-{index:05d}.md").write_text(
            f"---\nchannel: {channel}\npublish_at: 2026-12-{1 + index % 28:02d}\n---\n{body} {index}\n",
            encoding="utf-8",
        )


def timed(command: list[str], cwd: Path, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        write_posts(root / "one", 1)
        write_posts(root / "thousand", 1000)
        (root / ".contentlint.yaml").write_text("rules: {}\n", encoding="utf-8")
        rows = [
            ("python -c pass", [python, "-c", "pass"]),
            ('python -c "import spacy"', [python, "-c", "import spacy"]),
            ("python -c \"import spacy; spacy.blank('en')\"", [python, "-c", "import spacy; spacy.blank('en')"]),
            ("contentlint --version", [python, "-m", "contentlint", "--version"]),
            (
                "import the hashtag segmenter",
                [python, "-c", "import contentlint.text.hashtag_words"],
            ),
            (
                "import it and load its vocabulary (HT004, once per hook run)",
                [python, "-c", "from contentlint.text.hashtag_words import word_counts; word_counts()"],
            ),
            (
                "contentlint check (1 post, no NLP rules)",
                [python, "-m", "contentlint", "check", "--no-cache", "--select", "FM,BV001,HT", "one"],
            ),
            ("contentlint check (1 post, default rules)", [python, "-m", "contentlint", "check", "--no-cache", "one"]),
            (
                "contentlint check (1,000 posts, default rules)",
                [python, "-m", "contentlint", "check", "--no-cache", "thousand"],
            ),
        ]
        results = [(label, timed(command, root, args.runs)) for label, command in rows]
    baseline = dict(results)['python -c "import spacy"']
    print(f"| command (median of {args.runs}) | wall | vs `import spacy` |")
    print("|---|---|---|")
    for label, seconds in results:
        print(f"| {label} | {seconds:.3f} s | {seconds / baseline:.2f}x |")


if __name__ == "__main__":
    main()
