"""The archive: articles by year and month, as a directive and as an HTML page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from html import escape
from pathlib import Path
from typing import Any

from babel.dates import format_skeleton
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

from . import clock
from . import nodes as nr
from .aggregates import ListerDirective, article_filters, builder_of, matches
from .domain import get_domain
from .i18n import _
from .model.article import Article
from .panel import localised_date, reader_locale, time_node
from .walk import nodes_of, nothing_to_fill

ARCHIVE_PAGE = "archive"


class archive(nodes.General, nodes.Element):
    """Placeholder of ``article-archive``; replaced at write time."""


class ArchiveDirective(ListerDirective):
    """``article-archive``: every published, dated article by year and month."""

    option_spec = {
        "tags": directives.unchanged,
        "topics": directives.unchanged,
        "years": directives.positive_int,
    }

    def run(self) -> list[nodes.Node]:
        node = archive(filters=article_filters(self.config, self.options),
                       years=self.options.get("years", 0))
        return self.placeholder(node)


def by_month(articles: Sequence[Article]) -> list[tuple[int, list[tuple[int, list[Article]]]]]:
    """[(year, [(month, articles newest first)])], newest year and month first."""
    years: dict[int, dict[int, list[Article]]] = {}
    for article in articles:  # already newest first
        if article.date is not None:
            years.setdefault(article.date.year, {}).setdefault(article.date.month, []).append(
                article)
    return [(year, sorted(months.items(), reverse=True))
            for year, months in sorted(years.items(), reverse=True)]


def month_name(year: int, month: int, language: str) -> str:
    """``2025年7月`` / ``July 2025``."""
    return format_skeleton("yMMMM", dt.date(year, month, 1), locale=reader_locale(language))


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
                    if matches(a, node["filters"])]
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
            month_list = nodes.bullet_list()
            for month, members in months:
                label = month_name(year, month, language)
                entries = nodes.bullet_list()
                for article in members:
                    link = make_refnode(builder_of(self.env), self.env.docname, article.docname,
                                        article.anchor, nodes.Text(article.title), article.title)
                    assert article.date is not None
                    entries += nodes.list_item("", nodes.paragraph(
                        "", "", link, nodes.Text(" · "), time_node(article.date, language)))
                month_list += nodes.list_item("", nodes.paragraph(label, label), entries,
                                              classes=["news-archive-month"])
            year_item += month_list
            years += year_item
        return years


def archive_page(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """The site's ``archive.html`` (unless the project has its own ``archive`` doc)."""
    domain = get_domain(app.env)
    if ARCHIVE_PAGE in app.env.found_docs:
        return
    target = Path(app.builder.get_outfilename(ARCHIVE_PAGE))
    if ARCHIVE_PAGE not in domain.changed_pages and target.is_file():
        return
    language = app.config.language or "en"
    articles = domain.published(app.config.newsroom_show_drafts, clock.now())
    parts = [f'<section class="news-archive-page"><h1>{escape(_("Archive"))}</h1>']
    for year, months in by_month(articles):
        parts.append(f'<h2 id="y{year}">{year}</h2>')
        for month, members in months:
            parts.append(f'<h3 id="y{year}-{month:02d}">'
                         f"{escape(month_name(year, month, language))}</h3><ul>")
            for article in members:
                uri = escape(app.builder.get_relative_uri(ARCHIVE_PAGE, article.docname),
                             quote=True)
                assert article.date is not None
                parts.append(
                    f'<li><a class="reference internal" href="{uri}">{escape(article.title)}</a>'
                    f' · <time datetime="{escape(article.date.isoformat(), quote=True)}">'
                    f"{escape(localised_date(article.date, language))}</time></li>")
            parts.append("</ul>")
    parts.append("</section>")
    yield ARCHIVE_PAGE, {"title": escape(_("Archive")), "body": "\n".join(parts)}, "page.html"
