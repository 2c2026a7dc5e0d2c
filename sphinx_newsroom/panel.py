"""The metadata panel of an article, as format-neutral nodes."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache, partial

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from docutils import nodes

from . import nodes as nr
from .i18n import _
from .model.article import Article
from .model.terms import term_key


@lru_cache(maxsize=64)
def reader_locale(language: str) -> Locale:
    """The babel locale of ``language`` (English when babel does not know it)."""
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale("en")


def localised_date(value: dt.datetime, language: str) -> str:
    """``2025年7月2日`` for zh_CN, ``July 2, 2025`` for en: the date as written locally."""
    return _long_date(value.date(), language)


@lru_cache(maxsize=4096)
def _long_date(day: dt.date, language: str) -> str:
    return format_date(day, format="long", locale=reader_locale(language))


def time_node(value: dt.datetime, language: str) -> nr.news_time:
    text = localised_date(value, language)
    return nr.news_time(text, text, datetime=value.isoformat())


#: Fields the site search leaves out: they say the same on every article.
_UNSEARCHED = frozenset({"date", "updated", "reading-time"})


def _field(name: str, label: str, *content: nodes.Node, compact: bool = False) -> nr.meta_field:
    classes = [f"news-meta-{name}"] + ([nr.NO_SEARCH] if name in _UNSEARCHED else [])
    field = nr.meta_field("", classes=classes, field=name)
    label = str(label)  # resolve lazy translations before they reach the pickled doctree
    if compact:
        # HTML writes the label from the attribute (see visitors): two nodes
        # fewer per line, on every article page, for the same markup.
        field["label"] = label
    else:
        field += nr.meta_label(label, label, classes=[nr.NO_SEARCH])
        field += nodes.Text(" ")
    field.extend(content)
    return field


def term_nodes(taxonomy: str, spellings: tuple[str, ...],
               compact: bool = False) -> list[nodes.Node]:
    """Links to each term's page, with separators writers without badges show.

    ``compact`` (HTML): each link after the first carries its separator as an
    attribute, which the HTML visitor writes, instead of two nodes of its own.
    """
    result: list[nodes.Node] = []
    separator = ", "
    for index, spelling in enumerate(spellings):
        link = nr.term_ref(spelling, spelling, taxonomy=taxonomy, key=term_key(spelling))
        if index:
            if compact:
                link["separator"] = separator
            else:
                result.append(nodes.inline(separator, separator, classes=["news-sep"]))
        result.append(link)
    return result


def panel_placeholder(article: Article, document: nodes.document) -> nr.article_meta:
    """What the doctree keeps of the panel between reading and writing.

    Only the featured image (so Sphinx collects and copies it); the fields are
    filled in from the ``Article`` when the page is written (``expand_panel``),
    which keeps every cached doctree small on a large site.
    """
    panel = nr.article_meta("", classes=["news-meta"], docname=article.docname)
    if article.image:
        image = nr.featured_image(uri=article.image, alt=article.title,
                                  classes=["news-meta-image"])
        image.source, image.line = document["source"], 1
        panel += image
    return panel


def expand_panel(panel: nr.article_meta, article: Article, language: str,
                 compact: bool = False) -> None:
    """Fill a panel placeholder: dates, authors, reading time, terms, summary.

    ``compact`` (HTML builders): labels and separators as attributes the HTML
    visitors write, not as nodes (see ``_field`` and ``term_nodes``).
    """
    image = list(panel.children)
    panel.clear()
    field = partial(_field, compact=compact)
    if article.date:
        panel += field("date", _("Published"), time_node(article.date, language))
    if article.updated and (not article.date or article.updated.date() != article.date.date()):
        panel += field("updated", _("Updated"), time_node(article.updated, language))
    if article.authors:
        names = _(", ").join(article.authors)
        panel += field("authors", _("By"), nodes.inline(names, names, classes=["news-author"]))
    if article.reading_minutes:
        text = _("%d min read") % article.reading_minutes
        panel += field("reading-time", _("Reading time"), nodes.inline(text, text))
    labels = {"topics": _("Topics"), "tags": _("Tags")}
    for taxonomy, spellings in article.terms:
        if spellings:
            label = labels.get(taxonomy, taxonomy.replace("_", " ").capitalize())
            panel += field(taxonomy, label, *term_nodes(taxonomy, spellings, compact))
    if article.summary:
        panel += field("summary", _("Summary"), nodes.inline(article.summary, article.summary))
    panel.extend(image)
