"""The part pages of a split ``news-bibliography``: ``<doc>/2025.html``, ``<doc>/2025-06.html``.

A source's part is the year (or month) of the first published article citing
it, which a new source does not change: a new source adds to its part only,
and the links to every other entry stay where they were.  Each page holds a
``bibliography`` placeholder of its part, filled by the post-transform that
fills the directive's own list (see :mod:`.pages`).
"""

from __future__ import annotations

from collections.abc import Iterator

from docutils import nodes
from sphinx.application import Sphinx

from .. import clock
from ..builders import doc_title, relative_link, writes_parts
from ..directives.nodes import bibliography
from ..labels import part_label, sources_count
from .pages import Generator, Page, writes_pages


def part_pages(app: Sphinx) -> Iterator[Page]:
    """The part pages of every split bibliography (html-collect-pages)."""
    if not writes_pages(app.builder):
        return
    pages = Generator(app)
    domain = pages.domain
    for pagename in sorted(domain.removed_parts):
        pages.remove(pagename)  # a part with no source left, or a list no longer split
    if not writes_parts(app.env):
        return
    language = app.config.language or "en"
    now = clock.now()
    for docname, (split, sort, style) in sorted(domain.bibliography_splits.items()):
        if docname not in app.env.found_docs:
            continue
        title = doc_title(app.env, docname)
        parts = domain.source_parts(split, app.config.newsroom_show_drafts, now)
        for part, entries in parts.items():
            pagename = f"{docname}/{part}"
            if pages.claimed(pagename) or pages.fresh(pagename):
                continue
            heading = f"{title}: {part_label(part, language)}"
            section = nodes.section(ids=["news-bibliography-part"],
                                    classes=["news-bibliography-part-page"])
            section += nodes.title(heading, heading)
            count = nodes.paragraph(classes=["news-count"])
            count += nodes.Text(f"{sources_count(len(entries))} · ")
            count += nodes.reference(title, title, internal=True,
                                     refuri=relative_link(app.builder, pagename, docname))
            section += count
            section += bibliography(sort=sort, style=style, filters={}, docname=docname,
                                    split=split, part=part)
            yield pages.render(pagename, heading, section)
