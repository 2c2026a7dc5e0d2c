"""A footnote's inline markup (links, emphasis, code) in the fields cut from it.

The parser reads a footnote's written text, where a link is spelled
``[text](url)``; ``Mark`` records what was a link, emphasis or code. A field
of a citation (its title, say) is a piece of that text: these functions give
the field's runs as a reader sees them, link syntax left out.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import NamedTuple

from .model import Citation, Mark, Written
from .urls import readable_url

__all__ = [
    "Piece", "TextWriter", "field_pieces", "field_text", "pieces", "shown", "stripped_written",
]

#: Nesting order of inline styles, outermost first.
_STYLES = ("strong", "emphasis", "literal")


class Piece(NamedTuple):
    """A run of shown text with one set of styles and, inside a link, its target."""

    text: str
    inline: tuple[str, ...] = ()
    link: str = ""


def pieces(text: str, marks: Sequence[Mark], start: int = 0, end: int | None = None
           ) -> list[Piece]:
    """The runs of ``text[start:end]`` as shown: syntax left out, styles and links kept."""
    stop = len(text) if end is None else end
    inside = [m for m in marks if m.start < stop and m.end > start and m.start < m.end]
    cuts = sorted({start, stop, *(max(start, min(stop, p)) for m in inside
                                  for p in (m.start, m.end))})
    runs: list[Piece] = []
    for lo, hi in itertools.pairwise(cuts):
        active = [m for m in inside if m.start <= lo and m.end >= hi]
        if any(m.kind == "syntax" for m in active):
            continue
        kinds = {m.kind for m in active}
        links = [m for m in active if m.kind == "link"]
        # The innermost link wins: a link cannot hold another, but marks may nest oddly.
        link = max(links, key=lambda m: m.start).target if links else ""
        piece = Piece(text[lo:hi], tuple(k for k in _STYLES if k in kinds), link)
        if runs and runs[-1][1:] == piece[1:]:
            runs[-1] = Piece(runs[-1].text + piece.text, piece.inline, piece.link)
        else:
            runs.append(piece)
    return runs


def shown(text: str, marks: Sequence[Mark], start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` as a reader reads it: without the syntax of its links."""
    if not any(m.kind == "syntax" for m in marks):
        return text[start:end]
    return "".join(p.text for p in pieces(text, marks, start, end))


def field_pieces(citation: Citation, value: str) -> list[Piece]:
    """The runs of one field of ``citation`` (a piece of its raw text, or made up).

    Every field the parser cuts is one contiguous piece of the raw text, so
    its markup is that of its first occurrence there that holds a link's
    syntax whole or not at all: a host name also occurs inside the URL of a
    link, and is plain text there. A value not found so is plain. A link to
    the citation's own URL is not repeated on its fields: the URL is shown.
    """
    if not citation.marks or not value:
        return [Piece(value)] if value else []
    own = readable_url(citation.url) if citation.url else None
    marks = [m for m in citation.marks
             if not (m.kind == "link" and own is not None and readable_url(m.target) == own)]
    syntax = [m for m in marks if m.kind == "syntax"]
    start = citation.raw.find(value)
    while start >= 0:
        end = start + len(value)
        if not any(m.start < end and start < m.end and not start <= m.start < m.end <= end
                   for m in syntax):
            return pieces(citation.raw, marks, start, end)
        start = citation.raw.find(value, start + 1)
    return [Piece(value)]


def field_text(citation: Citation, value: str) -> str:
    """One field of ``citation`` as plain text: its links' syntax left out."""
    return "".join(piece.text for piece in field_pieces(citation, value))


def stripped_written(text: str, marks: Sequence[Mark]) -> Written:
    """A footnote's ``text`` without its outer white space, its ``marks`` moved along.

    Marks are clipped to the stripped text (one left empty is dropped) and
    sorted by start, the longer first; both writers of a footnote's text (the
    build's, from the doctree, and ``check``'s, from Markdown) end here.
    """
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    kept = []
    for mark in marks:
        start, end = max(mark.start - lead, 0), min(mark.end - lead, len(body))
        if start < end:
            kept.append(mark._replace(start=start, end=end))
    return Written(body, tuple(sorted(kept, key=lambda m: (m.start, -m.end))))


class TextWriter:
    """Writes a footnote's text piece by piece, recording its markup as it goes.

    The build's writer (``read/footnotes``, from the doctree) and ``check``'s
    (``model/body``, from Markdown) walk their trees with this.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.marks: list[Mark] = []
        self.length = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def syntax(self, text: str) -> None:
        """Characters that only spell a link (``[``, ``](url)``): kept, never shown."""
        self.marks.append(Mark("syntax", self.length, self.length + len(text)))
        self.add(text)

    def written(self) -> Written:
        return stripped_written("".join(self.parts), self.marks)
