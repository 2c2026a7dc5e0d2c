"""What a published article carries besides its body: draft banner, related articles."""

from __future__ import annotations

import datetime as dt
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

from . import nodes as nr
from .aggregates import builder_of
from .domain import get_domain
from .i18n import _
from .model.article import Article
from .panel import expand_panel, localised_date
from .walk import nodes_of, nothing_to_fill, writes_one_document

#: Attribute of an article's title section naming its doc (survives the PDF's merged tree).
ARTICLE_ATTR = "newsroom_article"


def draft_banner(article: Article, language: str, now: dt.datetime) -> nodes.admonition | None:
    """A clear notice on a draft's or an embargoed article's own page."""
    if article.draft:
        title, text = _("Draft"), _("This article is a draft. It is not listed, indexed or "
                                    "included in feeds until it is published.")
    elif article.date is not None and article.date > now:
        title = _("Embargoed")
        text = _("This article is embargoed until %s. It is not listed, indexed or included "
                 "in feeds until then.") % localised_date(article.date, language)
    else:
        return None
    banner = nodes.admonition("", classes=["news-draft-banner", "warning"])
    banner += nodes.title(str(title), str(title))
    banner += nodes.paragraph(str(text), str(text))
    return banner


class ExpandPanels(SphinxPostTransform):
    """Fill every metadata panel from its article's record (for every builder)."""

    default_priority = 10

    def run(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        if nothing_to_fill(self.env, domain.articles):
            return
        language = self.config.language or "en"
        compact = builder_of(self.env).format == "html"
        for panel in nodes_of(self.document, nr.article_meta)[nr.article_meta]:
            article = domain.articles.get(panel.get("docname", ""))
            if article is not None:
                expand_panel(panel, article, language, compact)


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
            docname = section.get(ARTICLE_ATTR)
            if not docname or not domain.related.get(docname):
                continue
            related = [domain.articles[d] for d in domain.related[docname]
                       if d in domain.articles]
            heading = str(_("Related articles"))
            block = nodes.container(classes=["news-related", nr.NO_SEARCH])
            block += nodes.rubric(heading, heading)
            items = nodes.bullet_list()
            for article in related:
                link = make_refnode(builder_of(self.env), self.env.docname, article.docname,
                                    article.anchor, nodes.Text(article.title), article.title)
                items += nodes.list_item("", nodes.paragraph("", "", link))
            block += items
            section += block
