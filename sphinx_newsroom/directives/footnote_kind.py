"""The ``footnote-kind`` role: declare a footnote a source, a note with links, or a note."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from ..citations.notes import KINDS
from ..directives import nodes as nr
from ..log import warn
from ..warnings_ import NewsroomWarning

#: ``env.temp_data`` key: the document uses the role, so its declarations are read.
KIND_USED_KEY = "newsroom_footnote_kind_used"


class FootnoteKindRole(SphinxRole):
    """``{footnote-kind}`source```, ``links`` or ``note``, inside the footnote it declares."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        kind = self.text.strip().lower()
        if kind not in KINDS:
            warn(NewsroomWarning.CITATION,
                 f"footnote-kind {self.text!r} is not one of {', '.join(KINDS)}; the footnote "
                 "is read as if undeclared", self.get_location())
            return [], []
        node = nr.footnote_kind(kind=kind)
        self.set_source_info(node)
        self.env.temp_data[KIND_USED_KEY] = True
        return [node], []
