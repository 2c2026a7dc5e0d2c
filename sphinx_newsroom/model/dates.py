"""Parse the date forms real Hugo and Jekyll sites use into aware datetimes."""

from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(
    r"""^\s*
    (?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?
    (?:(?:T|\s+)
        (?P<H>\d{1,2})[:时](?P<M>\d{2})分?(?::(?P<S>\d{2})(?:[.,](?P<f>\d{1,9}))?)?秒?
    )?
    \s*(?P<tz>Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?
    \s*$""",
    re.VERBOSE | re.IGNORECASE,
)


class DateError(ValueError):
    """A value that is not a date."""


def parse_datetime(value: object, default_tz: dt.tzinfo) -> dt.datetime:
    """Return ``value`` as an aware datetime; naive and date-only values get ``default_tz``.

    Raises ``DateError`` with a reader-facing reason when ``value`` is not a date.
    """
    if isinstance(value, dt.datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=default_tz)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=default_tz)
    if not isinstance(value, str):
        raise DateError(f"expected a date, got {type(value).__name__}")
    text = value.strip()
    if not text:
        raise DateError("the date is empty")
    match = _DATE.match(text)
    if match is None:
        raise DateError(f"{text[:60]!r} is not a date (use e.g. 2025-07-02T15:40:04+08:00)")
    parts = match.groupdict()
    tz = _zone(parts["tz"]) or default_tz
    micro = int((parts["f"] or "0")[:6].ljust(6, "0"))
    try:
        return dt.datetime(
            int(parts["y"]), int(parts["m"]), int(parts["d"]),
            int(parts["H"] or 0), int(parts["M"] or 0), int(parts["S"] or 0), micro, tzinfo=tz,
        )
    except ValueError as error:
        raise DateError(f"{text[:60]!r} is not a valid date: {error}") from None


def _zone(text: str | None) -> dt.tzinfo | None:
    if not text:
        return None
    if text.upper() in {"Z", "UTC", "GMT"}:
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = (int(digits), 0) if len(digits) <= 2 else (int(digits[:-2]), int(digits[-2:]))
    if hours > 23 or minutes > 59:
        raise DateError(f"{text!r} is not a time-zone offset")
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
