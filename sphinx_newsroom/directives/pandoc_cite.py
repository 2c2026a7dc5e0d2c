"""The ``pandoc-cite`` role: one Pandoc citation, resolved once the article is read."""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from ..log import warn
from ..warnings_ import NewsroomWarning
from .nodes import pandoc_citation

#: ``@key`` (author and year), ``-@key`` (the year: the text names the author), ``+@key``
#: (the author, for a citation in the text: "Smith (2020)").
_CONTENT = re.compile(r"(?P<mode>[-+]?)@(?P<key>\S+)")


class PandocCiteRole(SphinxRole):
    """``{pandoc-cite}`@key```, as the conversion of ``[@key]`` writes it.

    The node keeps the citation as written; the read phase replaces it with
    the author–year marker linked to the entry (``read/pandoc_citations``).
    """

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        match = _CONTENT.fullmatch(self.text.strip())
        written = self.text.strip()
        if match is None:
            warn(NewsroomWarning.CITATION, f"pandoc-cite {written!r} is no citation (@key, "
                 "-@key or +@key); shown as written", self.get_location())
            return [nodes.Text(written)], []
        node = pandoc_citation(written, written, key=match["key"], mode=match["mode"])
        self.set_source_info(node)
        return [node], []
