"""``NewsroomDomain``: every article's record, keyed by docname.

All cross-document state lives here (not on ``env``), so Sphinx pickles it,
clears it per document and merges it from parallel readers.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import Any

from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from .article import Article
from .taxonomy import Term, collect_terms


class NewsroomDomain(Domain):
    """Articles and what is derived from them."""

    name = "newsroom"
    label = "Newsroom"
    #: Bump whenever the shape of ``self.data`` changes: old pickles are dropped.
    data_version = 1
    initial_data: dict[str, Any] = {"articles": {}}

    @property
    def articles(self) -> dict[str, Article]:
        return self.data.setdefault("articles", {})

    def add_article(self, article: Article) -> None:
        self.articles[article.docname] = article

    def clear_doc(self, docname: str) -> None:
        self.articles.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname, article in otherdata.get("articles", {}).items():
            if docname in docnames:
                self.articles[docname] = article

    def published(self, show_drafts: bool, now: Any = None) -> list[Article]:
        """Articles a reader may see, newest first (drafts only with ``show_drafts``)."""
        return sorted(
            (a for a in self.articles.values() if show_drafts or is_public(a, now)),
            key=article_order,
        )

    # -- terms (derived from the articles once per build, in ``env-updated``) --

    @property
    def terms(self) -> dict[str, dict[str, Term]]:
        """taxonomy -> term key -> Term, over the articles a reader may see."""
        return self.data.setdefault("terms", {})

    def rebuild_terms(self, taxonomies: Iterable[str], show_drafts: bool, now: Any) -> None:
        """Recompute every term, its display name, unique slug and articles."""
        self.data["terms"] = collect_terms(
            self.published(show_drafts, now), taxonomies, set(self.env.found_docs)
        )

    def term_page(self, taxonomy: str, key: str) -> str | None:
        """The pagename of a term's HTML page, or None when it has none."""
        term = self.terms.get(taxonomy, {}).get(key)
        return term.page if term else None

    def term_label(self, taxonomy: str, key: str) -> str | None:
        """The LaTeX label of a term's index entry, or None when it has none."""
        term = self.terms.get(taxonomy, {}).get(key)
        return f"newsroom-{taxonomy}-{term.slug}" if term else None

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []


def is_public(article: Article, now: Any = None) -> bool:
    """Neither a draft nor dated in the future (an embargo)."""
    if article.draft:
        return False
    return not (now is not None and article.date is not None and article.date > now)


def article_order(article: Article) -> tuple[float, str]:
    """Newest first; undated articles last; docname breaks ties deterministically."""
    stamp = article.date.timestamp() if article.date else float("-inf")
    return (-stamp, article.docname)


def get_domain(env: BuildEnvironment) -> NewsroomDomain:
    domain = env.get_domain("newsroom")
    assert isinstance(domain, NewsroomDomain)
    return domain


def docnames_of(articles: Iterable[Article]) -> list[str]:
    return [a.docname for a in articles]
