"""The ``cite-source`` role: the fields of a source, written by hand inside its footnote."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from ..citations.override import parse_fields
from ..directives import nodes as nr
from ..log import warn
from ..warnings_ import NewsroomWarning
from .footnote_kind import KIND_USED_KEY


class CiteSourceRole(SphinxRole):
    """``{cite-source}`title=…; publisher=…; date=2020-05```: the footnote is this source."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        fields, problems = parse_fields(self.text)
        for problem in problems:
            warn(NewsroomWarning.CITATION,
                 f"cite-source: {problem}; the field is left as parsed", self.get_location())
        if not fields:
            return [], []
        node = nr.cite_source(fields=fields)
        self.set_source_info(node)
        self.env.temp_data[KIND_USED_KEY] = True
        return [node], []
