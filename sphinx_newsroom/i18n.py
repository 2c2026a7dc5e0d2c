"""Message catalog of the extension (``locale/<lang>/LC_MESSAGES/sphinx_newsroom.mo``)."""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation

CATALOG = "sphinx_newsroom"
LOCALE_DIR = Path(__file__).parent / "locale"

_ = get_translation(CATALOG)
