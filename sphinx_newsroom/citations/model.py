"""A cited source, as parsed from a footnote or read from a bibliography file,
and the segments a style renders it in."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal, NamedTuple

from ..model.pickling import compact_pickle

__all__ = ["Citation", "DatePrecision", "Segment", "issued_text"]

#: How much of ``Citation.date`` the source gives: a year alone stays a year.
DatePrecision = Literal["year", "month", "day"]


@compact_pickle
@dataclass(frozen=True, slots=True)
class Citation:
    """One cited source, as parsed from a footnote or read from a bibliography file."""

    raw: str
    title: str = ""
    publisher: str = ""
    author: str = ""
    date: datetime.date | None = None
    accessed: datetime.date | None = None
    url: str = ""
    language: str = "und"
    structured: bool = False
    #: How much of ``date`` is known (a bibliography file may give only the year;
    #: the rest of ``date`` is then the first day of that year or month).
    date_precision: DatePrecision = "day"


def issued_text(citation: Citation) -> str:
    """The publication date in ISO 8601, as precise as the source: ``2014``, ``2014-09``..."""
    if citation.date is None:
        return ""
    cut = {"year": 4, "month": 7}.get(citation.date_precision)
    return citation.date.isoformat()[:cut]


class Segment(NamedTuple):
    """A run of rendered citation text; writers style ``title`` and ``url``."""

    kind: Literal["text", "title", "url"]
    text: str
