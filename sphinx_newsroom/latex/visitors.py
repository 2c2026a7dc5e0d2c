"""LaTeX visitors of the newsroom nodes (the environments are in the style file)."""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator

from ..directives import nodes as nr
from ..doctree import Visitor, visit_children
from ..domain import get_domain
from ..indices import in_book_index, term_label
from ..model.authors import AUTHORS
from .book import latex_visit_book_index, latex_visit_page_ref


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
    # Terms have no page in a PDF: link to the term's entry in its taxonomy's index.
    # Authors have no index: a byline is plain text.
    taxonomy, key = node["taxonomy"], node["key"]
    if taxonomy == AUTHORS or not in_book_index(get_domain(self.builder.env), self.config,
                                                taxonomy, key, self.builder.docnames):
        node["newsroom_linked"] = False
        return
    node["newsroom_linked"] = True
    self.body.append(f"\\sphinxnewsroomterm{{{self.idescape(term_label(taxonomy, key))}}}{{")


def latex_depart_term_ref(self: LaTeXTranslator, node: nr.term_ref) -> None:
    if node.get("newsroom_linked"):
        self.body.append("}")


def latex_visit_featured_image(self: LaTeXTranslator, node: nr.featured_image) -> None:
    if "://" in node["uri"]:
        # A remote image cannot be embedded in a PDF without downloading it.
        raise nodes.SkipNode
    self.body.append("\\begin{center}")
    self.visit_image(node)


def latex_depart_featured_image(self: LaTeXTranslator, node: nr.featured_image) -> None:
    self.depart_image(node)
    self.body.append("\\end{center}\n")

def latex_visit_line_break(self: LaTeXTranslator, node: nr.line_break) -> None:
    if self.in_title or self.in_caption or self.in_term:
        # A heading, caption or term is also set on one line (the contents, the list
        # of figures, a list label), where a break has no line to end: a space.
        self.body.append(" ")
    elif _shows_more(node):
        # \leavevmode: a break that opens a paragraph, a list item or a table cell
        # still has a line to end. Not \\, which ends a table row.
        self.body.append("\\leavevmode\\newline{}")
    # A break with nothing after it in its paragraph ends no line, as in HTML.
    raise nodes.SkipNode


def _shows_more(node: nodes.Node) -> bool:
    """Whether anything the PDF shows follows ``node`` in its paragraph (its block)."""
    block: nodes.Element = node.parent
    while isinstance(block, nodes.Inline) and block.parent is not None:
        block = block.parent
    after = False
    for other in block.findall():
        if other is node:
            after = True
        elif not after or isinstance(other.parent, nr.line_break | nodes.raw):
            continue
        elif isinstance(other, nodes.image) or (isinstance(other, nodes.Text) and other.strip()):
            return True
        elif (isinstance(other, nodes.raw) and "latex" in other.get("format", "").split()
              and other.astext().strip()):
            return True
    return False

#: What each node is written with in LaTeX.
VISITORS: dict[type[nodes.Element], tuple[Visitor, Visitor]] = {
    nr.article_meta: (latex_visit_article_meta, latex_depart_article_meta),
    nr.meta_field: (latex_visit_meta_field, latex_depart_meta_field),
    nr.meta_label: (latex_visit_meta_label, latex_depart_meta_label),
    nr.news_time: (visit_children, visit_children),
    nr.term_ref: (latex_visit_term_ref, latex_depart_term_ref),
    nr.featured_image: (latex_visit_featured_image, latex_depart_featured_image),
    nr.line_break: (latex_visit_line_break, visit_children),
    nr.page_ref: (latex_visit_page_ref, visit_children),
    nr.book_index: (latex_visit_book_index, visit_children),
}
