#!/usr/bin/env python3
"""Write the real-post sample as a content repo per brand, outside this repository.

    python bench/precision-real/sample.py OUT            # the development sample (tuned on)
    python bench/precision-real/sample.py OUT --heldout  # tweets drawn from the rest (never tuned on)

The posts are real published copy nobody on this project wrote, from
`../shared/corpora/published-dev/` (see its README): they are never copied into this repository.
This script is the sample's definition:

- brand tweets (`brand-tweets-dev.csv`): 150 of Nestle's and 100 of Merck's tweets, drawn with
  `random.Random(SEED).sample` over the rows in file order (every crowd label kept, replies
  included), after dropping rows that repeat an earlier row of the same account letter for letter
  once case, spaces and punctuation are set aside (the export holds some tweets twice, the same
  short link included: one tweet, not two posts); text `html.unescape`d, the export's mojibake left
  as it is (that is the real copy).
  Channel `x`; no publish date (the export has none: each is an undated draft).
- Instagram captions (`veg3_instagram.csv`): all 76, channel `instagram`, `publish_at` from
  `Publish time` (month/day/year).

The held-out sample (`--heldout`) draws 100 Nestle and 60 Merck tweets from the rows the
development sample did not take (`random.Random(HELDOUT_SEED)`), after the same de-duplication
and after dropping any tweet whose text equals one in the development sample; it was drawn and
judged after every fix to the rules had been made, to show what tuning on the first sample is
worth on posts it never saw.

Each post is `<OUT>/<brand>/posts/<id>.md`, the id being `<brand>-<row number>` (tweets, the row
in the CSV counted from 1) or the Instagram post id. Each brand gets the config in
`configs/<brand>.yaml`, written before the first run and not tuned after.
"""

from __future__ import annotations

import csv
import html
import random
import shutil
import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent.parent / "shared" / "corpora" / "published-dev"
SEED = 17
TWEETS = {"Nestle": ("nestle", 150), "Merck": ("merck", 100)}
HELDOUT_SEED = 23
HELDOUT = {"Nestle": 100, "Merck": 60}


def front_matter(fields: dict[str, str]) -> str:
    return "---\n" + "".join(f"{key}: {value}\n" for key, value in fields.items()) + "---\n"


def write(out: Path, brand: str, name: str, fields: dict[str, str], text: str) -> None:
    folder = out / brand / "posts"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.md").write_text(front_matter(fields) + text.strip() + "\n", encoding="utf-8")


def tweets(rows: list[dict[str, str]], account: str) -> list[tuple[int, dict[str, str]]]:
    """An account's rows (numbered from 1), each text once (case, spaces and punctuation aside)."""
    numbered, seen = [], set()
    for number, row in enumerate(rows, 1):
        key = "".join(ch for ch in html.unescape(row["text"]).lower() if ch.isalnum())
        if row["screenname"] == account and key not in seen:
            seen.add(key)
            numbered.append((number, row))
    return numbered


def main(out: Path, heldout: bool = False) -> int:
    if not SHARED.is_dir():
        print(f"not found: {SHARED}", file=sys.stderr)
        return 2
    if out.exists():
        shutil.rmtree(out)
    with open(SHARED / "brand-tweets-dev.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for account, (brand, size) in TWEETS.items():
        numbered = tweets(rows, account)
        chosen = random.Random(SEED).sample(numbered, size)
        if heldout:
            taken = {number for number, _ in chosen}
            rest = [(number, row) for number, row in numbered if number not in taken]
            chosen = random.Random(HELDOUT_SEED).sample(rest, HELDOUT[account])
        for number, row in chosen:
            write(out, brand, f"{brand}-{number}", {"channel": "x"}, html.unescape(row["text"]))
    brands = ("nestle", "merck")
    if not heldout:
        brands += ("veg3",)
        with open(SHARED / "veg3_instagram.csv", encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                when = datetime.strptime(row["Publish time"], "%m/%d/%Y %H:%M")
                fields = {"channel": "instagram", "publish_at": when.strftime("%Y-%m-%dT%H:%M")}
                write(out, "veg3", f"veg3-{row['Post ID']}", fields, row["Description"])
    for brand in brands:
        shutil.copy(HERE / "configs" / f"{brand}.yaml", out / brand / ".contentlint.yaml")
    print(f"wrote the sample to {out}")
    return 0


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--heldout"]
    sys.exit(main(Path(arguments[0] if arguments else "/tmp/precision-real"), "--heldout" in sys.argv))
