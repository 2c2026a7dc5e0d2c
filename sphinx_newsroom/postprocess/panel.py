"""The metadata panel of an article, filled from its record when the page is written."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..builders import builder_of, nothing_to_fill, reference_to
from ..directives import nodes as nr
from ..doctree import nodes_of
from ..domain import get_domain
from ..i18n import _
from ..labels import taxonomy_plural
from ..model.article import Article
from ..model.authors import AUTHORS
from ..model.terms import term_key
from ..model.translations import language_name
from .inline import summary_nodes, term_nodes, time_node

#: Fields the site search leaves out: they say the same on every article.
_UNSEARCHED = frozenset({"date", "updated", "reading-time"})


def _field(name: str, label: str, *content: nodes.Node, compact: bool = False) -> nr.meta_field:
    classes = [f"news-meta-{name}"] + ([nr.NO_SEARCH] if name in _UNSEARCHED else [])
    field = nr.meta_field("", classes=classes, field=name)
    label = str(label)  # resolve lazy translations before they reach the pickled doctree
    if compact:
        # HTML writes the label from the attribute (see html.visitors): two nodes
        # fewer per line, on every article page, for the same markup.
        field["label"] = label
    else:
        field += nr.meta_label(label, label, classes=[nr.NO_SEARCH])
        field += nodes.Text(" ")
    field.extend(content)
    return field


def byline_nodes(article: Article, names: Mapping[str, str]) -> list[nodes.Node]:
    """The authors, each a link to their page where HTML has one (plain text elsewhere).

    ``names`` maps a spelling to the name shown (the authors file's).
    """
    result: list[nodes.Node] = []
    separator = str(_(", "))
    for index, spelling in enumerate(article.authors):
        if index:
            result.append(nodes.Text(separator))
        name = names.get(spelling, spelling)
        result.append(nr.term_ref(name, name, taxonomy=AUTHORS, key=term_key(spelling)))
    return result


def expand_panel(panel: nr.article_meta, article: Article, language: str,
                 compact: bool = False, math: bool = False,
                 versions: Sequence[nodes.Node] = (),
                 names: Mapping[str, str] | None = None) -> None:
    """Fill a panel placeholder: dates, authors, reading time, terms, summary.

    ``compact`` (HTML builders): labels and separators as attributes the HTML
    visitors write, not as nodes (see ``_field`` and ``term_nodes``). ``math``
    (``newsroom_math``): the summary's TeX as math. ``versions``: the article's other
    language versions, each by the language's own name ("Also in: 中文").
    """
    image = list(panel.children)
    panel.clear()
    field = partial(_field, compact=compact)
    if article.date:
        panel += field("date", _("Published"), time_node(article.date, language))
    if article.updated and (not article.date or article.updated.date() != article.date.date()):
        panel += field("updated", _("Updated"), time_node(article.updated, language))
    if article.authors:
        panel += field("authors", _("By"), nodes.inline(
            "", "", *byline_nodes(article, names or {}), classes=["news-author"]))
    if article.reading_minutes:
        text = _("%d min read") % article.reading_minutes
        panel += field("reading-time", _("Reading time"), nodes.inline(text, text))
    for taxonomy, spellings in article.terms:
        if spellings:
            panel += field(taxonomy, taxonomy_plural(taxonomy),
                           *term_nodes(taxonomy, spellings, compact))
    if article.summary:
        panel += field("summary", _("Summary"),
                       nodes.inline("", "", *summary_nodes(article.summary, math)))
    if article.canonical_url:
        host = urlsplit(article.canonical_url).hostname or article.canonical_url
        panel += field("canonical", _("Originally published at"),
                       nodes.reference(host, host, refuri=article.canonical_url,
                                       classes=["news-canonical"]))
    if versions:
        shown: list[nodes.Node] = []
        for node in versions:
            shown += [nodes.Text(_(", ")), node] if shown else [node]
        panel += field("translations", _("Also in"), *shown)
    panel.extend(image)


class ExpandPanels(SphinxPostTransform):
    """Fill every metadata panel from its article's record (for every builder)."""

    default_priority = 10

    def run(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        if nothing_to_fill(self.env, domain.articles):
            return
        language = self.config.language or "en"
        compact = builder_of(self.env).format == "html"
        for panel in nodes_of(self.document, nr.article_meta)[nr.article_meta]:
            article = domain.articles.get(panel.get("docname", ""))
            if article is not None:
                names = {s: domain.author_name(s) for s in article.authors}
                expand_panel(panel, article, language, compact, self.config.newsroom_math,
                             self._versions(article), names)

    def _versions(self, article: Article) -> list[nodes.Node]:
        """The article's other published versions: links in HTML, names elsewhere."""
        domain = get_domain(self.env)
        builder = builder_of(self.env)
        own = domain.versions.get(article.docname, ())
        shown: list[nodes.Node] = []
        for tag, docname in own:
            if tag == "x-default" or docname == article.docname or docname not in domain.articles:
                continue
            name = language_name(tag)
            label = nodes.inline(name, name, classes=["news-translation"])
            if builder.format == "html":
                other = domain.articles[docname]
                shown.append(reference_to(builder, self.env.docname, docname, other.anchor,
                                          label, other.title))
            else:
                shown.append(label)
        return shown
