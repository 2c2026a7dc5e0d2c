"""Which builder runs, and whether it writes one document at a time."""

from __future__ import annotations

from collections.abc import Container

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.environment import BuildEnvironment


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


def in_output(env: BuildEnvironment, docname: str) -> bool:
    """Whether the document being written can link to ``docname``: a book (the LaTeX
    and texinfo builders) holds only the documents of its toctree."""
    held = getattr(builder_of(env), "docnames", None)
    return held is None or docname in held
