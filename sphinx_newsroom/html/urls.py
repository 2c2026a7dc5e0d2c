"""Absolute URLs of the HTML output, for feeds and social metadata."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config


def site_url(config: Config) -> str:
    """``newsroom_site_url``, else ``html_baseurl``, with one trailing slash; "" when unset."""
    url = (config.newsroom_site_url or getattr(config, "html_baseurl", "") or "").strip()
    return url.rstrip("/") + "/" if url else ""


def absolute_url(app: Sphinx, pagename: str, anchor: str = "") -> str:
    """The absolute URL of ``pagename`` (a docname or a generated page); "" without a site URL."""
    base = site_url(app.config)
    if not base:
        return ""
    target = app.builder.get_target_uri(pagename)
    return base + target + (f"#{anchor}" if anchor else "")


def asset_url(app: Sphinx, path: str) -> str:
    """The absolute URL of a file copied into the output, relative to its root."""
    base = site_url(app.config)
    return base + path.lstrip("/") if base else ""
