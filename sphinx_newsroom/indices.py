"""One Sphinx ``Index`` per taxonomy: the PDF's "Tag index" and "Topic index"."""

from __future__ import annotations

from collections.abc import Iterable

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.domains import Index, IndexEntry

from .builders import builder_of
from .domain import get_domain
from .labels import index_name
from .model.collation import index_letter, sort_key


class TaxonomyIndex(Index):
    """Terms A-Z (Chinese by pinyin), each entry pointing at an article."""

    taxonomy = ""

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        env = self.domain.env
        if builder_of(env).format == "html":
            # HTML has term pages and overviews; a second, flat index page of every
            # (term, article) pair would only cost a large page per build.
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
