"""The LaTeX style file: the panel's framed environment and the index of each taxonomy."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders.latex import LaTeXBuilder
from sphinx.util.fileutil import copy_asset_file
from sphinx.util.texescape import escape as tex_escape

from ..indices import index_class
from .fonts import setup_fonts
from .visitors import tex_name

TEXINPUTS = Path(__file__).parent / "texinputs"
STYLE = "sphinxnewsroom"


def setup_latex(app: Sphinx) -> None:
    app.add_latex_package(STYLE)
    app.connect("builder-inited", _name_indices)
    setup_fonts(app)
    app.connect("build-finished", _copy_style)


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
    if exception is None and app.builder.format == "latex":
        copy_asset_file(TEXINPUTS / f"{STYLE}.sty", app.builder.outdir, force=True)
