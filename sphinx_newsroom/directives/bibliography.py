"""``news-bibliography``: the unified bibliography of the published articles."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from ..citations.bibliography import SORTS
from ..citations.styles import STYLES
from ..domain import get_domain
from .lister import ListerDirective, article_filters, choice
from .nodes import bibliography


class BibliographyDirective(ListerDirective):
    """``news-bibliography``: every source of the published articles, once."""

    option_spec = {
        "sort": choice(*SORTS),
        "style": choice(*STYLES),
        "tags": directives.unchanged,
        "topics": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        filters = article_filters(self.config, self.options)
        node = bibliography(
            sort=self.options.get("sort", "first"),
            style=self.options.get("style", self.config.newsroom_citation_style),
            filters=filters,
            docname=self.env.docname,
        )
        get_domain(self.env).note_bibliography(self.env.docname, bool(filters))
        return self.placeholder(node)
