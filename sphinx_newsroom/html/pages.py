"""What every page the HTML builders generate shares: term pages, overviews, the archive.

Such a page is a doctree of the placeholders the directives leave
(``article-list``, ``taxonomy-index``, ``article-archive``).  The same
post-transforms fill it, the builder's own translator writes it, and the
theme's ``page.html`` frames it, through ``html-collect-pages``: a list of
articles is written by one renderer wherever it appears.  No file is ever
written into the source folder.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable, Set
from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import new_document
from sphinx.util.osutil import relative_uri

from .. import clock
from ..domain import get_domain
from ..log import warn
from ..model.selection import Pool
from ..model.taxonomy import Term
from ..paging import page_slice, paginates, term_articles
from ..warnings_ import NewsroomWarning

#: What ``html-collect-pages`` handlers yield: pagename, context, template.
Page = tuple[str, dict[str, Any], str]


def writes_pages(builder: Builder) -> bool:
    """The HTML builders, which write the generated pages as files of their own.

    ``singlehtml`` too: its one page links to them, and they are written
    beside it (see :mod:`.single_page`).
    """
    return isinstance(builder, StandaloneHTMLBuilder)


def note_frame(app: Sphinx, env: BuildEnvironment) -> None:
    """Record the settings the theme frames pages with (``env-updated``).

    They are what Sphinx's ``.buildinfo`` holds (theme, its options, sidebars,
    every other HTML setting); when they change, Sphinx rewrites every doc,
    and the generated pages follow.
    """
    builder = app.builder
    if isinstance(builder, StandaloneHTMLBuilder):
        info = builder.build_info
        get_domain(env).note_frame(str(builder.outdir), (info.config_hash, info.tags_hash))


#: builder -> (the docs it was computed for, output file -> the doc written there).
_OWNERS: weakref.WeakKeyDictionary[StandaloneHTMLBuilder, tuple[frozenset[str], dict[str, str]]] = (
    weakref.WeakKeyDictionary())


def _owners(builder: StandaloneHTMLBuilder, docnames: Set[str]) -> dict[str, str]:
    """Output file -> the project's doc written there, computed once per build (every
    handler asks, and on a large site the paths are thousands of ``pathlib`` calls:
    most of a no-op build's own work)."""
    cached = _OWNERS.get(builder)
    if cached is not None and cached[0] == docnames:
        return cached[1]
    cls = type(builder)
    if (cls.get_outfilename is StandaloneHTMLBuilder.get_outfilename
            and cls.get_output_path is StandaloneHTMLBuilder.get_output_path):
        # Path(outdir, doc + suffix), written as strings: a docname is a clean
        # relative POSIX path, which pathlib would not change.
        base, suffix = str(builder.outdir), builder.out_suffix
        owners = {os.path.join(base, d + suffix): d for d in docnames}
    else:  # dirhtml and the like: their own layout
        owners = {str(builder.get_outfilename(d)): d for d in docnames}
    _OWNERS[builder] = (frozenset(docnames), owners)
    return owners


