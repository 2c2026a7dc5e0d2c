"""Which articles an ``article-list`` shows, in its order (pure).

The list itself (``postprocess.listings``) and the pagination that counts its
pages (``html.paging``) choose through this one function, so that both agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from .article import Article, matches_filters
from .collation import sort_key

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class Pool:
    """The articles lists choose from (newest first), with what spares a filtered
    list a scan of them all.

    ``members`` is taxonomy -> term key -> the docnames carrying the term (the
    domain's terms). A list filtered by terms then looks only at the articles
    of its narrowest taxonomy's terms: a term page of a site of 10,000 articles
    reads its own 50, not the 10,000. The filters are still applied to those.
    """

    def __init__(self, articles: Sequence[Article],
                 members: Mapping[str, Mapping[str, Sequence[str]]]) -> None:
        self.articles = list(articles)
        self._members = members
        self._position: dict[str, int] | None = None

    def candidates(self, filters: Mapping[str, Sequence[str]]) -> list[Article]:
        """The articles that may match ``filters``, newest first: all of them, or,
        when a taxonomy is filtered, those carrying one of its wanted terms."""
        narrowest: set[str] | None = None
        for taxonomy, wanted in filters.items():
            if not wanted:
                continue
            terms = self._members.get(taxonomy)
            if terms is None:  # a taxonomy without terms of its own: read them all
                return self.articles
            docnames = {d for key in wanted for d in terms.get(key, ())}
            if narrowest is None or len(docnames) < len(narrowest):
                narrowest = docnames
        if narrowest is None:
            return self.articles
        if self._position is None:
            self._position = {a.docname: i for i, a in enumerate(self.articles)}
        position = self._position
        return [self.articles[i] for i in sorted(position[d] for d in narrowest
                                                 if d in position)]


def selected(articles: Sequence[Article] | Pool, attributes: Mapping[str, Any]) -> list[Article]:
    """``articles`` (newest first) that a list with ``attributes`` shows, in its order,
    before its ``limit``."""
    if isinstance(articles, Pool):
        articles = articles.candidates(attributes.get("filters", {}))
    chosen = [a for a in articles if _listed(a, attributes)]
    sort = attributes.get("sort", "-date")
    if sort == "date":
        chosen.reverse()
    elif sort == "title":
        chosen.sort(key=lambda a: sort_key(a.title))
    elif sort == "updated":
        chosen.sort(key=lambda a: -(a.updated or a.date or _EPOCH).timestamp())
    return chosen


def _listed(article: Article, attributes: Mapping[str, Any]) -> bool:
    if not matches_filters(article, attributes.get("filters", {})):
        return False
    since, until = attributes.get("since"), attributes.get("until")
    if since is not None or until is not None:
        if article.date is None:
            return False
        if since is not None and article.date < dt.datetime.fromisoformat(since):
            return False
        if until is not None and article.date >= dt.datetime.fromisoformat(until):
            return False
    return True
