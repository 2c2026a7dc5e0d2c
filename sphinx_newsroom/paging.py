"""Pagination of long lists: term pages, the archive, and ``article-list`` without ``:limit:``.

A list longer than ``newsroom_page_size`` shows its first page where it
stands (``tags/ai.html``, ``archive.html``, the document that holds the
``article-list``) and continues on ``<page>/page/2.html``, ``<page>/page/3.html``
... (DESIGN.md's ``<taxonomy>/<slug>/page/<n>.html``), written through
``html-collect-pages`` like the term pages.  Every page of a sequence links
the previous and the next one: ``<link rel="prev">``/``<link rel="next">`` in
its head (the theme writes them from the page's ``prev`` and ``next``, which
are set here) and a ``<nav aria-label>`` under the list.

How many pages a list has is derived from the environment alone (never from
the files written before), so an incremental or parallel build gives what a
clean one gives; pages past the last one are deleted when a list shrinks.
Only the HTML builders that write a site, one file per page, paginate: the
PDF, EPUB, text and single-page builds keep every list whole.
"""

from __future__ import annotations

import math
import re
from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from . import clock
from .builders import writes_one_document
from .domain import NewsroomDomain, get_domain
from .i18n import _
from .model.article import Article
from .model.selection import Pool, selected

#: The folder of a list's later pages, under its first page's name.
FOLDER = "page"
_LATER = re.compile(rf"(.+)/{FOLDER}/([1-9][0-9]*)\Z")
#: The site's archive page (``archive.html``).
ARCHIVE_PAGE = "archive"
#: The attribute the navigation carries (and what marks a page as one written here).
MARK = "data-newsroom-page"


def page_name(base: str, number: int) -> str:
    """Pagename of page ``number`` of the list whose first page is ``base``."""
    return base if number <= 1 else f"{base}/{FOLDER}/{number}"


def number_of_pages(total: int, size: int) -> int:
    """Pages of ``total`` entries at ``size`` per page (0: one page, however long)."""
    return 1 if size <= 0 or total <= size else math.ceil(total / size)


def page_slice(entries: list[Any], page: int, size: int) -> list[Any]:
    if size <= 0:
        return entries
    return entries[(page - 1) * size: page * size]


def paginates(app: Sphinx) -> bool:
    """The HTML builders that write a site, a file per page (not EPUB: a book keeps its
    lists whole, like the PDF), with a page size."""
    return (writes_one_document(app.env) and not app.builder.name.startswith("epub")
            and app.config.newsroom_page_size > 0)


def split(pagename: str, counts: dict[str, int]) -> tuple[str, int] | None:
    """(base, page number) when ``pagename`` is a page of a paginated list, else None."""
    later = _LATER.match(pagename)
    if later and later.group(1) in counts and int(later.group(2)) <= counts[later.group(1)]:
        return later.group(1), int(later.group(2))
    if pagename in counts:
        return pagename, 1
    return None


def page_counts(app: Sphinx) -> dict[str, int]:
    """Base pagename -> its number of pages, for every list that has more than one."""
    domain = get_domain(app.env)
    if domain.page_counts is not None:
        return domain.page_counts
    counts: dict[str, int] = {}
    if paginates(app):
        counts = _counts(app, domain)
    domain.page_counts = counts
    return counts


def _counts(app: Sphinx, domain: NewsroomDomain) -> dict[str, int]:
    size = app.config.newsroom_page_size
    visible = domain.pool(app.config.newsroom_show_drafts, clock.now())
    docs = app.env.found_docs
    counts: dict[str, int] = {}
    for docname, lists in domain.paged_lists.items():
        if docname in docs:
            counts[docname] = max(number_of_pages(len(selected(visible, attributes)), size)
                                  for attributes in lists)
    if domain.has_articles and ARCHIVE_PAGE not in docs:
        dated = [a for a in visible.articles if a.date is not None]  # the archive lists dated ones
        counts[ARCHIVE_PAGE] = number_of_pages(len(dated), size)
    for terms in domain.terms.values():
        for term in terms.values():
            if term.page not in docs:
                counts[term.page] = number_of_pages(len(term_articles(visible, term)), size)
    return {base: count for base, count in sorted(counts.items()) if count > 1}


def term_articles(visible: list[Article] | Pool, term: Any) -> list[Article]:
    return selected(visible, term_list_attributes(term))


def term_list_attributes(term: Any) -> dict[str, Any]:
    """The ``article_list`` of a term's page: its articles, newest first, without its badge."""
    return {"filters": {term.taxonomy: [term.key]}, "sort": "-date", "limit": 0,
            "format": "list", "omit": [term.taxonomy, term.key]}


def navigation(app: Sphinx, current: str, base: str, page: int, count: int) -> nodes.raw:
    """The visible navigation of page ``page`` of ``count``: previous, every page, next."""
    builder = app.builder

    def href(number: int) -> str:
        return escape(builder.get_relative_uri(current, page_name(base, number)), quote=True)

    parts = [f'<nav class="news-pagination" aria-label="{escape(_("Pages"), quote=True)}" '
             f'{MARK}="{page}">']
    if page > 1:
        parts.append(f'<a class="news-page-prev" rel="prev" href="{href(page - 1)}">'
                     f'{escape(_("Previous page"))}</a>')
    parts.append('<ol class="news-page-numbers">')
    for number in range(1, count + 1):
        label = escape(_("Page %d") % number, quote=True)
        if number == page:
            parts.append(f'<li><span aria-current="page" aria-label="{label}">{number}</span>'
                         "</li>")
        else:
            parts.append(f'<li><a href="{href(number)}" aria-label="{label}">{number}</a></li>')
    parts.append("</ol>")
    if page < count:
        parts.append(f'<a class="news-page-next" rel="next" href="{href(page + 1)}">'
                     f'{escape(_("Next page"))}</a>')
    parts.append("</nav>")
    html = "".join(parts)
    return nodes.raw(html, html, format="html")


