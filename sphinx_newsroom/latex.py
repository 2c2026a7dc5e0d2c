"""LaTeX support: the panel's framed environment, shipped as a style file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.latex import constants
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.fileutil import copy_asset_file
from sphinx.util.texescape import escape as tex_escape

from . import fonts
from .indices import index_class
from .warnings_ import NewsroomWarning, warn

TEXINPUTS = Path(__file__).parent / "texinputs"
STYLE = "sphinxnewsroom"


def setup_latex(app: Sphinx) -> None:
    app.add_latex_package(STYLE)
    app.add_post_transform(EndnoteSources)
    app.connect("config-inited", _cjk_engine)
    app.connect("builder-inited", _name_indices)
    app.connect("builder-inited", _choose_fonts)
    app.connect("build-finished", _copy_style)


def _name_indices(app: Sphinx) -> None:
    """Tell the style file which index belongs to which taxonomy (for term links)."""
    if app.builder.format != "latex":
        return
    lines = [
        f"\\sphinxnewsroomindex{{{tex_escape(str(index_class(t).localname))}}}{{{t}}}"
        for t in app.config.newsroom_taxonomies
    ]
    app.builder.context["preamble"] += "\n" + "\n".join(lines) + "\n"


def set_by_user(config: Config, name: str) -> bool:
    """Whether conf.py or ``-D`` gave ``name`` a value (else Sphinx's default holds)."""
    # Sphinx keeps conf.py's namespace in ``_raw_config`` and ``-D`` values in
    # ``overrides``; a test fails loudly should either stop holding the name.
    return name in config._raw_config or name in config.overrides


def _cjk_engine(app: Sphinx, config: Config) -> None:
    """Japanese and Korean projects that chose no engine build with xelatex."""
    if fonts.uses_cjk_engine_default(config.language, set_by_user(config, "latex_engine")):
        config.latex_engine = "xelatex"
        if not set_by_user(config, "latex_docclass"):
            # Sphinx's Japanese default (jsbook) is a class for pLaTeX only.
            config.latex_docclass = {}


SPHINX_FONTPKG = {
    constants.XELATEX_DEFAULT_FONTPKG, constants.XELATEX_GREEK_DEFAULT_FONTPKG,
}


def _choose_fonts(app: Sphinx) -> None:
    """Installed fonts where the project names none (``latex_elements["fontpkg"]`` wins)."""
    builder = app.builder
    engine = app.config.latex_engine
    if (builder.format != "latex" or engine not in {"xelatex", "lualatex"}
            or "fontpkg" in app.config.latex_elements
            or builder.context.get("fontpkg") not in SPHINX_FONTPKG):
        return
    choice = fonts.choose_fonts(app.config.language, engine, constants.XELATEX_DEFAULT_FONTPKG,
                                fonts.installed_fonts())
    builder.context["fontpkg"] = choice.fontpkg
    if choice.load_xecjk and builder.context.get("fvset") == constants.DEFAULT_SETTINGS["fvset"]:
        # As Sphinx does for Chinese: keep xeCJK from spacing verbatim text.
        builder.context["fvset"] = "\\fvset{fontsize=auto,formatcom=\\xeCJKVerbAddon}"
    if choice.uncovered:
        warn(NewsroomWarning.CONFIG,
             f"no installed font covers language {choice.uncovered!r}: its characters will be "
             "missing from the PDF (install fonts-noto-cjk, or set latex_elements['fontpkg'])")


def _copy_style(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "latex":
        copy_asset_file(TEXINPUTS / f"{STYLE}.sty", app.builder.outdir, force=True)


class EndnoteSources(SphinxPostTransform):
    """In the PDF, an article's sources are its references section, as endnotes.

    LaTeX would otherwise turn every footnote into a page footnote, leaving the
    references heading empty and dropping sources listed but not cited.  Each
    source becomes a numbered entry of the references section, and each
    citation a superscript link to it.
    """

    default_priority = 590  # before Sphinx's LaTeXFootnoteTransform (600)
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for section in list(self.document.findall(nodes.section)):
            if "news-references" not in section["classes"]:
                continue
            # The LaTeX builder has merged every document into one tree and ids
            # are unique per document only: look for citations in this article.
            article = section.parent
            for footnote in list(section.findall(nodes.footnote)):
                self._endnote(footnote, article)

    def _endnote(self, footnote: nodes.footnote, article: nodes.Element) -> None:
        label = footnote[0].astext() if isinstance(footnote[0], nodes.label) else "*"
        entry = nodes.paragraph(classes=["news-source"])
        entry += nodes.target("", "", ids=list(footnote["ids"]))
        entry += nodes.strong(f"[{label}]", f"[{label}]")
        entry += nodes.Text(" ")
        for child in footnote.children[1:]:
            entry.extend(child.children if isinstance(child, nodes.paragraph) else [child])
        footnote.replace_self(entry)
        backrefs = set(footnote["backrefs"])
        for citation in list(article.findall(nodes.footnote_reference)):
            if backrefs.intersection(citation["ids"]):
                link = nodes.reference("", "", nodes.Text(label), refid=footnote["ids"][0],
                                       internal=True)
                citation.replace_self(nodes.superscript("", "", link, ids=citation["ids"]))
