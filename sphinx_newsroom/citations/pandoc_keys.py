"""The front-matter keys of Pandoc's citations, in one place.

``read/bibliography_files.py`` reads them; ``cli/check.py`` knows them, so
that ``sphinx-newsroom check`` does not call them unknown. Pure: no imports.
"""

from __future__ import annotations

__all__ = ["BIBLIOGRAPHY", "CSL", "LINK_CITATIONS", "NOCITE", "PANDOC_KEYS", "SECTION_TITLE",
           "SUPPRESS"]

#: The bibliography files (BibTeX or CSL-JSON) the article cites from.
BIBLIOGRAPHY = "bibliography"
#: A CSL style file; the newsroom notes it and uses its own styles.
CSL = "csl"
#: Keys listed without being cited; ``*`` lists every entry.
NOCITE = "nocite"
#: The title of a references section the article lacks.
SECTION_TITLE = "reference-section-title"
#: The article lists no entries of its own.
SUPPRESS = "suppress-bibliography"
#: Pandoc's links from citations to entries; the newsroom always links them.
LINK_CITATIONS = "link-citations"

PANDOC_KEYS = frozenset({BIBLIOGRAPHY, CSL, NOCITE, SECTION_TITLE, SUPPRESS, LINK_CITATIONS})
