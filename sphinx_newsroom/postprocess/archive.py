"""Fill ``article-archive`` with the published articles by year and month."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import clock
from ..builders import app_of, builder_of, nothing_to_fill, reference_to
from ..directives import nodes as nr
from ..directives.nodes import archive
from ..doctree import nodes_of
from ..domain import get_domain
from ..i18n import _
from ..model.archive import by_month
from ..model.article import matches_filters
from ..model.locale_dates import month_name
from ..paging import navigation, page_counts, page_slice, paginates
from .inline import claim_id, time_node


class FillArchive(SphinxPostTransform):
    default_priority = 10

    def run(self, **kwargs: Any) -> None:
        if nothing_to_fill(self.env, get_domain(self.env).listers):
            return
        for node in nodes_of(self.document, archive)[archive]:
            node.replace_self(self._render(node))

    def _render(self, node: archive) -> nodes.Node:
        domain = get_domain(self.env)
        articles = [a for a in domain.published(self.config.newsroom_show_drafts,
                                                clock.now())
                    if matches_filters(a, node["filters"])]
        pages = self._pages(node)
        if pages is not None:
            dated = [a for a in articles if a.date is not None]  # the archive's entries
            articles = page_slice(dated, pages[0], self.config.newsroom_page_size)
        grouped = by_month(articles)
        if node["years"]:
            grouped = grouped[: node["years"]]
        if not grouped:
            return nodes.paragraph(_("No articles yet."), _("No articles yet."),
                                   classes=["news-empty"])
        language = self.config.language or "en"
        years = nodes.bullet_list(classes=["news-archive", nr.NO_SEARCH])
        for year, months in grouped:
            count = sum(len(m) for _month, m in months)
            year_item = nodes.list_item("", nodes.paragraph(
                "", "", nodes.strong(str(year), str(year)),
                nodes.inline(f" ({count})", f" ({count})", classes=["news-count"])),
                classes=["news-archive-year"])
            claim_id(self.document, year_item, f"y{year}")
            month_list = nodes.bullet_list()
            for month, members in months:
                label = month_name(year, month, language)
                entries = nodes.bullet_list()
                for article in members:
                    link = reference_to(builder_of(self.env), self.env.docname, article.docname,
                                        article.anchor, nodes.Text(article.title), article.title)
                    assert article.date is not None
                    entries += nodes.list_item("", nodes.paragraph(
                        "", "", link, nodes.Text(" · "), time_node(article.date, language)))
                month_item = nodes.list_item("", nodes.paragraph(label, label), entries,
                                             classes=["news-archive-month"])
                claim_id(self.document, month_item, f"y{year}-{month:02d}")
                month_list += month_item
            year_item += month_list
            years += year_item
        if pages is not None and pages[1] > 1:
            nav = navigation(app_of(self.env), self.env.docname, node["base"], *pages)
            return nodes.container("", years, nav, classes=["news-archive-pages"])
        return years

    def _pages(self, node: archive) -> tuple[int, int] | None:
        """(page, number of pages) of the site's archive page; None elsewhere (not paginated)."""
        if "page" not in node.attributes or not paginates(app_of(self.env)):
            return None
        return node["page"], page_counts(app_of(self.env)).get(node["base"], 1)
