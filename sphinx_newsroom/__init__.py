"""sphinx-newsroom: publish news articles inside any Sphinx project."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    """Sphinx's entry point.  The extension is imported only now, so that the pure
    folders (``model/``, ``citations/``) can be imported without Sphinx."""
    from .extension import setup as setup_extension

    return setup_extension(app)


__all__ = ["setup"]
