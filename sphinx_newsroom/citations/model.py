"""A cited source, as parsed from a footnote, and the segments a style renders it in."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal, NamedTuple

from ..model.pickling import compact_pickle

__all__ = ["Citation", "Segment"]


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


class Segment(NamedTuple):
    """A run of rendered citation text; writers style ``title`` and ``url``."""

    kind: Literal["text", "title", "url"]
    text: str
