"""Per-format visitors of the newsroom nodes (HTML, LaTeX, text).

Builders not listed fall back, through the node classes' bases, to containers,
paragraphs, inline text and images.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator
from sphinx.writers.text import TextTranslator

from . import nodes as nr
from .domain import get_domain
from .i18n import _

PANEL_CLASSES = "news-meta sd-card sd-sphinx-override sd-mb-4 sd-shadow-sm"


# -- HTML -----------------------------------------------------------------------

def html_visit_article_meta(self: HTML5Translator, node: nr.article_meta) -> None:
    self.body.append(self.starttag(node, "aside", CLASS=PANEL_CLASSES.replace("news-meta ", ""),
                                   **{"aria-label": _("Article information")}))
    self.body.append('<div class="sd-card-body news-meta-body">\n')


def html_depart_article_meta(self: HTML5Translator, node: nr.article_meta) -> None:
    self.body.append("</div></aside>\n")


def html_visit_meta_field(self: HTML5Translator, node: nr.meta_field) -> None:
    self.body.append(self.starttag(node, "div", "", CLASS="news-meta-field"))
    if "label" in node:
        # A compact field (see panel._field): the label the meta_label node
        # would have written, left out of the search index like it.
        self.body.append(f'<span class="{nr.NO_SEARCH} news-meta-label">'
                         f'{self.encode(node["label"])}</span> ')


def html_depart_meta_field(self: HTML5Translator, node: nr.meta_field) -> None:
    self.body.append("</div>\n")


def html_visit_meta_label(self: HTML5Translator, node: nr.meta_label) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS="news-meta-label"))


def html_depart_meta_label(self: HTML5Translator, node: nr.meta_label) -> None:
    self.body.append("</span>")


def html_visit_news_time(self: HTML5Translator, node: nr.news_time) -> None:
    self.body.append(self.starttag(node, "time", "", datetime=node["datetime"]))


def html_depart_news_time(self: HTML5Translator, node: nr.news_time) -> None:
    self.body.append("</time>")


def html_visit_term_ref(self: HTML5Translator, node: nr.term_ref) -> None:
    if "separator" in node:  # compact (see panel.term_nodes)
        self.body.append(f'<span class="news-sep">{self.encode(node["separator"])}</span>')
    page = get_domain(self.builder.env).term_page(node["taxonomy"], node["key"])
    classes = "news-term sd-badge sd-outline-primary sd-text-primary"
    if page is None:
        self.body.append(self.starttag(node, "span", "", CLASS=classes))
        node["newsroom_tag"] = "span"
        return
    uri = self.builder.get_relative_uri(self.builder.current_docname, page)
    self.body.append(self.starttag(node, "a", "", CLASS=classes, href=uri, rel="tag"))
    node["newsroom_tag"] = "a"


def html_depart_term_ref(self: HTML5Translator, node: nr.term_ref) -> None:
    self.body.append(f"</{node.get('newsroom_tag', 'span')}>")


def html_visit_source_backlink(self: HTML5Translator, node: nr.source_backlink) -> None:
    # What the inline + reference of other formats would write, in one go.
    self.body.append(f' <span class="news-source-backlink {nr.NO_SEARCH}">('
                     f'<a class="news-source-link reference internal" '
                     f'href="{self.attval(node["refuri"])}">{self.encode(node["label"])}</a>)'
                     "</span>")
    raise nodes.SkipNode


# -- LaTeX ----------------------------------------------------------------------

def latex_visit_article_meta(self: LaTeXTranslator, node: nr.article_meta) -> None:
    self.body.append("\n\\begin{sphinxnewsroommeta}\n")


def latex_depart_article_meta(self: LaTeXTranslator, node: nr.article_meta) -> None:
    self.body.append("\\end{sphinxnewsroommeta}\n")


def latex_visit_meta_field(self: LaTeXTranslator, node: nr.meta_field) -> None:
    self.body.append("\\noindent{}")


def latex_depart_meta_field(self: LaTeXTranslator, node: nr.meta_field) -> None:
    self.body.append("\\par\n")


def latex_visit_meta_label(self: LaTeXTranslator, node: nr.meta_label) -> None:
    self.body.append("\\textbf{")


def latex_depart_meta_label(self: LaTeXTranslator, node: nr.meta_label) -> None:
    self.body.append("}")


def latex_visit_term_ref(self: LaTeXTranslator, node: nr.term_ref) -> None:
    # Terms have no page in a PDF: link to the taxonomy's index instead.
    if get_domain(self.builder.env).term_page(node["taxonomy"], node["key"]) is None:
        node["newsroom_linked"] = False
        return
    node["newsroom_linked"] = True
    self.body.append(f"\\sphinxnewsroomterm{{{_tex_name(node['taxonomy'])}}}{{")


def latex_depart_term_ref(self: LaTeXTranslator, node: nr.term_ref) -> None:
    if node.get("newsroom_linked"):
        self.body.append("}")


def _tex_name(taxonomy: str) -> str:
    return "".join(c for c in taxonomy if c.isalnum() or c in "-_")


def latex_visit_featured_image(self: LaTeXTranslator, node: nr.featured_image) -> None:
    if "://" in node["uri"]:
        # A remote image cannot be embedded in a PDF without downloading it.
        raise nodes.SkipNode
    self.body.append("\\begin{center}")
    self.visit_image(node)


def latex_depart_featured_image(self: LaTeXTranslator, node: nr.featured_image) -> None:
    self.depart_image(node)
    self.body.append("\\end{center}\n")


def _plain(self: object, node: nodes.Element) -> None:
    """Render the node's children only."""


# -- text -----------------------------------------------------------------------

def text_visit_meta_field(self: TextTranslator, node: nr.meta_field) -> None:
    self.new_state(0)


def text_depart_meta_field(self: TextTranslator, node: nr.meta_field) -> None:
    self.end_state(wrap=False)


def text_depart_meta_label(self: TextTranslator, node: nr.meta_label) -> None:
    self.add_text(":")


def text_visit_featured_image(self: TextTranslator, node: nr.featured_image) -> None:
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    app.add_node(
        nr.article_meta,
        html=(html_visit_article_meta, html_depart_article_meta),
        latex=(latex_visit_article_meta, latex_depart_article_meta),
        text=(_plain, _plain),
    )
    app.add_node(
        nr.meta_field,
        html=(html_visit_meta_field, html_depart_meta_field),
        latex=(latex_visit_meta_field, latex_depart_meta_field),
        text=(text_visit_meta_field, text_depart_meta_field),
    )
    app.add_node(
        nr.meta_label,
        html=(html_visit_meta_label, html_depart_meta_label),
        latex=(latex_visit_meta_label, latex_depart_meta_label),
        text=(_plain, text_depart_meta_label),
    )
    app.add_node(
        nr.news_time,
        html=(html_visit_news_time, html_depart_news_time),
        latex=(_plain, _plain),
        text=(_plain, _plain),
    )
    app.add_node(
        nr.term_ref,
        html=(html_visit_term_ref, html_depart_term_ref),
        latex=(latex_visit_term_ref, latex_depart_term_ref),
        text=(_plain, _plain),
    )
    app.add_node(nr.source_backlink, html=(html_visit_source_backlink, _plain))
    app.add_node(
        nr.featured_image,
        latex=(latex_visit_featured_image, latex_depart_featured_image),
        text=(text_visit_featured_image, _plain),
    )
