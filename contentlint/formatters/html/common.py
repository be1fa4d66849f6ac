"""What the parts of the HTML report share: severity labels and ISO week keys."""

from __future__ import annotations

from datetime import date

SEVERITY_LABELS = {"error": "\u2716 Error", "warning": "\u25b2 Warning", "suggestion": "\u25cf Suggestion"}


def week(when: date | None) -> str:
    if when is None:
        return "no date"
    year, number, _ = when.isocalendar()
    return f"{year:04d}-W{number:02d}"  # fixed width: keys sort as dates and parse back by position
