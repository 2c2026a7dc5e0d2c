"""Node builders the filled views share: a date in the reader's language, term links."""

from __future__ import annotations

import datetime as dt

from docutils import nodes

from ..directives import nodes as nr
from ..model.locale_dates import localised_date
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
