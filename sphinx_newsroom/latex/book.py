"""The PDF as a book: its start page, and an index per taxonomy at the end.

- The start document's own listings (the home page's latest articles,
  archive and term lists) are left out: in a book the table of contents and
  the indexes serve. A section they leave with nothing but its title goes too,
  so it does not become a chapter after the last article; text the start
  document has after its table of contents joins the text before it.
- Each taxonomy's index prints every term once with its articles as
  sub-entries and their page numbers, A-Z by letter group (Chinese by pinyin).
  Each term's entry carries a label, which term links reach.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.latex import LaTeXBuilder
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.latex import LaTeXTranslator

from ..directives import nodes as nr
from ..domain import get_domain
from ..indices import book_index, book_taxonomies
from ..labels import index_name
from .symbols import has_symbols, latex_text, require_twemojis, twemoji_names

#: What the start document of a book leaves out: its lists of other pages.
LISTINGS = (nr.article_list, nr.term_index, nr.archive)


class BookLayout(SphinxPostTransform):
    """The start document's listings (and sections left empty) leave the PDF."""

    default_priority = 5  # before the listings are filled (10)
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        root = _root_section(self.document)
        if root is None:
            return
        for listing, ancestors in list(_own_listings(self.document, [])):
            parent = ancestors[-1]
            parent.remove(listing)
            for section in reversed(ancestors):
                if not isinstance(section, nodes.section) or section is root \
                        or not _empty(section):
                    break
                section.parent.remove(section)
        _text_before_contents(root)


def _own_listings(node: nodes.Element, ancestors: list[nodes.Element]
                  ) -> Iterator[tuple[nodes.Element, list[nodes.Element]]]:
    """The start document's own listings, with their ancestors (Sphinx's merged tree
    does not link an included document's nodes to their new parents: walk down)."""
    for child in list(node.children):
        if isinstance(child, addnodes.start_of_file):
            continue  # a document the start document includes
        if isinstance(child, LISTINGS):
            yield child, [*ancestors, node]
        elif isinstance(child, nodes.Element):
            yield from _own_listings(child, [*ancestors, node])


def _empty(section: nodes.section) -> bool:
    return all(isinstance(child, nodes.title | nodes.target) for child in section.children)


def _root_section(document: nodes.document) -> nodes.section | None:
    sections = [c for c in document.children if isinstance(c, nodes.section)]
    return sections[0] if sections else None


def _text_before_contents(root: nodes.section) -> None:
    """Move the start document's text after its table of contents before it.

    Sphinx inlines each document at its toctree: text after the toctree
    would be printed at the end of the last chapter, far from its page.
    """
    wrappers = [i for i, child in enumerate(root.children)
                if isinstance(child, nodes.compound) and "toctree-wrapper" in child["classes"]]
    if not wrappers:
        return
    first, last = wrappers[0], wrappers[-1]
    # (A target stays: it labels the section after it.)
    trailing = [child for child in root.children[last + 1:]
                if not isinstance(child, nodes.section | nodes.target)]
    for child in trailing:
        root.remove(child)
    root[first:first] = trailing


def append_indexes(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """At the end of the assembled book: an index per taxonomy that has terms in it."""
    builder = app.builder
    if not isinstance(builder, LaTeXBuilder) or not get_domain(app.env).in_use:
        return
    domain = get_domain(app.env)
    order: dict[str, int] = {}
    for section in doctree.findall(nodes.section):
        article = section.get(nr.ARTICLE_ATTR)
        if article and article not in order:
            order[article] = len(order)
    # (What term links and lists check: the documents the book holds.)
    order = {d: order.get(d, len(order) + i)
             for i, d in enumerate(sorted(builder.docnames)) if d in domain.articles}
    for taxonomy in book_taxonomies(app.config):
        groups = book_index(domain, taxonomy, order)
        if not groups:
            continue
        if any(has_symbols(t.name) or any(has_symbols(a.title) for a in t.articles)
               for _letter, terms in groups for t in terms) and twemoji_names():
            require_twemojis(app)
        doctree += nr.book_index(taxonomy=taxonomy, title=str(index_name(taxonomy)),
                                 groups=groups)


def latex_visit_book_index(self: LaTeXTranslator, node: nr.book_index) -> None:
    def text(value: str) -> str:
        return latex_text(value, self.encode)

    # A term is kept with its first article, and no entry's lines are split
    # across columns: a reader finds a term and its pages together.
    lines = [f"\\renewcommand{{\\indexname}}{{{text(node['title'])}}}",
             "\\begin{sphinxtheindex}", "\\let\\bigletter\\sphinxstyleindexlettergroup",
             "\\clubpenalty=10000\\widowpenalty=10000\\relax"]
    for i, (letter, terms) in enumerate(node["groups"]):
        if i:
            lines.append("\\indexspace")
        lines.append(f"\\bigletter{{{self.escape(letter)}}}")
        for term in terms:
            lines.append(f"\\item\\relax\\sphinxnewsroomindexterm{{{self.idescape(term.label)}}}"
                         f"{{{text(term.name)}}}")
            for j, article in enumerate(term.articles):
                label = self.idescape(f"{article.docname}:{article.anchor}")
                keep = "" if j else "\\par\\nobreak"
                lines.append(f"  {keep}\\subitem\\relax\\sphinxnewsroomindexarticle{{{label}}}"
                             f"{{{text(article.title)}}}")
    lines.append("\\end{sphinxtheindex}")
    self.body.append("\n" + "\n".join(lines) + "\n")
    raise nodes.SkipNode


def latex_visit_page_ref(self: LaTeXTranslator, node: nr.page_ref) -> None:
    self.body.append(f"\\sphinxnewsroompageref{{{self.idescape(node['label'])}}}")
    raise nodes.SkipNode

