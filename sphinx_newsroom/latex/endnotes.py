"""In the PDF, an article's sources are its references section, as endnotes."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform


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
