"""Where the built-in rule pack, channel profiles and word lists live.

Installed, `rules/` sits inside the package (the wheel force-includes it); in a checkout it sits
beside the package folder.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def builtin_rules_dir() -> Path:
    package = Path(__file__).resolve().parent.parent
    packaged = package / "rules"
    return packaged if packaged.is_dir() else package.parent / "rules"


def default_channels_path() -> Path:
    """The packaged `rules/channels.yaml`."""
    return builtin_rules_dir() / "channels.yaml"
