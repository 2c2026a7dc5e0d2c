"""Dates as a reader of the site's language writes them (``2025年7月2日``, ``July 2, 2025``)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton


@lru_cache(maxsize=64)
def reader_locale(language: str) -> Locale:
    """The babel locale of ``language`` (English when babel does not know it)."""
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale("en")


def localised_date(value: dt.datetime, language: str) -> str:
    """``2025年7月2日`` for zh_CN, ``July 2, 2025`` for en: the date as written locally."""
    return _long_date(value.date(), language)


@lru_cache(maxsize=4096)
def _long_date(day: dt.date, language: str) -> str:
    return format_date(day, format="long", locale=reader_locale(language))


def month_name(year: int, month: int, language: str) -> str:
    """``2025年7月`` / ``July 2025``."""
    return format_skeleton("yMMMM", dt.date(year, month, 1), locale=reader_locale(language))
