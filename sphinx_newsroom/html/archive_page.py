"""The site's ``archive.html``: an ``article-archive`` of every published article.

Past ``newsroom_page_size`` articles it continues on ``archive/page/2.html``, ...
(see :mod:`.paging`).
"""

from __future__ import annotations

from collections.abc import Iterator

from docutils import nodes
from sphinx.application import Sphinx

from ..directives.nodes import archive
from ..i18n import _
from ..paging import ARCHIVE_PAGE, page_counts, page_name
from .pages import Generator, Page, writes_pages


def archive_page(app: Sphinx) -> Iterator[Page]:
    """The site's ``archive.html`` (unless the project has its own page there)."""
    if not writes_pages(app.builder):
        return
    pages = Generator(app)
    if not pages.domain.has_articles:
        pages.remove(ARCHIVE_PAGE)  # nothing to show: a clean build has no archive
        return
    if pages.claimed(ARCHIVE_PAGE):
        return
    for number in range(1, page_counts(app).get(ARCHIVE_PAGE, 1) + 1):
        pagename = page_name(ARCHIVE_PAGE, number)
        if (number > 1 and pages.claimed(pagename)) or pages.fresh(
                pagename, ARCHIVE_PAGE, number, pages.archive_entries):
            continue
        title = _("Archive") if number == 1 else f"{_('Archive')} ({_('page %d') % number})"
        section = nodes.section(ids=[ARCHIVE_PAGE], classes=["news-archive-page"])
        section += nodes.title(title, title)
        section += archive(filters={}, years=0, page=number, base=ARCHIVE_PAGE)
        yield pages.render(pagename, title, section)
