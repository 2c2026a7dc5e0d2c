"""The site's ``archive.html``: an ``article-archive`` of every published article."""

from __future__ import annotations

from collections.abc import Iterator

from docutils import nodes
from sphinx.application import Sphinx

from ..directives.nodes import archive
from ..i18n import _
from .pages import Generator, Page, writes_pages

ARCHIVE_PAGE = "archive"


def archive_page(app: Sphinx) -> Iterator[Page]:
    """The site's ``archive.html`` (unless the project has its own page there)."""
    if not writes_pages(app.builder):
        return
    pages = Generator(app)
    if not pages.domain.has_articles:
        pages.remove(ARCHIVE_PAGE)  # nothing to show: a clean build has no archive
        return
    if pages.claimed(ARCHIVE_PAGE) or pages.fresh(ARCHIVE_PAGE):
        return
    title = _("Archive")
    section = nodes.section(ids=[ARCHIVE_PAGE], classes=["news-archive-page"])
    section += nodes.title(title, title)
    section += archive(filters={}, years=0)
    yield pages.render(ARCHIVE_PAGE, title, section)
