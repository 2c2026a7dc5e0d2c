"""Which builder runs, and whether it writes one document at a time."""

from __future__ import annotations

import weakref
from collections.abc import Container

from docutils import nodes
from docutils.nodes import Node
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.util.osutil import relative_uri


def builder_of(env: BuildEnvironment) -> Builder:
    """The running builder (Sphinx's own post-transforms reach it the same way)."""
    return app_of(env).builder


def app_of(env: BuildEnvironment) -> Sphinx:
    """The running application (Sphinx 9 deprecates ``env.app`` and a transform's ``app``)."""
    app: Sphinx = getattr(env, "_app", None) or env.app
    return app


def nothing_to_fill(env: BuildEnvironment, docnames: Container[str]) -> bool:
    """The document being written holds nothing a post-transform fills, by the domain's
    record of it (``docnames``: the docs that do); merged trees and generated pages
    (which no source was read for) are always searched."""
    return (writes_one_document(env) and env.docname not in docnames
            and env.docname in env.found_docs)


def writes_one_document(env: BuildEnvironment) -> bool:
    """Whether post-transforms see one document at a time (not a merged book).

    Then a document can be skipped by what the domain knows of it, without
    walking its tree; LaTeX, single-page HTML and texinfo merge every document
    into one tree, which must be searched.
    """
    app = getattr(env, "_app", None) or env.app
    builder = app.builder
    return isinstance(builder, StandaloneHTMLBuilder) and not isinstance(
        builder, SingleFileHTMLBuilder)


def is_ebook(builder: Builder) -> bool:
    """EPUB: HTML pages packed into one book, which holds no downloads and no site files."""
    return builder.name.startswith("epub")


def relative_link(builder: Builder, fromdoc: str, todoc: str, anchor: str = "") -> str:
    """The ``href`` from the page of ``fromdoc`` to ``todoc``'s (``#anchor`` on it, if given).

    Either may be a doc of the project or a page the extension generates (a
    term page, the archive).  ``singlehtml`` puts every doc on the root
    page, where Sphinx's own ``get_relative_uri`` returns ``#document-<doc>``
    from anywhere, so an anchor would make a second ``#`` and a generated
    page beside the root page would point into itself: here a doc's anchor is
    the fragment alone, and a generated page reaches the root page by a path.
    """
    if not isinstance(builder, SingleFileHTMLBuilder):
        if fromdoc == todoc and anchor:
            return f"#{anchor}"
        uri = _relative_uri(builder, fromdoc, todoc)
        return f"{uri}#{anchor}" if anchor else uri
    docs = builder.env.all_docs
    root = builder.config.root_doc
    here = root if fromdoc in docs else fromdoc
    if todoc in docs:
        page, fragment = root, f"#{anchor or 'document-' + todoc}"
    else:
        page, fragment = todoc, f"#{anchor}" if anchor else ""
    if page == here:
        return fragment or "#"
    return relative_uri(here + builder.out_suffix, page + builder.out_suffix) + fragment


#: builder -> (folder of the page linking, target doc) -> relative URI.
_RELATIVE: weakref.WeakKeyDictionary[Builder, dict[tuple[str, str], str]] = (
    weakref.WeakKeyDictionary())


def _relative_uri(builder: Builder, fromdoc: str, todoc: str) -> str:
    """``builder.get_relative_uri``, memoised where its answer depends only on the
    folder of ``fromdoc``: every article page links to the same term pages, and
    every term page to the same articles (hundreds of thousands of links on a
    large site)."""
    cls = type(builder)
    if (fromdoc == todoc or cls.get_target_uri is not StandaloneHTMLBuilder.get_target_uri
            or cls.get_relative_uri is not Builder.get_relative_uri):
        return builder.get_relative_uri(fromdoc, todoc)
    # The target URI is the quoted docname and a fixed suffix; the relative
    # URI between two different ones depends on the base's folder only.
    memo = _RELATIVE.setdefault(builder, {})
    key = (fromdoc.rpartition("/")[0], todoc)
    uri = memo.get(key)
    if uri is None:
        uri = memo[key] = builder.get_relative_uri(fromdoc, todoc)
    return uri


def reference_to(builder: Builder, fromdoc: str, todoc: str, anchor: str, child: Node,
                 title: str | None = None) -> nodes.reference:
    """``sphinx.util.nodes.make_refnode``, with the link of :func:`relative_link`."""
    node = nodes.reference("", "", internal=True)
    if fromdoc == todoc and anchor:
        node["refid"] = anchor
    else:
        node["refuri"] = relative_link(builder, fromdoc, todoc, anchor)
    if title:
        node["reftitle"] = title
    node += child
    return node
def in_output(env: BuildEnvironment, docname: str) -> bool:
    """Whether the document being written can link to ``docname``: a book (the LaTeX
    and texinfo builders) holds only the documents of its toctree."""
    held = getattr(builder_of(env), "docnames", None)
    return held is None or docname in held


def writes_parts(env: BuildEnvironment) -> bool:
    """Whether a split bibliography is written as its parts, a page each: the HTML
    builders that write a site a file per page (not EPUB, a book, nor the single page,
    which keep one list, like the PDF)."""
    return writes_one_document(env) and not is_ebook(builder_of(env))


def doc_title(env: BuildEnvironment, docname: str) -> str:
    """The title of a project document as text (its docname if it has none): what the
    pages generated from it (its later pages, its bibliography's parts) are titled by."""
    return env.titles[docname].astext() if docname in env.titles else docname
