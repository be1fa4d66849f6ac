"""What the command line says about how a report looks, beside the report itself."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RenderOptions:
    """Every formatter receives the same options and uses the ones that mean something to it.

    `colour`: ANSI colours (the CLI sets it for a terminal without NO_COLOR); `statistics`: a
    count of problems per rule; `quiet`: problems only, no summary.
    """

    colour: bool = False
    statistics: bool = False
    quiet: bool = False