class Generator:
    """The pages of one ``html-collect-pages`` handler, for the running builder."""

    def __init__(self, app: Sphinx) -> None:
        assert isinstance(app.builder, StandaloneHTMLBuilder)
        self.app = app
        self.builder: StandaloneHTMLBuilder = app.builder
        self.domain = get_domain(app.env)
        self.outdir = Path(self.builder.outdir).resolve()
        #: Output file -> the project's doc written there (the project's page wins).
        self.owners = _owners(self.builder, app.env.found_docs)
        templates = self.builder.templates
        self.template_mtime = templates.newest_template_mtime() if templates else 0.0
        self._published: Pool | None = None

    def published(self) -> Pool:
        """The articles a reader sees, newest first (computed once per handler)."""
        if self._published is None:
            self._published = self.domain.pool(self.app.config.newsroom_show_drafts,
                                               clock.now())
        return self._published

    def term_entries(self, term: Term) -> Callable[[], list[str]]:
        """The docnames listed on ``term``'s pages in order, for ``fresh``."""
        return lambda: [a.docname for a in term_articles(self.published(), term)]

    def archive_entries(self) -> list[str]:
        """The docnames listed on the archive's pages in order (the dated articles)."""
        return [a.docname for a in self.published().articles if a.date is not None]

    def target(self, pagename: str) -> Path:
        return Path(self.builder.get_outfilename(pagename))

    def inside(self, pagename: str) -> bool:
        return self.target(pagename).resolve().is_relative_to(self.outdir)

    def claimed(self, pagename: str) -> bool:
        """Whether a doc of the project is written where the page would be.

        The doc is kept.  Unless it lists articles itself (then it is meant to
        replace the page), a warning says the generated page is not written.
        """
        docname = self.owners.get(str(self.target(pagename)))
        if docname is None:
            return False
        if docname not in self.domain.listers:
            warn(NewsroomWarning.PAGE,
                 f"this document takes the place of the generated page {pagename!r}, "
                 "which is not written; to show the generated list here, use the "
                 "directive that makes it (taxonomy-index, article-list or "
                 "article-archive)", location=docname)
        return True

    def fresh(self, pagename: str, content: str = "", number: int = 1,
              entries: Callable[[], list[str]] | None = None) -> bool:
        """Whether the file an earlier build wrote still stands: same content, same frame.

        ``content`` names what the page shows, when another page's: a later page of a
        list is rewritten with the list's first page. ``number`` is the page's number
        in that list and ``entries`` gives the list's docnames in order: when the
        list's articles and their order stand (``domain.changed_entries``), a page
        showing none of the articles whose entry changed stands too.
        """
        target = self.target(pagename)
        if self.domain.frame_changed or not target.is_file():
            return False
        base = content or pagename
        if base in self.domain.changed_pages:
            only = self.domain.changed_entries.get(base)
            if only is None or entries is None:
                return False
            size = self.app.config.newsroom_page_size if paginates(self.app) else 0
            if only.intersection(page_slice(entries(), number, size)):
                return False
        return target.stat().st_mtime >= self.template_mtime

    def remove(self, pagename: str) -> None:
        """Remove the file of a page a clean build would not write (never a project doc's)."""
        target = self.target(pagename)
        if str(target) not in self.owners and self.inside(pagename):
            target.unlink(missing_ok=True)

    def render(self, pagename: str, title: str, content: nodes.section) -> Page:
        """Fill ``content`` like a doc's placeholders, and write it with the doc's translator."""
        document = new_document(pagename, self.builder.docsettings)
        document += content
        self.app.env.apply_post_transforms(document, pagename)
        # Relative links in the translator are taken from the doc being written,
        # and figure and section numbers from its tables (which a build that
        # wrote no doc has not set yet): as write_doc sets them for a doc.
        builder = self.builder
        saved = {name: getattr(builder, name, None)
                 for name in ("current_docname", "secnumbers", "fignumbers")}
        builder.current_docname = pagename
        builder.secnumbers, builder.fignumbers = {}, {}
        try:
            body = builder.render_partial(document.children[0])["fragment"]
        finally:
            for name, value in saved.items():
                if value is not None:
                    setattr(builder, name, value)
        context: dict[str, Any] = {"title": escape(title), "body": body}
        if isinstance(builder, SingleFileHTMLBuilder):
            context["toctree"] = _toctree_beside(builder, pagename)
        return pagename, context, "page.html"


def _toctree_beside(builder: SingleFileHTMLBuilder, pagename: str) -> Callable[..., str]:
    """The theme's ``toctree()`` for a page beside ``singlehtml``'s one page.

    Its entries point into that page (``#document-…``), so they are written
    relative to it.
    """
    root = relative_uri(pagename + builder.out_suffix, builder.config.root_doc + builder.out_suffix)

    def toctree(**kwargs: Any) -> str:
        return builder._get_local_toctree(pagename, **kwargs).replace('href="#', f'href="{root}#')

    return toctree

