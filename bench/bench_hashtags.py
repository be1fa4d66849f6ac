"""Throughput of the hashtag rules (HT001-HT008) on generated posts, printed as a markdown table.

    python bench/bench_hashtags.py [--posts 10000] [--seed 7]

Posts are generated in-process: English and Bengali (about one in four) marketing copy for
every channel, zero to eight tags each, with run-together, PascalCase, banned, duplicate,
hyphenated, glued and year-only tags mixed in, URLs with fragments and Markdown headings.
Each row parses every post afresh (so per-post caches do not flatter later rows) and runs one
rule; "parse only" is the baseline every row includes. One process, warm imports.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from contentlint.config.load import load_config  # noqa: E402
from contentlint.run import RunOptions  # noqa: E402
from contentlint.text.document import parse_document  # noqa: E402
from contentlint.workspace import Workspace  # noqa: E402

CHANNELS = ["x", "instagram", "linkedin", "facebook", "threads", "bluesky", "mastodon", "tiktok", "youtube"]
EN_SENTENCES = [
    "Exams are coming and our quick-dry gel pens keep every page clean.",
    "Meet Aurora, a fountain pen in five ocean colours.",
    "Our refills now come in recycled paper packaging.",
    "Join us this Saturday for a free hand-lettering workshop.",
    "We're hiring a product designer for our Kolkata team.",
    "New week, new page: what are you writing first?",
    "Behind the scenes at the workshop where every nib is polished by hand.",
    "Win a year of stationery: tag a friend who still takes notes by hand.",
    "Prices and sizes at inkwell.com/#pricing for every range.",
    "Voted the #1 pen for students in the 2026 Campus Awards.",
]
BN_SENTENCES = [
    "পূজার অফার! আমাদের নতুন জেল পেন এক সেকেন্ডে শুকিয়ে যায়।",
    "ঈদ সেল শুরু! সব কলমে ২০% ছাড়, শুধু এই সপ্তাহে।",
    "নতুন ক্লাস, নতুন খাতা! স্কুলের প্রথম দিনের জন্য তৈরি তো?",
    "র‍্যাপিড ড্রাই জেল পেন এখন দোকানে।",
]
EN_TAGS = [
    "#InkWell",
    "#BackToSchool",
    "#backtoschool",
    "#Stationery",
    "#fountainpen",
    "#GelPens",
    "#zerowaste",
    "#MondayMotivation",
    "#StudyTips",
    "#followforfollow",
    "#summer-sale",
    "#2026",
    "#penaddict",
    "#HandLettering",
    "#Sustainability",
    "#OOTD",
    "#stationerylove",
    "#giveaway",
    "#tagafriend",
]
BN_TAGS = ["#পূজা_অফার", "#ঈদসেল", "#বাংলা", "#র‍্যাপিড_ড্রাই", "#দুর্গাপূজা", "#InkWell"]
CONFIG = {
    "brand": {"name": "InkWell", "pillars": {"smooth writing": ["smooth", "glide", "quick-dry"]}},
    "hashtags": {
        "brand": ["#InkWell"],
        "approved": ["#BackToSchool", "#Stationery"],
        "banned": ["#followforfollow"],
        "require_brand_on": ["instagram", "linkedin"],
    },
}
RULES = ["HT001", "HT002", "HT003", "HT004", "HT005", "HT006", "HT007", "HT008"]


def generate(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    posts = []
    for index in range(count):
        bengali = rng.random() < 0.25
        sentences, tags = (BN_SENTENCES, BN_TAGS) if bengali else (EN_SENTENCES, EN_TAGS)
        body = " ".join(rng.sample(sentences, rng.randint(1, min(3, len(sentences)))))
        chosen = rng.choices(tags, k=rng.randint(0, 8))
        if rng.random() < 0.2 and chosen:
            body = body.replace(" ", f" {chosen.pop()} ", 1)  # a tag inside a sentence
        if rng.random() < 0.05:
            body += " Meet us at the fair#StationeryShow."
        heading = "# New range\n\n" if rng.random() < 0.1 else ""
        channel = rng.choice(CHANNELS)
        posts.append(f"---\nchannel: {channel}\n---\n{heading}{body}\n\n{' '.join(chosen)}\n")
        if index % 2 == 0 and rng.random() < 0.1:
            posts[-1] = posts[-1].replace("channel: ", "channels: [x, ").replace("\n---\n", "]\n---\n", 1)
    return posts


def run(posts: list[str], codes: tuple[str, ...]) -> tuple[float, int]:
    linter = Workspace(load_config(CONFIG), options=RunOptions(select=codes)) if codes else None
    started = time.perf_counter()
    findings = 0
    for index, text in enumerate(posts):
        doc = parse_document(f"post{index}.md", text)
        if linter is not None:
            found, errors = linter.engine.lint_document(doc)
            assert not errors, errors
            findings += len(found)
        else:
            doc.prose  # noqa: B018 - parsing is the baseline
    return time.perf_counter() - started, findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    posts = generate(args.posts, args.seed)
    run(posts[:200], tuple(RULES))  # warm imports, vocabulary and lemma table
    rows = [("parse only", ())] + [(code, (code,)) for code in RULES] + [("all HT rules", tuple(RULES))]
    print(f"{len(posts)} generated posts (seed {args.seed}), Python {sys.version.split()[0]}\n")
    print("| rules | seconds | posts/s | findings |")
    print("|---|---:|---:|---:|")
    for label, codes in rows:
        seconds, findings = run(posts, codes)
        print(f"| {label} | {seconds:.2f} | {len(posts) / seconds:,.0f} | {findings:,} |")


if __name__ == "__main__":
    main()
