"""Front-matter dates: time-zone offsets, fractions of a second, the reasons given.

Pure (no Sphinx build), so the mutation run (docs/testing.md) uses it.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

import pytest

from sphinx_newsroom.model.dates import DateError, parse_datetime

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("zone", "offset"),
    [
        ("Z", dt.timedelta(0)), ("z", dt.timedelta(0)), ("UTC", dt.timedelta(0)),
        ("utc", dt.timedelta(0)), ("GMT", dt.timedelta(0)), ("gmt", dt.timedelta(0)),
        ("+8", dt.timedelta(hours=8)), ("+08", dt.timedelta(hours=8)),
        ("-5", dt.timedelta(hours=-5)),
        ("+05:30", dt.timedelta(hours=5, minutes=30)),
        ("+0530", dt.timedelta(hours=5, minutes=30)),
        ("+530", dt.timedelta(hours=5, minutes=30)),  # India, written without the zero
        ("-09:30", dt.timedelta(hours=-9, minutes=-30)),
        ("+23:59", dt.timedelta(hours=23, minutes=59)),
    ],
)
def test_every_offset_form_is_read(zone, offset):
    when = parse_datetime(f"2025-07-02T10:00:00{zone}", SHANGHAI)
    assert when.utcoffset() == offset
    assert when.replace(tzinfo=None) == dt.datetime(2025, 7, 2, 10)


@pytest.mark.parametrize("zone", ["+24:00", "+24", "+05:60", "-99"])
def test_an_offset_of_a_day_or_more_or_of_60_minutes_is_refused(zone):
    with pytest.raises(DateError, match=f"^{re.escape(repr(zone))} is not a time-zone offset$"):
        parse_datetime(f"2025-07-02T10:00{zone}", SHANGHAI)


@pytest.mark.parametrize(
    ("fraction", "micro"),
    [(".5", 500_000), (".000001", 1), (",25", 250_000), (".123456789", 123_456)],
)
def test_fractions_of_a_second_are_microseconds(fraction, micro):
    when = parse_datetime(f"2025-07-02T10:00:00{fraction}Z", SHANGHAI)
    assert (when.second, when.microsecond) == (0, micro)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (20250101, "expected a date, got int"),
        (["2025-01-01"], "expected a date, got list"),
        ("   ", "the date is empty"),
        ("x" * 70, repr("x" * 60) + " is not a date (use e.g. 2025-07-02T15:40:04+08:00)"),
        ("2025" + " " * 60 + "-02-30",
         repr("2025" + " " * 56) + " is not a valid date: day is out of range for month"),
    ],
)
def test_a_value_that_is_no_date_says_why_quoting_at_most_60_characters(value, reason):
    with pytest.raises(DateError) as caught:
        parse_datetime(value, SHANGHAI)
    assert str(caught.value) == reason
