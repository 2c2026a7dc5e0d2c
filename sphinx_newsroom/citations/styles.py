"""Render a citation in a house style, as segments writers can style."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from .markup import field_pieces
from .model import Citation, Segment, issued_text
from .parse import MONTH_NAMES
from .urls import readable_url

__all__ = ["STYLES", "format_citation"]

STYLES: tuple[str, ...] = ("default", "gbt7714", "apa")

_TERMINAL_PUNCT = ".?!。\N{FULLWIDTH QUESTION MARK}\N{FULLWIDTH EXCLAMATION MARK}…"


def _english_date(citation: Citation) -> str:
    """``(2025, June 30)``, ``(2025, June)`` or ``(2025)``: as precise as the source."""
    value = citation.date
    if value is None:
        return "(n.d.)"
    month = MONTH_NAMES[value.month - 1].capitalize()
    shown = {"year": "", "month": f", {month}"}.get(citation.date_precision,
                                                     f", {month} {value.day}")
    return f"({value.year}{shown})"


_Part = list[Segment]


def _field(citation: Citation, kind: Literal["text", "title"], text: str) -> _Part:
    """One field's segments, with the footnote's own links, emphasis and code."""
    return [Segment(kind, piece.text, piece.inline, piece.link)
            for piece in field_pieces(citation, text)]


def _sentence(kind: Literal["text", "title"], text: str, citation: Citation | None = None
              ) -> _Part:
    """``text`` followed by a period unless it already ends a sentence."""
    if not text:
        return []
    ending = [] if text.endswith(tuple(_TERMINAL_PUNCT)) else [Segment("text", ".")]
    shown = _field(citation, kind, text) if citation is not None else [Segment(kind, text)]
    return [*shown, *ending]


def _url(citation: Citation) -> Segment:
    """The URL as readers read it: non-ASCII characters shown, not percent-encoded."""
    return Segment("url", readable_url(citation.url))


def _join(parts: Sequence[_Part]) -> list[Segment]:
    """Join parts with single spaces and merge adjacent plain-text segments."""
    merged: list[Segment] = []
    for part in (p for p in parts if p):
        for segment in ([Segment("text", " ")] if merged else []) + part:
            if merged and segment.kind == "text" and merged[-1].kind == "text" and \
                    segment[2:] == merged[-1][2:]:
                merged[-1] = merged[-1]._replace(text=merged[-1].text + segment.text)
            elif segment.text:
                merged.append(segment)
    return merged


def _head(citation: Citation) -> tuple[_Part, str]:
    """The title part and the publisher still to be shown after it.

    A bare-URL citation has no title; its publisher (the host) takes the
    title's place rather than appearing twice.
    """
    if citation.title:
        return _sentence("title", citation.title, citation), citation.publisher
    return _sentence("text", citation.publisher, citation), ""


def _format_default(citation: Citation) -> list[Segment]:
    title, publisher = _head(citation)
    label = "检索日期" if citation.language == "zh" else "accessed"
    accessed = citation.accessed.isoformat() if citation.accessed else ""
    tail: _Part = []
    if citation.url:
        note = f" ({label} {accessed})." if accessed else ""
        tail = [_url(citation), Segment("text", note)]
    elif accessed:
        tail = _sentence("text", f"{label[0].upper()}{label[1:]} {accessed}")
    date = issued_text(citation)
    return _join(
        [
            title,
            _sentence("text", publisher, citation),
            _sentence("text", citation.author, citation),
            _sentence("text", date),
            tail,
        ]
    )


def _format_gbt7714(citation: Citation) -> list[Segment]:
    title, publisher = _head(citation)
    online = "/OL" if citation.url or citation.accessed else ""
    code = citation.type or ("N" if citation.publisher else "EB") + online
    # The type code sits right after the title, before the title's period.
    if title and title[-1] == Segment("text", "."):
        title = title[:-1]
    title = [*title, Segment("text", f"[{code}].")]
    date = issued_text(citation)
    when = ", " + date if publisher and date else date
    if citation.accessed:
        when += f"[{citation.accessed.isoformat()}]"
    # The publisher keeps the footnote's markup (a link to the site), as in the other styles.
    where = [*_field(citation, "text", publisher), *([Segment("text", when)] if when else [])]
    if where and not "".join(s.text for s in where).endswith(tuple(_TERMINAL_PUNCT)):
        where.append(Segment("text", "."))
    url = [_url(citation), Segment("text", ".")] if citation.url else []
    return _join([_sentence("text", citation.author, citation), title, where, url])


def _format_apa(citation: Citation) -> list[Segment]:
    title, publisher = _head(citation)
    when = _sentence("text", _english_date(citation))
    url = [_url(citation)] if citation.url else []
    author = _sentence("text", citation.author, citation)
    lead = [author, when, title] if citation.author else [title, when]
    return _join([*lead, _sentence("text", publisher, citation), url])


_FORMATTERS = {
    "default": _format_default,
    "gbt7714": _format_gbt7714,
    "apa": _format_apa,
}


def format_citation(citation: Citation, style: str = "default") -> list[Segment]:
    """Render ``citation`` in ``style`` as segments; join ``.text`` for plain text.

    Styles (empty parts and their punctuation are omitted; a part that already
    ends in sentence punctuation, ASCII or full-width, gets no extra period):

    - ``default``: ``Title. Publisher. Author. 2025-06-30. URL (accessed
      2025-07-02).`` Chinese citations use the label ``检索日期`` instead of
      ``accessed``; without a URL the accessed note is its own sentence
      (``Accessed 2025-07-02.``). A URL with nothing after it gets no period,
      so that it survives copy and paste.
    - ``gbt7714``: ``作者. 题名[N/OL]. 出版方, 2025-06-30[2025-07-02]. URL.``
      with ``N`` when there is a publisher, ``EB`` otherwise, and ``/OL``
      only when there is a URL or an accessed date.
    - ``apa``: ``Author. (2025, June 30). Title. Publisher. URL``; without an
      author the title leads; ``(n.d.)`` without a date; no accessed date.

    A date known only to the month or the year (``date_precision``, from a
    bibliography file) is shown that far: ``2014-09``, ``(2014, September)``.

    Unstructured citations render as their stripped raw text in every style.
    A citation read from a footnote keeps the footnote's markup: its fields'
    segments carry their links, emphasis and code (``Segment.inline`` and
    ``Segment.link``), and the syntax of a link (``[``, ``](url)``) is not shown.
    URLs are shown as readers read them (non-ASCII characters, not escapes).
    Raises ValueError for a style not in :data:`STYLES`.
    """
    formatter = _FORMATTERS.get(style)
    if formatter is None:
        raise ValueError(f"unknown citation style {style!r}; expected one of {STYLES}")
    if not citation.structured:
        return _join([_field(citation, "text", citation.raw.strip())])
    return formatter(citation)
