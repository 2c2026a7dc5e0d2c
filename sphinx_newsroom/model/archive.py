"""The archive's grouping: dated articles by year and month, newest first."""

from __future__ import annotations

from collections.abc import Sequence

from .article import Article


def by_month(articles: Sequence[Article]) -> list[tuple[int, list[tuple[int, list[Article]]]]]:
    """[(year, [(month, articles newest first)])], newest year and month first."""
    years: dict[int, dict[int, list[Article]]] = {}
    for article in articles:  # already newest first
        if article.date is not None:
            years.setdefault(article.date.year, {}).setdefault(article.date.month, []).append(
                article)
    return [(year, sorted(months.items(), reverse=True))
            for year, months in sorted(years.items(), reverse=True)]
