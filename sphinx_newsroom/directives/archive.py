"""``article-archive``: every published, dated article by year and month."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from .lister import ListerDirective, article_filters
from .nodes import archive


class ArchiveDirective(ListerDirective):
    """``article-archive``: every published, dated article by year and month."""

    option_spec = {
        "tags": directives.unchanged,
        "topics": directives.unchanged,
        "years": directives.positive_int,
    }

    def run(self) -> list[nodes.Node]:
        node = archive(filters=article_filters(self.config, self.options),
                       years=self.options.get("years", 0))
        return self.placeholder(node)
