"""Date mentions: month names, patterns for full dates and years, and parsing to `date`."""

from __future__ import annotations

import re
from datetime import date

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_NUMBER = {m.lower(): i for i, m in enumerate(MONTHS, 1)}
_MONTH_NUMBER.update({m.lower()[:3]: i for i, m in enumerate(MONTHS, 1)})
_MONTH_NUMBER["sept"] = 9
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"

# Longest forms first: "18 May 1756", "May 18, 1756", "May 1756", a bare month, a decade, a year.
DATE_PATTERN = re.compile(
    rf"\b(?:{_DAY}\s+{_MONTH},?\s+{_YEAR}"
    rf"|{_MONTH}\s+{_DAY},?\s+{_YEAR}"
    rf"|{_MONTH}\s+(?:of\s+)?{_YEAR}"
    rf"|{_DAY}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    rf"|(?:January|February|March|April|June|July|August|September|October|November|December)\s+{_DAY}(?![\d,])"
    rf"|(?:the\s+)?{_YEAR}s"
    rf"|{_YEAR}(?:\s*[-–]\s*(?:{_YEAR}|[0-9]{{2}}))?"
    rf"|(?:January|February|March|April|June|July|August|September|October|November|December))\b"
)
_ISO = re.compile(rf"^({_YEAR})-([01][0-9])-([0-3][0-9])$")
_DMY = re.compile(rf"^({_DAY})\s+({_MONTH}),?\s+({_YEAR})$", re.I)
_MDY = re.compile(rf"^({_MONTH})\s+({_DAY}),?\s+({_YEAR})$", re.I)


def _day(token: str) -> int:
    return int(re.match(r"\d+", token).group())  # type: ignore[union-attr]


def _month(token: str) -> int:
    return _MONTH_NUMBER[token.lower().rstrip(".")[: 4 if token.lower().startswith("sept") else 3]]


def parse_date(text: str) -> date | None:
    """Parse '10 May 2021', 'May 10, 2021' or '2021-05-10' (and nothing vaguer) to a date."""
    text = text.strip()
    try:
        if m := _ISO.match(text):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _DMY.match(text):
            return date(int(m.group(3)), _month(m.group(2)), _day(m.group(1)))
        if m := _MDY.match(text):
            return date(int(m.group(3)), _month(m.group(1)), _day(m.group(2)))
    except (ValueError, KeyError):
        return None
    return None


def year_of(text: str) -> int | None:
    """The first four-digit year in a date mention, if any."""
    m = re.search(_YEAR, text)
    return int(m.group()) if m else None
