"""Golden files: every output format on the examples/ content repo, byte for byte.

Regenerate after an intended change, then review the diff:

    CONTENTLINT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import REPO

from contentlint.formatters import FORMATS

EXAMPLES = REPO / "examples"
GOLDEN = REPO / "tests" / "golden"


def render(output_format: str) -> str:
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "contentlint",
            "check",
            "--no-cache",
            "--jobs",
            "1",
            "--format",
            output_format,
            "posts",
            "calendar.csv",
        ],
        cwd=EXAMPLES,
        env={**env, "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode in (1, 2), result.stderr  # the examples hold problems (and one bad CSV row) on purpose
    return result.stdout


@pytest.mark.parametrize("output_format", FORMATS)
def test_golden_output(output_format: str) -> None:
    golden = GOLDEN / f"examples.{output_format}"
    actual = render(output_format)
    if os.environ.get("CONTENTLINT_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8", newline="")
    assert golden.exists(), f"missing {golden}; run with CONTENTLINT_UPDATE_GOLDEN=1"
    assert actual == golden.read_text(encoding="utf-8"), (
        f"{output_format} output changed; if intended: CONTENTLINT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py"
    )


def test_junit_counts_match_json() -> None:
    import json
    import xml.etree.ElementTree as ElementTree

    data = json.loads((GOLDEN / "examples.json").read_text(encoding="utf-8"))
    root = ElementTree.fromstring((GOLDEN / "examples.junit").read_text(encoding="utf-8"))
    failures = sum(int(suite.get("failures", 0)) for suite in root.iter("testsuite"))
    assert failures == len(data["violations"])
