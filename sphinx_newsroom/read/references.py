"""An article's trailing references section: its own list of sources."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from .source import SOURCE_KEY


def is_references_title(title: str, config: Any) -> bool:
    return title.strip().casefold() in {t.casefold() for t in config.newsroom_references_titles}


class ListedSourcesTransform(SphinxTransform):
    """Accept sources listed in an article's references section but never cited.

    The references section is the article's own source list, so an entry
    there needs no inline citation: it is taken off the lists docutils keeps
    of footnotes, which Sphinx checks for unreferenced ones.
    """

    # After footnotes are numbered (620), before unreferenced ones are reported (622).
    default_priority = 621

    def apply(self, **kwargs: Any) -> None:
        if SOURCE_KEY not in self.env.temp_data:
            return
        if not any(is_references_title(section[0].astext(), self.config)
                   for section in self.document.findall(nodes.section)):
            return
        for registry in (self.document.footnotes, self.document.autofootnotes):
            for footnote in [f for f in registry if not f["backrefs"]]:
                registry.remove(footnote)
