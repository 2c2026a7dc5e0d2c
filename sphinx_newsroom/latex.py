"""LaTeX support: the panel's framed environment, shipped as a style file."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.fileutil import copy_asset_file

TEXINPUTS = Path(__file__).parent / "texinputs"
STYLE = "sphinxnewsroom"


def setup_latex(app: Sphinx) -> None:
    app.add_latex_package(STYLE)
    app.connect("build-finished", _copy_style)


def _copy_style(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "latex":
        copy_asset_file(TEXINPUTS / f"{STYLE}.sty", app.builder.outdir)
