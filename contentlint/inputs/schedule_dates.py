"""Dates as schedulers and spreadsheets write them in an export's date column.

ISO 8601, `YYYY/MM/DD` and month names (`1 Dec 2026`, `Dec 1, 2026 10:00 AM`) are unambiguous.
`DD/MM/YYYY` vs `MM/DD/YYYY` (also with `.` or `-`) is decided per file by the file's own
unambiguous dates (`date_order`): a scheduler writes one convention per file. When the file never
settles it, or contradicts itself, an ambiguous date is left unparsed (FM003 reports it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from contentlint.text.document import parse_date

_TIME = r"(?:[ T,]+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?"
_NUMERIC_DMY = re.compile(r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<year>\d{4})" + _TIME + r"\Z")
_NUMERIC_YMD = re.compile(r"(?P<year>\d{4})[/.](?P<month>\d{1,2})[/.](?P<day>\d{1,2})" + _TIME + r"\Z")
_NAMED_DAY_FIRST = re.compile(
    r"(?:[A-Za-z]{3,9},?\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?[\s-]+(?P<mon>[A-Za-z]{3,9})\.?,?[\s-]+(?P<year>\d{4})"
    + _TIME
    + r"\Z"
)
_NAMED_MONTH_FIRST = re.compile(
    r"(?:[A-Za-z]{3,9},?\s+)?(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
    + _TIME
    + r"\Z"
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}


def parse_schedule_date(value: str, day_first: bool | None = None) -> datetime | None:
    """A scheduler's date: ISO 8601 or an unambiguous common form; None when unknown or ambiguous.

    `day_first` settles `01/12/2026`-style dates (True: 1 December); None leaves them unparsed
    unless day and month are equal or one of them is above 12.
    """
    text = " ".join(value.split())
    iso = parse_date(text)
    if iso is not None:
        return iso
    match = _NUMERIC_YMD.match(text)
    if match:
        return _build(match, int(match["year"]), int(match["month"]), int(match["day"]))
    match = _NUMERIC_DMY.match(text)
    if match:
        a, b = int(match["a"]), int(match["b"])
        if a > 12 or b > 12 or a == b:
            day, month = (a, b) if a > 12 or a == b else (b, a)
        elif day_first is None:
            return None
        else:
            day, month = (a, b) if day_first else (b, a)
        return _build(match, int(match["year"]), month, day)
    for pattern in (_NAMED_DAY_FIRST, _NAMED_MONTH_FIRST):
        match = pattern.match(text)
        if match and match["mon"].lower() in _MONTHS:
            return _build(match, int(match["year"]), _MONTHS[match["mon"].lower()], int(match["day"]))
    return None


def _build(match: re.Match[str], year: int, month: int, day: int) -> datetime | None:
    hour = int(match["hour"]) if match["hour"] else 0
    minute = int(match["minute"]) if match["minute"] else 0
    second = int(match["second"]) if match["second"] else 0
    ampm = (match["ampm"] or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def date_order(values: Iterator[str]) -> bool | None:
    """True when the file writes day/month, False month/day, None when it never says or contradicts itself."""
    evidence: set[bool] = set()
    for value in values:
        match = _NUMERIC_DMY.match(" ".join(value.split()))
        if not match:
            continue
        a, b = int(match["a"]), int(match["b"])
        if a > 12 >= b:
            evidence.add(True)
        elif b > 12 >= a:
            evidence.add(False)
    return evidence.pop() if len(evidence) == 1 else None
