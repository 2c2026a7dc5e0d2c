"""Plain-text visitors of the newsroom nodes."""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.text import TextTranslator

from .directives import nodes as nr
from .doctree import Visitor, visit_children


def text_visit_meta_field(self: TextTranslator, node: nr.meta_field) -> None:
    self.new_state(0)


def text_depart_meta_field(self: TextTranslator, node: nr.meta_field) -> None:
    self.end_state(wrap=False)


def text_depart_meta_label(self: TextTranslator, node: nr.meta_label) -> None:
    self.add_text(":")


def text_visit_featured_image(self: TextTranslator, node: nr.featured_image) -> None:
    raise nodes.SkipNode

#: What each node is written with in plain text.
VISITORS: dict[type[nodes.Element], tuple[Visitor, Visitor]] = {
    nr.article_meta: (visit_children, visit_children),
    nr.meta_field: (text_visit_meta_field, text_depart_meta_field),
    nr.meta_label: (visit_children, text_depart_meta_label),
    nr.news_time: (visit_children, visit_children),
    nr.term_ref: (visit_children, visit_children),
    nr.featured_image: (text_visit_featured_image, visit_children),
}
