"""Directives that need no other article than their own."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from . import nodes as nr


class ArticleMetaDirective(SphinxDirective):
    """Place the metadata panel by hand (``newsroom_auto_meta`` then adds none)."""

    has_content = False
    required_arguments = 0

    def run(self) -> list[nodes.Node]:
        node = nr.article_meta("", classes=["news-meta"])
        self.set_source_info(node)
        # Only then must the reader look for hand-placed panels in a non-article.
        self.env.temp_data["newsroom_meta_used"] = True
        return [node]
