"""CSL-JSON and BibTeX of every published source, beside the HTML pages."""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.application import Sphinx

from .. import clock
from ..builders import is_ebook
from ..citations.export import EXPORT_FILES, EXPORT_FOLDER, to_bibtex, to_csl_json
from ..domain import get_domain


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    """CSL-JSON and BibTeX of every published source, beside the HTML pages."""
    if exception is not None or app.builder.format != "html" or is_ebook(app.builder):
        return
    domain = get_domain(app.env)
    if not domain.bibliographies:
        return
    folder = Path(app.builder.outdir) / EXPORT_FOLDER
    if not domain.outputs_stale and (folder / EXPORT_FILES["csl"]).is_file():
        return  # nothing read, no setting changed: the files on disk are current
    entries = domain.site_sources(app.config.newsroom_show_drafts, clock.now())[0]
    pairs = [(e.anchor, e.citation) for e in entries]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / EXPORT_FILES["csl"]).write_text(
        json.dumps(to_csl_json(pairs), ensure_ascii=False, indent=2) + "\n", "utf-8")
    (folder / EXPORT_FILES["bibtex"]).write_text(to_bibtex(pairs), "utf-8")
