"""The LaTeX style file (the panel's frame, the indexes' entries), and the book's setup."""

from __future__ import annotations

import weakref
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.latex import LaTeXBuilder
from sphinx.util.fileutil import copy_asset_file

from ..domain import get_domain
from .book import BookLayout, append_indexes
from .fonts import setup_fonts
from .symbols import SymbolsTexCanSet

TEXINPUTS = Path(__file__).parent / "texinputs"
STYLE = "sphinxnewsroom"


def setup_latex(app: Sphinx) -> None:
    app.connect("doctree-resolved", _load_style)
    app.connect("doctree-resolved", append_indexes)
    app.add_post_transform(BookLayout)
    app.add_post_transform(SymbolsTexCanSet)
    setup_fonts(app)
    app.connect("build-finished", _copy_style)


def _load_style(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Load the style file where the PDF has something of the newsroom's to set.

    Runs on the LaTeX builder's assembled document, before its preamble is
    written: a project without articles gets a preamble of its own alone.
    """
    builder = app.builder
    if (not isinstance(builder, LaTeXBuilder) or not get_domain(app.env).in_use
            or builder in _STYLED):
        return
    _STYLED.add(builder)
    app.add_latex_package(STYLE)  # the builder reads the packages just before writing


#: The LaTeX builders whose documents load the style file.
_STYLED: weakref.WeakSet[LaTeXBuilder] = weakref.WeakSet()


def _copy_style(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and isinstance(app.builder, LaTeXBuilder) \
            and app.builder in _STYLED:
        copy_asset_file(TEXINPUTS / f"{STYLE}.sty", app.builder.outdir, force=True)
