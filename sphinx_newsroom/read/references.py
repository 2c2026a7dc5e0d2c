"""An article's trailing references section: its own list of sources."""

from __future__ import annotations

from typing import Any


def is_references_title(title: str, config: Any) -> bool:
    return title.strip().casefold() in {t.casefold() for t in config.newsroom_references_titles}

