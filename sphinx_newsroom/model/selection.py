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


def selected(articles: Sequence[Article], attributes: Mapping[str, Any]) -> list[Article]:
    """``articles`` (newest first) that a list with ``attributes`` shows, in its order,
    before its ``limit``."""
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
