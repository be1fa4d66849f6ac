"""What a post gets when its front matter does not say: from the command line, else the config."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Defaults:
    channels: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    lang: str | None = None
