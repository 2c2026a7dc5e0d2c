"""An article's ``env.metadata``, from the front matter already read.

MyST reads a file's YAML front matter twice with PyYAML's pure-Python loader
(once for file-level settings, once to render it as a field list that
docutils' ``DocInfo`` transform and Sphinx's metadata collector turn into
``env.metadata``).  The extension has already read the same block with
libyaml, so for an article it derives those same strings itself and blanks
the block before MyST sees it: about 2 ms less per article, the largest
single cost of reading an article besides parsing its Markdown.

Only where the result is certainly identical.  Everything else goes to
MyST as before: MyST's own keys (``myst``, ``html_meta``, ...),
``myst_title_to_header``, non-string keys, values JSON cannot write, and
bibliographic fields (``date``, ``author``, ... in the document's language)
that docutils would restructure (``authors``, ``address``, ``abstract``,
``dedication``) or whose text Markdown could change.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from typing import Any, cast

from docutils import nodes
from docutils.languages import get_language

#: Front-matter keys MyST itself interprets; it must see them.
MYST_KEYS = frozenset({"myst", "mystnb", "substitutions", "html_meta"})
#: Bibliographic fields docutils turns into more than a line of text.
_STRUCTURED = frozenset({"authors", "address", "abstract", "dedication"})
#: Text that MyST's inline Markdown (with any of its extensions, typographic
#: replacements included) and docutils' RCS-keyword cleaning leave as it is.
_PLAIN = re.compile(r"[^\W_]+(?:[ .,:/+\-@%=]{1,2}[^\W_]+)*")


@lru_cache(maxsize=16)
def _bibliographic(language: str) -> dict[str, str]:
    # A dict in every docutils language module (the stubs call it a list).
    fields = cast(dict[str, str], get_language(language or "en").bibliographic_fields)
    return dict(fields)


def _is_plain(text: str) -> bool:
    return text == "" or (_PLAIN.fullmatch(text) is not None
                          and not any(s in text for s in ("+-", "--", "..", ",,", "  ")))


def env_metadata(data: dict[Any, Any], language: str | None,
                 title_to_header: bool) -> dict[str, Any] | None:
    """``env.metadata`` of a document with front matter ``data``, as MyST would set it.

    ``None`` when MyST has to read the front matter itself.
    """
    if title_to_header or not data:
        return None
    bibliographic = _bibliographic(language or "en")
    result: dict[str, Any] = {}
    for key, value in data.items():
        if not isinstance(key, str) or key in MYST_KEYS:
            return None
        if isinstance(value, str | int | float | dt.date):  # bool is an int, datetime a date
            text = str(value)
        else:
            try:
                text = json.dumps(value)  # as MyST writes lists, mappings and null
            except (TypeError, ValueError, RecursionError):
                return None
        canonical = bibliographic.get(nodes.fully_normalize_name(key))
        if canonical is not None:
            if canonical in _STRUCTURED or not _is_plain(text):
                return None
            key = canonical  # Sphinx's collector keys these by their English name
        result[key] = text
    if "tocdepth" in result:  # as Sphinx's metadata collector converts it
        try:
            result["tocdepth"] = int(result["tocdepth"])
        except ValueError:
            result["tocdepth"] = 0
    return result


__all__ = ["MYST_KEYS", "env_metadata"]
