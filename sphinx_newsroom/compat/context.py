"""What a conversion knows of the article and the site, and what it reports."""

from __future__ import annotations

import dataclasses as dc
import posixpath
import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

from ..model.frontmatter import Problem
from ..warnings_ import NewsroomWarning

#: Every family of conversions, as ``newsroom_shortcodes`` names them.
FAMILIES = ("hugo", "liquid", "pandoc")


def _no_path(docname: str) -> str:
    return docname + ".md"


@dc.dataclass(frozen=True)
class Context:
    """The article being converted and the site around it."""

    #: The article's docname (``posts/2020/hello``).
    docname: str = "index"
    #: Every docname of the project, to resolve ``ref`` and ``{% link %}``.
    docnames: Collection[str] = ()
    #: docname -> its source file, relative to the source folder (``posts/a.md``).
    source_path: Callable[[str], str] = _no_path
    #: The article's front matter (for ``param`` and ``{{ page.x }}``).
    front_matter: Mapping[str, Any] = dc.field(default_factory=dict)
    #: The site's absolute URL ("" when none is set), for ``absolute_url``.
    site_url: str = ""
    families: tuple[str, ...] = FAMILIES
    #: MyST's ``attrs_block`` / ``attrs_inline`` extensions are on.
    attrs_block: bool = False
    attrs_inline: bool = False
    #: Line of the text's first line in the source file.
    first_line: int = 1
    #: Keys of the article's bibliography files: Pandoc citations of them are converted.
    citation_keys: frozenset[str] = frozenset()


@dc.dataclass
class Report:
    """Problems and trusted HTML gathered while converting one article."""

    problems: list[Problem] = dc.field(default_factory=list)
    #: Raw HTML the conversion wrote itself (video embeds): safe to let through.
    trusted_html: list[str] = dc.field(default_factory=list)

    def warn(self, message: str, line: int,
             subtype: NewsroomWarning = NewsroomWarning.SHORTCODE) -> None:
        self.problems.append(Problem(subtype, message, line))


def root_prefix(docname: str) -> str:
    """The relative path from a document's folder to the source root (``../``, ``./``)."""
    depth = docname.count("/")
    return "../" * depth if depth else "./"


_SUFFIX = re.compile(r"\.(?:md|markdown|mdown|rmd|Rmd|rmarkdown|html?|ipynb|rst|txt)$")
_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")


def resolve(path: str, context: Context) -> str | None:
    """The docname a Hugo or Jekyll content path names, or None.

    Tried in order: relative to the article's folder (unless the path is
    absolute), from the source root, with a leading ``content/`` dropped,
    as a folder's ``index``/``_index``, and last by its file name alone
    when exactly one document has it (permalinks rarely match file paths).
    """
    docnames = set(context.docnames)
    absolute = path.startswith("/")
    stem = _SUFFIX.sub("", path.strip().strip("/"))
    if stem.startswith("content/"):
        stem = stem[len("content/"):]
    here = posixpath.dirname(context.docname)
    bases = [stem] if absolute or not here else [posixpath.normpath(f"{here}/{stem}"), stem]
    for base in bases:
        for candidate in (base, f"{base}/index", f"{base}/_index"):
            if candidate in docnames:
                return candidate
    name = posixpath.basename(stem)
    if not name:
        return None
    for key in (lambda d: posixpath.basename(d),
                lambda d: _DATE_PREFIX.sub("", posixpath.basename(d))):
        matches = [d for d in docnames if key(d) in (name, _DATE_PREFIX.sub("", name))]
        if len(matches) == 1:
            return matches[0]
    return None


def doc_link(target: str, anchor: str, context: Context, in_destination: bool) -> str:
    """A link to ``target``: a relative source path inside ``[text](...)``, else ``{doc}``."""
    if in_destination or anchor:
        path = posixpath.relpath(context.source_path(target),
                                 posixpath.dirname(context.docname) or ".")
        link = path + (f"#{anchor}" if anchor else "")
        return link if in_destination else f"[]({link})"
    return f"{{doc}}`/{target}`"


def in_link_destination(text: str, offset: int) -> bool:
    """Whether ``offset`` opens a Markdown link destination (right after ``](``)."""
    return text[max(0, offset - 3):offset].rstrip(" <\"'").endswith("](")


def front_matter_value(data: Mapping[str, Any], dotted: str) -> Any:
    """``a.b`` looked up in nested front matter, case-insensitively (Hugo's way); None if absent."""
    value: Any = data
    for part in dotted.split("."):
        if not isinstance(value, Mapping):
            return None
        lowered = {str(k).lower(): v for k, v in value.items()}
        value = value.get(part, lowered.get(part.lower()))
    return value
