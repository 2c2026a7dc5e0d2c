"""The generated pages beside ``singlehtml``'s one page.

``singlehtml`` does not emit ``html-collect-pages`` (it writes its one page
and the ``html_additional_pages``), so the term pages, the overviews and the
archive its badges and lists link to are written here, when it finishes,
with the same renderer the other HTML builders use.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.builders.singlehtml import SingleFileHTMLBuilder

from .archive_page import archive_page
from .term_pages import collect_pages


def write_beside_single_page(app: Sphinx, exception: Exception | None) -> None:
    builder = app.builder
    if exception is not None or not isinstance(builder, SingleFileHTMLBuilder):
        return
    for pages in (collect_pages(app), archive_page(app)):
        for pagename, context, template in pages:
            builder.handle_page(pagename, context, template)
