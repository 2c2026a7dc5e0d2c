"""A cited source, as parsed from a footnote or read from a bibliography file,
and the segments a style renders it in."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal, NamedTuple

from ..model.pickling import compact_pickle
from .names import author_names

__all__ = ["Citation", "DatePrecision", "Mark", "Segment", "Written", "issued_text"]

#: How much of ``Citation.date`` the source gives: a year alone stays a year.
DatePrecision = Literal["year", "month", "day"]


class Mark(NamedTuple):
    """Inline markup over a span ``[start, end)`` of a footnote's written text.

    ``link`` spans a link's text and carries its ``target``; ``syntax`` spans
    characters that only spell a link (``[`` and ``](url)``): they are kept in
    the written text, which the parser reads, and never shown.
    """

    kind: Literal["link", "emphasis", "strong", "literal", "syntax"]
    start: int
    end: int
    target: str = ""


class Written(NamedTuple):
    """A footnote as written: its text (links as ``[text](url)``) and its inline markup."""

    text: str
    marks: tuple[Mark, ...] = ()


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
    #: Inline markup of ``raw`` (links, emphasis, code), shown wherever a field holds it.
    marks: tuple[Mark, ...] = ()
    #: How much of ``date`` is known (a bibliography file may give only the year;
    #: the rest of ``date`` is then the first day of that year or month).
    date_precision: DatePrecision = "day"
    #: The GB/T 7714 document type code the reference writes (``M``, ``J``, ``EB/OL``…), or "".
    type: str = ""

    @property
    def authors(self) -> tuple[str, ...]:
        """The names of ``author`` one by one (``citations.names.author_names``)."""
        return tuple(author_names(self.author))


def issued_text(citation: Citation) -> str:
    """The publication date in ISO 8601, as precise as the source: ``2014``, ``2014-09``..."""
    if citation.date is None:
        return ""
    cut = {"year": 4, "month": 7}.get(citation.date_precision)
    return citation.date.isoformat()[:cut]


class Segment(NamedTuple):
    """A run of rendered citation text; writers style ``title`` and ``url``.

    ``inline`` holds the footnote's own markup of the run (``emphasis``,
    ``strong``, ``literal``) and ``link`` the target of a link it sits in.
    """

    kind: Literal["text", "title", "url"]
    text: str
    inline: tuple[str, ...] = ()
    link: str = ""
