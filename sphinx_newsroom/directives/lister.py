"""The base of every directive that lists other articles, and its shared options.

In the read phase such a directive leaves a placeholder and records the doc as a
*lister*; a post-transform fills it from the domain once every article is known,
so an incremental build shows the same lists as a clean one.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.config import Config
from sphinx.util.docutils import SphinxDirective

from ..domain import get_domain
from ..model.terms import alias_map, clean_spelling, split_terms, term_key


def article_filters(config: Config, options: dict[str, Any]) -> dict[str, list[str]]:
    """Term keys asked for by a directive's ``:tags:`` / ``:topics:`` options."""
    aliases = alias_map(config.newsroom_term_aliases)
    return {
        taxonomy: [term_key(aliases.get(term_key(t), t)) for t in _csv(options[taxonomy])]
        for taxonomy in ("tags", "topics")
        if taxonomy in options
    }


def _csv(argument: str | None) -> list[str]:
    if not argument:
        return []
    return [clean_spelling(part) for part in split_terms(argument) if clean_spelling(part)]


def choice(*values: str) -> Any:
    """An option converter accepting one of ``values``."""
    return lambda argument: directives.choice(argument, values)


class ListerDirective(SphinxDirective):
    """Base: register the doc as one that lists articles."""

    def placeholder(self, node: nodes.Element) -> list[nodes.Node]:
        self.set_source_info(node)
        get_domain(self.env).note_lister(self.env.docname)
        return [node]
