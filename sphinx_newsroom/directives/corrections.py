"""``corrections-list``: every correction and update of the published articles."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from .lister import ListerDirective, choice
from .nodes import corrections_list


class CorrectionsListDirective(ListerDirective):
    """``corrections-list``: newest first; ``:kind:`` keeps corrections or updates only."""

    option_spec = {
        "limit": directives.nonnegative_int,
        "kind": choice("all", "corrections", "updates"),
    }

    def run(self) -> list[nodes.Node]:
        node = corrections_list(limit=self.options.get("limit", 0),
                                kind=self.options.get("kind", "all"))
        return self.placeholder(node)
