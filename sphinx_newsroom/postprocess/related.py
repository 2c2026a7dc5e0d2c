""""Related articles" under every article."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..builders import builder_of, reference_to, writes_one_document
from ..directives import nodes as nr
from ..doctree import nodes_of
from ..domain import get_domain
from ..i18n import _


class AddRelated(SphinxPostTransform):
    """Append "Related articles" to every article (``newsroom_related`` of them)."""

    default_priority = 10

    def run(self, **kwargs: Any) -> None:
        if not self.config.newsroom_related:
            return
        domain = get_domain(self.env)
        if writes_one_document(self.env):
            if self.env.docname not in domain.related:
                return
            # An article's title section is a child of the document.
            sections = [n for n in self.document.children if isinstance(n, nodes.section)]
        else:
            sections = nodes_of(self.document, nodes.section)[nodes.section]
        for section in sections:
            docname = section.get(nr.ARTICLE_ATTR)
            if not docname or not domain.related.get(docname):
                continue
            related = [domain.articles[d] for d in domain.related[docname]
                       if d in domain.articles]
            heading = str(_("Related articles"))
            block = nodes.container(classes=["news-related", nr.NO_SEARCH])
            block += nodes.rubric(heading, heading)
            items = nodes.bullet_list()
            for article in related:
                link = reference_to(builder_of(self.env), self.env.docname, article.docname,
                                    article.anchor, nodes.Text(article.title), article.title)
                items += nodes.list_item("", nodes.paragraph("", "", link))
            block += items
            section += block
