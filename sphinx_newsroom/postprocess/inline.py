"""Node builders the filled views share: a date in the reader's language, term links,
a summary."""

from __future__ import annotations

import datetime as dt

from docutils import nodes

from ..directives import nodes as nr
from ..model.locale_dates import localised_date
from ..model.math_spans import split_math
from ..model.terms import term_key


def time_node(value: dt.datetime, language: str) -> nr.news_time:
    text = localised_date(value, language)
    return nr.news_time(text, text, datetime=value.isoformat())


def claim_id(document: nodes.document, node: nodes.Element, node_id: str) -> None:
    """Give ``node`` the id (an anchor readers link to) unless the page already uses it."""
    if node_id not in document.ids:
        node["ids"].append(node_id)
        document.ids[node_id] = node


def term_nodes(taxonomy: str, spellings: tuple[str, ...],
               compact: bool = False) -> list[nodes.Node]:
    """Links to each term's page, with separators writers without badges show.

    ``compact`` (HTML): each link after the first carries its separator as an
    attribute, which the HTML visitor writes, instead of two nodes of its own.
    """
    result: list[nodes.Node] = []
    separator = ", "
    for index, spelling in enumerate(spellings):
        link = nr.term_ref(spelling, spelling, taxonomy=taxonomy, key=term_key(spelling))
        if index:
            if compact:
                link["separator"] = separator
            else:
                result.append(nodes.inline(separator, separator, classes=["news-sep"]))
        result.append(link)
    return result


def summary_nodes(summary: str, math: bool) -> list[nodes.Node]:
    """An article's summary, its TeX math (with ``newsroom_math``) as math nodes.

    A summary is plain text, often the post's first paragraph (the text before
    ``<!--more-->``) with its ``$...$`` still written out: shown as text, a
    reader would see the TeX. As math nodes, MathJax and LaTeX set it.
    """
    pieces = split_math(summary) if math else [(summary, False)]
    return [nodes.math(piece, piece) if is_math else nodes.Text(piece)
            for piece, is_math in pieces]
