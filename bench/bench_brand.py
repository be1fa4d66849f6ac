"""Brand and audience rules (BR001-BR008, AU001-AU003) on 10,000 generated posts, beside the
bare spaCy blank tokenizer on the same posts in the same process.

    .venv/bin/python bench/bench_brand.py [--posts 10000] [--seed 7]

Posts are generated in-process from realistic English and Bengali brand-post templates (offers
with asterisks, claims, sponsored posts, brand-name misspellings, hashtags, links). The rules
run on parsed documents: "cold" documents make the rules pay for the URL, mention and hashtag
extraction behind `doc.plain` (as when only brand rules are selected); "warm" documents have it
computed already (as in a full run, where other rules need it too). Prints a markdown table.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CONFIG = {
    "brand": {
        "name": "InkWell",
        "pillars": {
            "smooth writing": ["smooth", "glide", "quick-dry", "মসৃণ"],
            "lasting quality": ["durable", "refill"],
        },
        "terms": {
            "prefer": {"cheap": "affordable", "e-mail": "email", "সস্তা": "সাশ্রয়ী"},
            "avoid": {"cash cow": "slang", "biro": "trademark"},
            "competitors": ["Quillco", "কলমঘর"],
        },
    },
    "hashtags": {"brand": ["#InkWell"]},
    "audiences": {
        "students": {"channels": ["instagram", "x", "facebook"]},
        "professionals": {"channels": ["linkedin", "x"]},
    },
}
BRAND = ["InkWell", "InkWell", "InkWell", "Inkwell", "Ink Well", "INKWELL"]
EN = [
    "Exams are coming. Our gel pens {glide} and dry in a second, so your notes stay clean. {wish}",
    "{brand}'s new pastel set is here: twelve soft colours for your journal. {offer}",
    "Looking for {cheap} pens that don't skip? Our refill packs last the whole term.",
    "The {claim} gel pen you will ever own. Smudge-free notes for every lecture.",
    "We're hiring! {brand} is looking for a supply chain analyst in Kolkata. Apply: https://inkwell.in/careers",
    "Switching from Quillco? Bring any empty pen to our store and take 20% off a new fountain pen.",
    "Questions about bulk orders? Drop us an e-mail at sales@inkwell.in and we reply within a day.",
    "My desk setup for this term ✍️ These @inkwell pens {glide} like nothing else. Use code PRIYA10. #studygram",
    "Refills are not our cash cow; they keep a good pen in use for a lifetime.",
]
BN = [
    "পরীক্ষা আসছে। আমাদের জেল পেন এক সেকেন্ডে শুকিয়ে যায়, লেখা থাকে মসৃণ। {wish_bn}",
    "পুজোর অফার! সব জেল পেনে ২০% ছাড়*। আজই দোকানে আসুন।{note_bn}",
    "সস্তা কলমে নোট নষ্ট করবেন না। আমাদের রিফিল চলে পুরো সেমিস্টার।",
    "দেশের সেরা জেল পেন এখন আপনার হাতের নাগালে। {brand} এর নতুন রং দেখুন।",
    "শুভ নববর্ষ! নতুন বছরে নতুন খাতা, নতুন কলম আর নতুন স্বপ্ন। {brand} পরিবারের পক্ষ থেকে শুভেচ্ছা।",
]
TAGS = ["#InkWell", "#BackToSchool", "#Stationery", "#studygram", "#ad", ""]


def generate(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    posts = []
    for index in range(count):
        bengali = index % 3 == 0
        template = rng.choice(BN if bengali else EN)
        body = template.format(
            brand=rng.choice(BRAND),
            glide=rng.choice(["glide", "glides", "write"]),
            wish=rng.choice(["All the best for your finals!", "Best wishes!", ""]),
            offer=rng.choice(
                ["Now ₹1600* only.", "Now ₹1600* only.\n\n*T&C apply.", "Shop: https://inkwell.in/pastels"]
            ),
            cheap=rng.choice(["cheap", "cheaper", "affordable"]),
            claim=rng.choice(["fastest-drying", "smoothest", "best"]),
            wish_bn=rng.choice(["সবাইকে শুভকামনা!", ""]),
            note_bn=rng.choice(["\n\n*শর্ত প্রযোজ্য।", ""]),
        )
        tags = " ".join(rng.sample(TAGS, 2)).strip()
        channel = rng.choice(["instagram", "x", "facebook", "linkedin"])
        audience = rng.choices(["students", "professionals", "studnets", None], [48, 40, 2, 10])[0]
        front = [f"channel: {channel}"] + ([f"audience: {audience}"] if audience else [])
        if rng.random() < 0.1:
            front.append("sponsored: true")
        if bengali:
            front.append("lang: bn")
        posts.append("---\n" + "\n".join(front) + "\n---\n" + f"{body} {tags}".strip() + "\n")
    return posts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    from contentlint.config.load import load_config
    from contentlint.run import RunOptions
    from contentlint.text.document import parse_document
    from contentlint.workspace import Workspace

    texts = generate(args.posts, args.seed)
    linter = Workspace(load_config(CONFIG), options=RunOptions())
    # The brand and audience rules a default run has on (BR005 off-brand is off by default).
    checks = [rule.check for rule in linter.engine.rules_for("post.md") if rule.spec.code[:2] in ("BR", "AU")]
    context = linter.engine.context

    def parse_all() -> list:
        return [parse_document(f"post{i}.md", text) for i, text in enumerate(texts)]

    def run_rules(docs: list) -> tuple[float, int]:
        started = time.perf_counter()
        found = 0
        for doc in docs:
            for check in checks:
                found += sum(1 for _ in check.check(doc, context))
        return time.perf_counter() - started, found

    run_rules(parse_all()[:200])  # compile matchers, load word lists
    cold_docs = parse_all()
    cold, findings = run_rules(cold_docs)
    warm_docs = parse_all()
    for doc in warm_docs:
        _ = doc.plain, doc.hashtags("x"), doc.urls
    warm, _ = run_rules(warm_docs)

    import spacy

    pipelines = {"en": spacy.blank("en"), "bn": spacy.blank("bn")}
    bodies = [(doc.lang if doc.lang in pipelines else "en", doc.body) for doc in warm_docs]
    for lang, body in bodies[:200]:
        pipelines[lang].make_doc(body)
    started = time.perf_counter()
    for lang, body in bodies:
        pipelines[lang].make_doc(body)
    tokenizer = time.perf_counter() - started

    count = len(texts)
    rows = [
        ("spaCy blank tokenizer (make_doc)", tokenizer, 1.0),
        ("brand + audience rules, warm docs", warm, warm / tokenizer),
        ("brand + audience rules, cold docs (incl. URL/hashtag extraction)", cold, cold / tokenizer),
    ]
    print(
        f"{count:,} posts ({sum(1 for d in warm_docs if d.lang == 'bn'):,} Bengali), {len(checks)} rules, "
        f"{findings:,} findings\n"
    )
    print("| what | seconds | posts/s | us/post | x tokenizer |")
    print("|---|---:|---:|---:|---:|")
    for name, seconds, ratio in rows:
        print(f"| {name} | {seconds:.3f} | {count / seconds:,.0f} | {seconds / count * 1e6:.1f} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
