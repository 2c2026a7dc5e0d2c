"""A cited source, as parsed from a footnote, and the segments a style renders it in."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal, NamedTuple

from ..model.pickling import compact_pickle

__all__ = ["Citation", "Mark", "Segment", "Written"]


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
    """One cited source, as parsed from a footnote."""

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


class Segment(NamedTuple):
    """A run of rendered citation text; writers style ``title`` and ``url``.

    ``inline`` holds the footnote's own markup of the run (``emphasis``,
    ``strong``, ``literal``) and ``link`` the target of a link it sits in.
    """

    kind: Literal["text", "title", "url"]
    text: str
    inline: tuple[str, ...] = ()
    link: str = ""
