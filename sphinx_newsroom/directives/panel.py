"""``article-meta``, and the panel placeholder an article keeps until it is written."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..directives import nodes as nr
from ..model.article import Article

#: ``env.temp_data`` key: an ``article-meta`` was placed in the document being read.
META_USED_KEY = "newsroom_meta_used"


class ArticleMetaDirective(SphinxDirective):
    """Place the metadata panel by hand (``newsroom_auto_meta`` then adds none)."""

    has_content = False
    required_arguments = 0

    def run(self) -> list[nodes.Node]:
        node = nr.article_meta("", classes=["news-meta"])
        self.set_source_info(node)
        # Only then must the article transform look for hand-placed panels in a non-article.
        self.env.temp_data[META_USED_KEY] = True
        return [node]


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
