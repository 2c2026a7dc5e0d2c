"""The part of a subscriber-only article behind the paywall, marked for search engines.

An article with ``access: subscriber`` has its body (everything after the
title, the metadata panel and the lede, which stay free as a teaser) wrapped
in ``<div class="news-paywalled">``. Its JSON-LD names that element with
``hasPart.cssSelector`` (see :mod:`.seo`), the markup Google documents for
paywalled content, so a paywall script hiding it is not taken for cloaking.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..directives import nodes as nr
from ..domain import get_domain
from .seo import PAYWALLED_CLASS


class MarkPaywalled(SphinxPostTransform):
    """Wrap a subscriber-only article's body in the paywalled container (HTML only)."""

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        article = get_domain(self.env).articles.get(self.env.docname)
        if article is None or article.access != "subscriber" or not article.anchor:
            return
        for section in self.document.findall(nodes.section):
            if article.anchor in section["ids"]:
                wrap_body(section)
                return


def wrap_body(section: nodes.section) -> None:
    """Move the section's children after its title, panel and lede into the container."""
    keep = 0
    for child in section.children:
        free = (isinstance(child, nodes.title | nr.article_meta)
                or (isinstance(child, nodes.block_quote) and "news-lede" in child["classes"]))
        if not free:
            break
        keep += 1
    body = section.children[keep:]
    if not body:
        return
    container = nodes.container(classes=[PAYWALLED_CLASS])
    for child in list(body):
        section.remove(child)
        container += child
    section += container
