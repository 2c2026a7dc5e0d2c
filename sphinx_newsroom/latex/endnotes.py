"""In the PDF, an article's sources are its references section, as endnotes."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..domain import get_domain


class EndnoteSources(SphinxPostTransform):
    """In the PDF, an article's sources are its references section, as endnotes.

    LaTeX would otherwise turn every footnote into a page footnote, leaving the
    references heading empty and dropping sources listed but not cited.  Each
    source becomes a numbered entry of the references section, and each
    citation a superscript link to it.

    Every other footnote of an article (a note, or a source of an article
    without a references section) stays a page footnote, with an anchor the
    bibliography's "Cited by" links reach. One that is never cited, which
    LaTeX would drop, is set where it stands, as an endnote.
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
        # (The footnotes of references sections are endnotes by now.)
        articles = get_domain(self.env).articles
        rest = [f for f in self.document.findall(nodes.footnote)
                if f.get("docname") in articles and f["ids"]]
        if not rest:
            return
        references: dict[tuple[str, str], list[nodes.footnote_reference]] = {}
        for ref in self.document.findall(nodes.footnote_reference):
            references.setdefault((ref.get("docname", ""), ref.get("refid", "")), []).append(ref)
        for footnote in rest:
            if footnote["backrefs"]:
                _anchor(footnote, references.get((footnote["docname"], footnote["ids"][0]), []))
            else:
                self._endnote(footnote, footnote.parent)

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


def _anchor(footnote: nodes.footnote, references: list[nodes.footnote_reference]) -> None:
    """Give a page footnote's text the footnote's id, which LaTeX writes nowhere else.

    The footnote takes a new id (and its citations with it), so the id stays
    unique in the tree; the anchor holds the one links point at.
    """
    old = footnote["ids"][0]
    new = f"{old}-text"
    footnote["ids"][0] = new
    for ref in references:
        ref["refid"] = new
    anchor = nodes.target("", "", ids=[old])
    body = footnote.children[1] if len(footnote.children) > 1 else None
    if isinstance(body, nodes.paragraph):
        body.insert(0, anchor)
    else:
        footnote.insert(1, nodes.paragraph("", "", anchor))
