"""An article's bibliography files: the front matter's ``bibliography:``, read.

The files (BibTeX ``.bib`` or CSL-JSON ``.json``) are read in the source
phase, from the source folder only, and noted as dependencies of the
article, so that editing one re-reads every article that uses it. Each
file is parsed once per build process, however many articles use it.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..citations.bibfile import READERS, Reference, ReferenceFile, merged
from ..citations.pandoc_keys import BIBLIOGRAPHY, CSL, NOCITE, SECTION_TITLE, SUPPRESS
from ..compat.citations import cited_keys
from ..domain import get_domain
from ..log import warn
from ..model.frontmatter import RawFrontMatter
from ..warnings_ import NewsroomWarning

#: A bibliography file larger than this is not read (a whole Zotero library is ~10 MB).
MAX_BYTES = 32 * 1024 * 1024
_TRUE = {"true", "yes", "on", "1"}


@dc.dataclass(frozen=True, slots=True)
class ArticleBibliography:
    """What an article's front matter says about its Pandoc citations."""

    references: Mapping[str, Reference]
    #: Keys listed without being cited (``nocite``); ``*`` lists every entry.
    nocite: tuple[str, ...] = ()
    #: ``suppress-bibliography``: the article lists no entries of its own.
    suppress: bool = False
    #: ``reference-section-title``, for a references section the article lacks.
    section_title: str = ""
    #: Front-matter lines of ``bibliography`` and ``nocite``, for warnings.
    line: int = 1
    nocite_line: int = 1


def read_bibliography(app: Sphinx, docname: str,
                      front_matter: RawFrontMatter) -> ArticleBibliography | None:
    """The article's bibliography files read, or None when it names none."""
    data = front_matter.data
    if BIBLIOGRAPHY not in data:
        return None
    line = front_matter.line_of(BIBLIOGRAPHY)
    value = data[BIBLIOGRAPHY]
    paths = [value] if isinstance(value, str) else value
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        warn(NewsroomWarning.FIELD, "bibliography must be a file name or a list of file "
             f"names, not {type(value).__name__}; no citation is resolved", (docname, line))
        paths = []
    files = [found for path in paths if path.strip()
             for found in [_read_file(app, docname, path.strip(), line)] if found]
    if CSL in data:
        get_domain(app.env).note_csl_style(docname, front_matter.line_of(CSL))
    nocite = data.get(NOCITE)
    title = data.get(SECTION_TITLE)
    return ArticleBibliography(
        references=merged(files),
        nocite=tuple(cited_keys(" ".join(map(str, nocite)) if isinstance(nocite, list)
                                else str(nocite or ""))),
        suppress=str(data.get(SUPPRESS, "")).strip().lower() in _TRUE,
        section_title=" ".join(title.split()) if isinstance(title, str) else "",
        line=line, nocite_line=front_matter.line_of(NOCITE))


def _read_file(app: Sphinx, docname: str, written: str, line: int) -> ReferenceFile | None:
    """One bibliography file, its problems warned at the front matter's ``bibliography:``."""
    location = (docname, line)
    if "://" in written:
        warn(NewsroomWarning.CITATION, f"bibliography {written!r} is a URL; not fetched: "
             "name a file in the source folder", location)
        return None
    env = app.env
    # Like an image: relative to the article's folder, or to the source folder with a "/".
    _rel, absolute = env.relfn2path(written, docname)
    path = Path(absolute).resolve()
    if not path.is_relative_to(Path(env.srcdir).resolve()):
        warn(NewsroomWarning.CITATION, f"bibliography {written!r} is outside the source "
             "folder; not read", location)
        return None
    # Noted even when missing or broken: the article is read again once it is fixed.
    env.note_dependency(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        warn(NewsroomWarning.CITATION, f"bibliography {written!r} is neither BibTeX (.bib) nor "
             "CSL-JSON (.json); not read", location)
        return None
    try:
        stat = path.stat()
    except OSError:
        warn(NewsroomWarning.CITATION, f"bibliography {written!r} not found", location)
        return None
    if stat.st_size > MAX_BYTES:
        warn(NewsroomWarning.CITATION, f"bibliography {written!r} is larger than "
             f"{MAX_BYTES // 2**20} MiB; not read", location)
        return None
    try:
        found = _parsed(str(path), stat.st_mtime_ns, stat.st_size)
    except (OSError, UnicodeDecodeError) as error:
        reason = "not UTF-8 text" if isinstance(error, UnicodeDecodeError) else error.strerror
        warn(NewsroomWarning.CITATION, f"bibliography {written!r} cannot be read ({reason})",
             location)
        return None
    for problem in found.problems:
        where = f"{written}:{problem.line}" if problem.line else written
        warn(NewsroomWarning.CITATION, f"bibliography {where}: {problem.message}", location)
    return found


@lru_cache(maxsize=32)
def _parsed(path: str, mtime_ns: int, size: int) -> ReferenceFile:
    """A file parsed once per build process, however many articles cite from it."""
    text = Path(path).read_bytes().decode("utf-8-sig")
    return READERS[Path(path).suffix.lower()](text)


def report_csl_styles(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Say once per build that read something that ``csl:`` style files are not applied.

    Blogdown sites name one in every post; one warning, at the first of
    them, says it for all.
    """
    domain = get_domain(env)
    if not domain.outputs_stale or not domain.csl_styles:
        return []
    first = min(domain.csl_styles)
    others = len(domain.csl_styles) - 1
    more = f" (and {others} more article{'s' if others > 1 else ''})" if others else ""
    warn(NewsroomWarning.CITATION, f"csl: the style file is not applied{more}: citations are "
         "shown author–year, Pandoc's default, and entries in newsroom_citation_style, like "
         "every source of the site", (first, domain.csl_styles[first]))
    return []
