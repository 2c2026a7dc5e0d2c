"""The site's ``archive.html``: every published article by year and month."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder

from .. import clock
from ..domain import get_domain
from ..i18n import _
from ..model.archive import by_month
from ..model.locale_dates import localised_date, month_name

ARCHIVE_PAGE = "archive"


def archive_page(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """The site's ``archive.html`` (unless the project has its own ``archive`` doc)."""
    builder = app.builder
    if not isinstance(builder, StandaloneHTMLBuilder) or ARCHIVE_PAGE in app.env.found_docs:
        return  # (html-collect-pages comes from HTML builders only)
    domain = get_domain(app.env)
    target = Path(builder.get_outfilename(ARCHIVE_PAGE))
    if not domain.has_articles:
        target.unlink(missing_ok=True)  # nothing to show: a clean build has no archive
        return
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
