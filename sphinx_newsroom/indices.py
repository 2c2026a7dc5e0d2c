"""One index per taxonomy: the PDF's "Tag index" and "Topic index".

Sphinx's ``Index`` classes serve the builders that print indexes themselves
(texinfo); their entries are flat (one per term and article). The PDF's
indexes are a book's: each term once, its articles as sub-entries with their
pages (:func:`book_index`, written by ``latex/book.py``).
"""

from __future__ import annotations

import dataclasses as dc
import hashlib
from collections.abc import Collection, Iterable, Mapping

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.domains import Index, IndexEntry

from .builders import builder_of
from .domain import NewsroomDomain, get_domain
from .labels import index_name
from .model.collation import index_letter, sort_key


class TaxonomyIndex(Index):
    """Terms A-Z (Chinese by pinyin), each entry pointing at an article."""

    taxonomy = ""

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        env = self.domain.env
        if builder_of(env).format in {"html", "latex"}:
            # HTML has term pages and overviews; the PDF prints a book index of its
            # own (latex/book.py), which Sphinx's writer (one line per entry) cannot.
            return [], False
        domain = get_domain(env)
        wanted = set(docnames) if docnames is not None else None
        groups: dict[str, list[IndexEntry]] = {}
        terms = sorted(domain.terms.get(self.taxonomy, {}).values(), key=lambda t: sort_key(t.name))
        for term in terms:
            for docname in term.docnames:
                article = domain.articles.get(docname)
                if article is None or (wanted is not None and docname not in wanted):
                    continue
                groups.setdefault(index_letter(term.name), []).append(
                    IndexEntry(term.name, 0, docname, article.anchor, article.title, "", "")
                )
        return list(groups.items()), False


def index_class(taxonomy: str) -> type[TaxonomyIndex]:
    label = index_name(taxonomy)
    return type(
        f"TaxonomyIndex_{taxonomy}",
        (TaxonomyIndex,),
        {"name": taxonomy, "localname": label, "shortname": label, "taxonomy": taxonomy},
    )


def register_indices(app: Sphinx, config: Config) -> None:
    """Add an index per configured taxonomy (config is known only now)."""
    for taxonomy in config.newsroom_taxonomies:
        app.add_index_to_domain("newsroom", index_class(taxonomy))


# The book's indexes


@dc.dataclass(frozen=True)
class BookArticle:
    docname: str
    anchor: str
    title: str


@dc.dataclass(frozen=True)
class BookTerm:
    name: str
    label: str
    articles: tuple[BookArticle, ...]


def book_taxonomies(config: Config) -> list[str]:
    """The taxonomies that get an index in the PDF (``latex_domain_indices`` decides,
    as it does for Sphinx's own indexes: ``False`` none, a list those it names)."""
    chosen = config.latex_domain_indices
    if not chosen:
        return []
    return [t for t in config.newsroom_taxonomies
            if chosen is True or f"newsroom-{t}" in chosen]


def term_label(taxonomy: str, key: str) -> str:
    """The LaTeX label of a term's entry in its index: ASCII whatever the term."""
    digest = hashlib.sha1(f"{taxonomy}\0{key}".encode()).hexdigest()[:12]
    return f"newsroom-{taxonomy}-{digest}"


def book_index(domain: NewsroomDomain, taxonomy: str,
               order: Mapping[str, int]) -> list[tuple[str, list[BookTerm]]]:
    """A taxonomy's terms by letter group, each with its articles in the book.

    ``order`` ranks the articles the book holds (their place in it); articles it
    does not hold, and terms left with none, are not in the index. Sub-entries
    follow the book's order, as their page numbers do.
    """
    groups: dict[str, list[BookTerm]] = {}
    terms = sorted(domain.terms.get(taxonomy, {}).values(), key=lambda t: sort_key(t.name))
    for term in terms:
        docnames = sorted((d for d in term.docnames if d in order and d in domain.articles),
                          key=order.__getitem__)
        if not docnames:
            continue
        articles = tuple(BookArticle(d, domain.articles[d].anchor, domain.articles[d].title)
                         for d in docnames)
        groups.setdefault(index_letter(term.name), []).append(
            BookTerm(term.name, term_label(taxonomy, term.key), articles))
    return list(groups.items())


def in_book_index(domain: NewsroomDomain, config: Config, taxonomy: str, key: str,
                  docnames: Iterable[str]) -> bool:
    """Whether a term has an entry in the PDF's index (one of ``docnames`` carries it)."""
    term = domain.terms.get(taxonomy, {}).get(key)
    if term is None or taxonomy not in book_taxonomies(config):
        return False
    wanted = docnames if isinstance(docnames, Collection) else set(docnames)
    return any(d in wanted and d in domain.articles for d in term.docnames)
