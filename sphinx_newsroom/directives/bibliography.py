"""``news-bibliography``: the unified bibliography of the published articles."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from ..citations.bibliography import SORTS, SPLITS
from ..citations.styles import STYLES
from ..domain import get_domain
from ..log import warn
from ..model.authors import AUTHORS
from ..warnings_ import NewsroomWarning
from .lister import ListerDirective, article_filters, choice
from .nodes import bibliography


class BibliographyDirective(ListerDirective):
    """``news-bibliography``: every source of the published articles, once."""

    option_spec = {
        "sort": choice(*SORTS),
        "style": choice(*STYLES),
        "tags": directives.unchanged,
        "topics": directives.unchanged,
        "split": choice(*SPLITS),
    }

    def run(self) -> list[nodes.Node]:
        filters = article_filters(self.config, self.options)
        domain = get_domain(self.env)
        sort = self.options.get("sort", "first")
        style = self.options.get("style", self.config.newsroom_citation_style)
        split = self._split(bool(filters), domain.bibliographies.get(self.env.docname) is False)
        node = bibliography(sort=sort, style=style, filters=filters, docname=self.env.docname,
                            split=split, part="")
        domain.note_bibliography(self.env.docname, bool(filters))
        if split:
            domain.note_split(self.env.docname, split, sort, style)
        return self.placeholder(node)

    def _split(self, filtered: bool, after_unfiltered: bool) -> str:
        """The ``:split:`` asked for, when this list can be split; else ``""``, with a
        warning saying why."""
        split: str = self.options.get("split", "")
        if not split:
            return ""
        why = ""
        if filtered:
            why = ("a filtered bibliography (:tags:, :topics:) is not split: it lists a "
                   "desk's sources, which no footnote links to")
        elif after_unfiltered:
            why = ("only the first unfiltered bibliography of a document is split (its "
                   "parts are that document's pages)")
        elif self.env.docname in {*self.config.newsroom_taxonomies, AUTHORS}:
            why = (f"the document {self.env.docname!r} has the name of a taxonomy, whose "
                   "folder holds the term pages: its parts would take their names")
        if why:
            warn(NewsroomWarning.DIRECTIVE, f"news-bibliography :split: {split}: {why}; "
                 "the list is shown whole", self.get_location())
            return ""
        return split
