"""HTML visitors of the newsroom nodes."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from ..builders import relative_link
from ..directives import nodes as nr
from ..doctree import Visitor, visit_children
from ..domain import get_domain
from ..i18n import _
from ..model.authors import AUTHORS
from ..model.memo import Memo

PANEL_CLASSES = "news-meta sd-card sd-sphinx-override sd-mb-4 sd-shadow-sm"
#: Classes of every term link, on article pages and generated pages alike.
TERM_CLASSES = "news-term sd-badge sd-outline-primary sd-text-primary"
#: Classes of a byline's link to an author's page.
AUTHOR_CLASSES = "news-author-link"
#: (translator class, tag name, its attributes) -> a term link's start tag.
_TERM_TAGS: Memo[tuple[object, ...], str] = Memo(100_000)


def html_visit_article_meta(self: HTML5Translator, node: nr.article_meta) -> None:
    self.body.append(self.starttag(node, "aside", "\n", False,
                                   CLASS=PANEL_CLASSES.replace("news-meta ", ""),
                                   **{"aria-label": _("Article information")}))
    self.body.append('<div class="sd-card-body news-meta-body">\n')


def html_depart_article_meta(self: HTML5Translator, node: nr.article_meta) -> None:
    self.body.append("</div></aside>\n")


def html_visit_meta_field(self: HTML5Translator, node: nr.meta_field) -> None:
    self.body.append(self.starttag(node, "div", "", CLASS="news-meta-field"))
    if "label" in node:
        # A compact field (see postprocess.panel._field): the label the meta_label node
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


def _term_link(self: HTML5Translator, taxonomy: str, key: str,
               node: nr.term_ref | None = None) -> tuple[str, str]:
    """The start and end tags of a link to a term's page (a ``span`` when the term
    has none): a badge, or for an author a plain link with ``rel="author"``."""
    page = get_domain(self.builder.env).term_page(taxonomy, key)
    author = taxonomy == AUTHORS
    classes = AUTHOR_CLASSES if author else TERM_CLASSES
    name, end = "span", "</span>"
    attributes: dict[str, Any] = {"CLASS": classes}
    if page is not None:
        uri = relative_link(self.builder, self.builder.current_docname, page)
        name, end = "a", "</a>"
        attributes.update(href=uri, rel="author" if author else "tag")
    if node is not None and (node["ids"] or node["classes"]):
        return self.starttag(node, name, "", **attributes), end
    # A term page lists thousands of badges; each tag is written once per
    # translator class (the same string ``starttag`` writes for a plain node).
    memo_key = (type(self), name, *attributes.values())
    tag = _TERM_TAGS.get(memo_key)
    if tag is None:
        tag = _TERM_TAGS.put(memo_key, self.starttag(nodes.inline(), name, "", **attributes))
    return tag, end


def html_visit_term_ref(self: HTML5Translator, node: nr.term_ref) -> None:
    if "separator" in node:  # compact (see postprocess.inline.term_nodes)
        self.body.append(f'<span class="news-sep">{self.encode(node["separator"])}</span>')
    start, end = _term_link(self, node["taxonomy"], node["key"], node)
    self.body.append(start)
    node["newsroom_tag"] = end


def html_depart_term_ref(self: HTML5Translator, node: nr.term_ref) -> None:
    self.body.append(node.get("newsroom_tag", "</span>"))


def html_visit_term_badges(self: HTML5Translator, node: nr.term_badges) -> None:
    """What the ``term_ref`` nodes of a list entry would write, in one go."""
    for taxonomy, key, spelling, separator, classed in node["links"]:
        if separator:
            self.body.append(f'<span class="news-sep">{self.encode(separator)}</span>'
                             if classed else f"<span>{self.encode(separator)}</span>")
        start, end = _term_link(self, taxonomy, key)
        self.body.append(f"{start}{self.encode(spelling)}{end}")
    raise nodes.SkipNode


def html_visit_source_backlink(self: HTML5Translator, node: nr.source_backlink) -> None:
    # What the inline + reference of other formats would write, in one go.
    self.body.append(f' <span class="news-source-backlink {nr.NO_SEARCH}">('
                     f'<a class="news-source-link reference internal" '
                     f'href="{self.attval(node["refuri"])}">{self.encode(node["label"])}</a>)'
                     "</span>")
    raise nodes.SkipNode


def html_visit_line_break(self: HTML5Translator, node: nr.line_break) -> None:
    self.body.append("<br />")  # then the newline it holds

#: What each node is written with in HTML.
VISITORS: dict[type[nodes.Element], tuple[Visitor, Visitor]] = {
    nr.article_meta: (html_visit_article_meta, html_depart_article_meta),
    nr.meta_field: (html_visit_meta_field, html_depart_meta_field),
    nr.meta_label: (html_visit_meta_label, html_depart_meta_label),
    nr.news_time: (html_visit_news_time, html_depart_news_time),
    nr.term_ref: (html_visit_term_ref, html_depart_term_ref),
    nr.term_badges: (html_visit_term_badges, visit_children),
    nr.source_backlink: (html_visit_source_backlink, visit_children),
    nr.line_break: (html_visit_line_break, visit_children),
}
