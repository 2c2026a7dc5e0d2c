"""The LaTeX style file: the panel's framed environment and the index of each taxonomy."""

from __future__ import annotations

import weakref
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.latex import LaTeXBuilder
from sphinx.util.fileutil import copy_asset_file
from sphinx.util.texescape import escape as tex_escape

from ..domain import get_domain
from ..indices import index_class
from .fonts import setup_fonts
from .visitors import tex_name

TEXINPUTS = Path(__file__).parent / "texinputs"
STYLE = "sphinxnewsroom"


def setup_latex(app: Sphinx) -> None:
    app.connect("doctree-resolved", _load_style)
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
    _name_indices(app)


#: The LaTeX builders whose documents load the style file.
_STYLED: weakref.WeakSet[LaTeXBuilder] = weakref.WeakSet()


def _name_indices(app: Sphinx) -> None:
    """Tell the style file which index belongs to which taxonomy (for term links)."""
    if not isinstance(app.builder, LaTeXBuilder):
        return
    lines = [
        f"\\sphinxnewsroomindex{{{tex_escape(str(index_class(t).localname))}}}{{{tex_name(t)}}}"
        for t in app.config.newsroom_taxonomies
    ]
    app.builder.context["preamble"] += "\n" + "\n".join(lines) + "\n"


def _copy_style(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and isinstance(app.builder, LaTeXBuilder) \
            and app.builder in _STYLED:
        copy_asset_file(TEXINPUTS / f"{STYLE}.sty", app.builder.outdir, force=True)
