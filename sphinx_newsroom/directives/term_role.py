"""The ``tag``, ``topic`` and ``author`` roles: a link to a term's (an author's) page."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from ..directives import nodes as nr
from ..domain import get_domain
from ..log import warn
from ..model.terms import alias_map, clean_spelling, term_key
from ..warnings_ import NewsroomWarning


class TermRole(SphinxRole):
    """``{tag}`AI``` or ``{tag}`text <AI>```: a link to the term's page."""

    def __init__(self, taxonomy: str) -> None:
        self.taxonomy = taxonomy

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        text = self.text
        label, _sep, target = text.rpartition(" <")
        if _sep and target.endswith(">"):
            text, target = label.strip(), target[:-1]
        else:
            target = text
        spelling = clean_spelling(target)
        key = term_key(alias_map(self.config.newsroom_term_aliases).get(term_key(spelling),
                                                                       spelling))
        if not key:
            warn(NewsroomWarning.TERM, f"empty {self.taxonomy} in role", self.get_location())
            return [nodes.Text(self.text)], []
        node = nr.term_ref(text, text, taxonomy=self.taxonomy, key=key)
        self.set_source_info(node)
        get_domain(self.env).note_term_ref(self.env.docname, self.taxonomy, key)
        return [node], []
