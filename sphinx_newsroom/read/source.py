"""``source-read``: an article's typed front matter, and its headings lifted.

Line-preserving: the text MyST then parses keeps every line number, so warnings
still point at the right line.
"""

from __future__ import annotations

import dataclasses as dc
import zoneinfo
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.matching import Matcher

from ..log import warn
from ..model.article import Fields, is_article, normalise
from ..model.frontmatter import Problem, RawFrontMatter, read_front_matter
from ..model.headings import lift_headings
from .mystmeta import env_metadata

#: ``env.temp_data`` key (Sphinx's per-document scratch space, cleared after each read).
SOURCE_KEY = "newsroom_source"


@dc.dataclass(frozen=True, slots=True)
class SourceInfo:
    """What ``source-read`` learnt about an article, for the transform."""

    front_matter: RawFrontMatter
    fields: Fields
    problems: tuple[Problem, ...]
    needs_title: bool


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    env = app.env
    if not _is_markdown(app, docname):
        return
    if not Matcher(app.config.newsroom_article_patterns)(docname):
        return
    front_matter = read_front_matter(source[0])
    if not front_matter.kind:
        return
    if front_matter.kind == "toml" or (front_matter.problems and not front_matter.data):
        # MyST cannot read TOML (it would print it as text) and must not see a
        # hostile YAML block: blank the block out, keeping every line number.
        source[0] = _blank_lines(source[0], front_matter.span)
    for problem in front_matter.problems:
        warn(problem.subtype, problem.message, (docname, problem.line))
    if not is_article(front_matter, app.config.newsroom_fields):
        return
    fields, problems = normalise(
        front_matter,
        app.config.newsroom_fields,
        app.config.newsroom_taxonomies,
        zoneinfo.ZoneInfo(app.config.newsroom_timezone),
        app.config.newsroom_term_aliases,
    )
    text, needs_title = lift_headings(
        source[0], front_matter.span, app.config.newsroom_references_titles,
        getattr(app.config, "myst_enable_extensions", ()),
    )
    if front_matter.kind == "yaml" and not front_matter.problems:
        # Spare MyST two pure-Python reads of a block already read (see mystmeta).
        metadata = env_metadata(front_matter.data, app.config.language,
                                getattr(app.config, "myst_title_to_header", False))
        if metadata is not None:
            text = _blank_lines(text, front_matter.span)
            env.metadata[docname].update(metadata)
    source[0] = text
    env.temp_data[SOURCE_KEY] = SourceInfo(front_matter, fields, tuple(problems), needs_title)


def _is_markdown(app: Sphinx, docname: str) -> bool:
    suffix = "".join(Path(app.env.doc2path(docname)).suffixes[-1:])
    return app.config.source_suffix.get(suffix) == "markdown"


def _blank_lines(text: str, count: int) -> str:
    lines = text.split("\n")
    return "\n".join([""] * min(count, len(lines)) + lines[count:])
