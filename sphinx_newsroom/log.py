"""Emit newsroom warnings through Sphinx's logging, located and typed."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.util import logging

from .warnings_ import NewsroomWarning

logger = logging.getLogger("sphinx_newsroom")

#: Where a warning points: a docname, ``(docname, line)`` or a node of the doctree.
Location = str | tuple[str | None, int | None] | nodes.Node | None


def warn(kind: NewsroomWarning, message: str, location: Location = None, **kw: Any) -> None:
    """Emit a located ``newsroom.<kind>`` warning."""
    logger.warning(message, type="newsroom", subtype=kind.value, location=location, **kw)
