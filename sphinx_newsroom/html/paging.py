"""The later pages of long lists, and the links between the pages of a list.

What a list's pages are (their names, how many) is :mod:`..paging`'s; this
module writes the pages no document holds (``html-collect-pages``), deletes
the pages past the last one, and gives each page its ``prev``/``next``.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ..builders import doc_title
from ..directives.nodes import article_list
from ..i18n import _
from ..paging import ARCHIVE_PAGE, page_counts, page_name, paginates, split
from .pages import Generator, Page, writes_pages


def set_page_links(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                   doctree: Any) -> None:
    """A page of a sequence links its neighbours: ``prev``/``next`` (``<link rel>``)."""
    if not paginates(app):
        return
    found = split(pagename, page_counts(app))
    if found is None:
        return
    base, page = found
    count = page_counts(app)[base]
    builder = app.builder
    if page > 1:
        context["prev"] = {"link": builder.get_relative_uri(pagename, page_name(base, page - 1)),
                           "title": escape(_("Page %d") % (page - 1))}
    if page < count:
        context["next"] = {"link": builder.get_relative_uri(pagename, page_name(base, page + 1)),
                           "title": escape(_("Page %d") % (page + 1))}
    elif page > 1:
        context["next"] = None


def later_pages(app: Sphinx) -> Iterator[Page]:
    """Pages 2, 3, ... of the documents holding a long ``article-list`` (html-collect-pages).

    Page ``n`` repeats the document's title and shows the ``n``-th page of each of its
    ``article-list`` without ``:limit:``; the rest of the document is on its first page.
    """
    if not writes_pages(app.builder):
        return
    pages = Generator(app)
    counts = page_counts(app)
    domain = pages.domain
    for docname in sorted(domain.paged_lists):
        if docname not in counts:
            continue
        title = doc_title(app.env, docname)
        for number in range(2, counts[docname] + 1):
            pagename = page_name(docname, number)
            if pages.claimed(pagename) or pages.fresh(pagename, docname):
                continue
            heading = f"{title} ({_('page %d') % number})"
            section = nodes.section(ids=["news-page"], classes=["news-later-page"])
            section += nodes.title(heading, heading)
            for attributes in domain.paged_lists[docname]:
                section += article_list(**attributes, page=number, base=docname)
            yield pages.render(pagename, heading, section)
    remove_stale_pages(app, pages, counts)


def remove_stale_pages(app: Sphinx, pages: Generator, counts: dict[str, int]) -> None:
    """Delete pages past the last of every list a clean build would write fewer of."""
    domain = pages.domain
    bases = set(app.env.found_docs) | {ARCHIVE_PAGE} | set(domain.removed_pages)
    bases |= {term.page for terms in domain.terms.values() for term in terms.values()}
    for base in sorted(bases):
        number = max(counts.get(base, 1), 1) + 1
        while pages.target(page_name(base, number)).is_file():
            pages.remove(page_name(base, number))
            number += 1


def setup_paging(app: Sphinx) -> None:
    app.connect("html-collect-pages", later_pages, priority=600)
    app.connect("html-page-context", set_page_links)
