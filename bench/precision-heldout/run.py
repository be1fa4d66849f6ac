#!/usr/bin/env python3
"""Re-run contentlint on the held-out precision set (120 posts, 7 brands, judged before any rule
was tuned on them) and score it against judgements.tsv: bench/precision/run.py with this folder.

    .venv/bin/python bench/precision-heldout/run.py [--no-run] [--update-results]
"""

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.argv[1:1] = ["--set", str(HERE)]
runpy.run_path(str(HERE.parent / "precision" / "run.py"), run_name="__main__")
