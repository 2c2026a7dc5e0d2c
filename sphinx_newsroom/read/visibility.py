"""Drafts and embargoed articles leave no trace: they are not documents of the build.

Before Sphinx reads anything (``env-get-outdated``), each Markdown file under
the article patterns is asked, from its front matter alone, whether it is a
draft or dated in the future. Such a file is taken out of the project's
documents, as if it did not exist: no page, no ``_sources`` copy, no entry in
a glob toctree, the sidebar, the search index, a sitemap or the PDF. One that
was published before is removed the way Sphinx removes a deleted file, and its
written pages are deleted. When the embargo ends, the next build finds the file
new and publishes it, with no edit. ``newsroom_show_drafts`` keeps everything.

The answer is cached per file by modification time, so a build that changed
nothing reads no front matter.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.matching import Matcher

from .. import clock
from ..domain import get_domain
from ..log import warn
from ..model.article import is_article, normalise
from ..model.frontmatter import read_front_matter
from .source import claimed_by_ablog, myst_source_kind

#: Domain data: docname -> (mtime, draft, date) read from the file's front matter.
CACHE_KEY = "visibility"
#: Domain data: the docnames left out of this build.
HIDDEN_KEY = "hidden"


def _status(app: Sphinx, docname: str, path: Path) -> tuple[bool, dt.datetime | None] | None:
    """(draft, date) of an article, read from its front matter; None when it is no article."""
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None  # Sphinx reports a file it cannot read
    front_matter = read_front_matter(text)
    config = app.config
    if (not front_matter.kind or (front_matter.problems and not front_matter.data)
            or not is_article(front_matter, config.newsroom_fields,
                              config.newsroom_date_sources, docname)
            or claimed_by_ablog(app, docname, front_matter, text)):
        return None
    fields, problems = normalise(front_matter, config.newsroom_fields,
                                 config.newsroom_taxonomies,
                                 zoneinfo.ZoneInfo(config.newsroom_timezone),
                                 config.newsroom_term_aliases, config.newsroom_date_sources,
                                 docname)
    if fields.draft or (fields.date is not None and fields.date > clock.now()):
        # It will not be read: its front matter's problems are told here, once.
        for problem in problems:
            warn(problem.subtype, problem.message, (docname, problem.line))
    return fields.draft, fields.date


def unpublished(app: Sphinx, env: BuildEnvironment, now: dt.datetime) -> set[str]:
    """The drafts and embargoed articles among the project's documents."""
    cache: dict[str, tuple[float, bool, dt.datetime | None]] = (
        get_domain(env).data.setdefault(CACHE_KEY, {}))
    patterns = Matcher(app.config.newsroom_article_patterns)
    hidden = set()
    for docname in sorted(env.found_docs):
        if not patterns(docname) or myst_source_kind(app, docname) != "markdown":
            continue
        path = Path(env.doc2path(docname))
        try:
            mtime = path.stat().st_mtime
        except OSError:
            continue
        entry = cache.get(docname)
        if entry is None or entry[0] != mtime:
            status = _status(app, docname, path)
            entry = (mtime, *(status or (False, None)))
            cache[docname] = entry
        _, draft, date = entry
        if draft or (date is not None and date > now):
            hidden.add(docname)
    for docname in set(cache) - env.found_docs:
        del cache[docname]
    return hidden


def hide_unpublished(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                     removed: set[str]) -> list[str]:
    """Take drafts and embargoed articles out of the build (``env-get-outdated``)."""
    domain = get_domain(env)
    hidden = set() if app.config.newsroom_show_drafts else unpublished(app, env, clock.now())
    for docname in hidden:
        env.found_docs.discard(docname)
        added.discard(docname)
        changed.discard(docname)
        if docname in env.all_docs:
            removed.add(docname)  # published before: remove it as Sphinx removes a file
    domain.data[HIDDEN_KEY] = sorted(hidden)
    return []


def remove_written(app: Sphinx, exception: Exception | None) -> None:
    """Delete what an earlier build wrote of an article that is now hidden."""
    builder = app.builder
    if exception is not None or not hasattr(builder, "get_outfilename"):
        return
    outdir = Path(builder.outdir).resolve()
    for docname in get_domain(app.env).data.get(HIDDEN_KEY, ()):
        written = [Path(builder.get_outfilename(docname))]
        sources = outdir / "_sources"
        written += sources.glob(f"{docname}.*.txt") if sources.is_dir() else []
        for path in written:
            if path.resolve().is_relative_to(outdir) and path.is_file():
                path.unlink()
