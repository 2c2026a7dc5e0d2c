"""``source-read``: an article's typed front matter, and its headings lifted.

Line-preserving: the text MyST then parses keeps every line number, so warnings
still point at the right line.
"""

from __future__ import annotations

import dataclasses as dc
import json
import posixpath
import re
import zoneinfo
from pathlib import Path

from myst_parser.parsers.sphinx_ import MystParser
from sphinx.application import Sphinx
from sphinx.util.matching import Matcher

from ..compat.convert import FAMILIES, Context, Converted, convert
from ..log import warn
from ..model.article import NOT_AN_ARTICLE, Fields, has_article_keys, is_article, normalise
from ..model.frontmatter import Problem, RawFrontMatter, read_front_matter
from ..model.headings import lift_headings
from ..model.math_spans import read_math
from ..warnings_ import NewsroomWarning
from .bibliography_files import ArticleBibliography, read_bibliography
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
    #: Raw HTML the conversions wrote themselves (video embeds), let through as is.
    trusted_html: frozenset[str] = frozenset()
    #: Math displays written inline for want of room (``MathText.displays``).
    math_displays: frozenset[str] = frozenset()
    #: The bibliography files its Pandoc citations use (``read/pandoc_citations``).
    bibliography: ArticleBibliography | None = None


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    kind = myst_source_kind(app, docname)
    if not kind or not Matcher(app.config.newsroom_article_patterns)(docname):
        return
    if kind == "notebook":
        _read_notebook(app, docname, source)
        return
    env = app.env
    front_matter = read_front_matter(source[0])
    if not front_matter.kind:
        return
    broken = bool(front_matter.problems) and not front_matter.data
    # MyST reads YAML front matter only at the very top: after blank lines it is ours alone.
    late = not source[0].removeprefix("\ufeff").startswith("---")
    if front_matter.kind == "toml" or broken or late:
        # MyST cannot read TOML (it would print it as text) and must not see a
        # hostile YAML block: blank the block out, keeping every line number.
        source[0] = _blank_lines(source[0], front_matter.span)
    for problem in front_matter.problems:
        warn(problem.subtype, problem.message, (docname, problem.line))
    if broken:
        # Unreadable front matter is no article, but the page keeps a title
        # (else Sphinx warns "doesn't have a title" on every page that lists it).
        source[0] = _titled(source[0], front_matter.span, docname, app)
        return
    if not is_article(front_matter, app.config.newsroom_fields,
                      app.config.newsroom_date_sources, docname):
        if has_article_keys(front_matter, app.config.newsroom_fields,
                            app.config.newsroom_taxonomies):
            warn(NewsroomWarning.ARTICLE, NOT_AN_ARTICLE, (docname, 1))
            source[0] = _with_front_matter_title(source[0], front_matter)
        return
    if claimed_by_ablog(app, docname, front_matter, source[0]):
        return
    fields, problems = _normalise(app, front_matter, docname)
    bibliography = (read_bibliography(app, docname, front_matter)
                    if "pandoc" in shortcode_families(app) else None)
    converted = _convert(app, docname, source[0], front_matter, bibliography)
    if converted.summary and not fields.summary:
        fields = dc.replace(fields, summary=converted.summary)
    text, needs_title = lift_headings(
        converted.text, front_matter.span, app.config.newsroom_references_titles,
        getattr(app.config, "myst_enable_extensions", ()), fields.title,
    )
    displays: tuple[str, ...] = ()
    if app.config.newsroom_math:
        math = read_math(text, front_matter.span)
        text, displays = math.text, math.displays
    if (front_matter.kind == "yaml" and not front_matter.problems
            and not _reads_docinfo(app)):
        # Spare MyST two pure-Python reads of a block already read (see mystmeta).
        metadata = env_metadata(front_matter.data, app.config.language,
                                getattr(app.config, "myst_title_to_header", False))
        if metadata is not None:
            text = _blank_lines(text, front_matter.span)
            env.metadata[docname].update(metadata)
    source[0] = text
    env.temp_data[SOURCE_KEY] = SourceInfo(front_matter, fields, tuple(problems), needs_title,
                                           frozenset(converted.trusted_html),
                                           frozenset(displays), bibliography)


def shortcode_families(app: Sphinx) -> tuple[str, ...]:
    """The families of syntax ``newsroom_shortcodes`` converts."""
    setting = app.config.newsroom_shortcodes
    return FAMILIES if setting is True else tuple(setting or ())


def _convert(app: Sphinx, docname: str, text: str, front_matter: RawFrontMatter,
             bibliography: ArticleBibliography | None = None) -> Converted:
    """The body's Hugo, Liquid and Pandoc syntax as MyST (``newsroom_shortcodes``)."""
    families = shortcode_families(app)
    if not families:
        return Converted(text)
    lines = text.split("\n")
    head, body = lines[:front_matter.span], "\n".join(lines[front_matter.span:])
    extensions = set(getattr(app.config, "myst_enable_extensions", ()) or ())
    env = app.env
    context = Context(
        docname=docname, docnames=env.found_docs,
        source_path=lambda name: str(Path(env.doc2path(name, False)).as_posix()),
        front_matter=front_matter.data,
        site_url=app.config.newsroom_site_url or app.config.html_baseurl or "",
        families=families, attrs_block="attrs_block" in extensions,
        attrs_inline="attrs_inline" in extensions, first_line=front_matter.span + 1,
        citation_keys=frozenset(bibliography.references) if bibliography else frozenset())
    converted = convert(body, context)
    for problem in converted.problems:
        warn(problem.subtype, problem.message, (docname, problem.line))
    return dc.replace(converted, text="\n".join([*head, converted.text]))


def _titled(text: str, body_start: int, docname: str, app: Sphinx) -> str:
    """The body with an H1: its first heading lifted, else a title from the file name."""
    lifted, needs_title = lift_headings(text, body_start, app.config.newsroom_references_titles)
    if not needs_title or lifted != text or body_start == 0:
        return lifted
    lines = text.split("\n")
    # As an article's fallback title: the file name. On a blanked front-matter line.
    lines[0] = f"# {posixpath.basename(docname)}"
    return "\n".join(lines)


def _with_front_matter_title(text: str, front_matter: RawFrontMatter) -> str:
    """A page that is no article keeps its front-matter title as its heading.

    The title goes on the blank line after the front matter (so no line
    moves), where the body has no H1 of its own to serve as the title.
    """
    title = front_matter.data.get("title")
    lines = text.split("\n")
    span = front_matter.span
    if (not isinstance(title, str) or not title.strip() or span >= len(lines)
            or lines[span].strip() or not lift_headings(text, span)[1]):
        return text
    lines[span] = "# " + " ".join(title.split())
    return "\n".join(lines)


def _normalise(app: Sphinx, front_matter: RawFrontMatter,
               docname: str) -> tuple[Fields, list[Problem]]:
    return normalise(
        front_matter,
        app.config.newsroom_fields,
        app.config.newsroom_taxonomies,
        zoneinfo.ZoneInfo(app.config.newsroom_timezone),
        app.config.newsroom_term_aliases,
        app.config.newsroom_date_sources,
        docname,
    )


def myst_source_kind(app: Sphinx, docname: str) -> str:
    """``"markdown"`` or ``"notebook"`` when a MyST-based parser reads the doc, else ``""``.

    The parser is whichever owns the suffix: MyST-Parser's, or one built on it
    such as MyST-NB's (Jupyter Book), which takes ``.md`` over and reads
    ``.ipynb`` notebooks too.
    """
    suffix = "".join(Path(app.env.doc2path(docname)).suffixes[-1:])
    filetype = app.config.source_suffix.get(suffix)
    parser = app.registry.get_source_parsers().get(filetype or "")
    if parser is None or not issubclass(parser, MystParser):
        return ""
    return "notebook" if suffix == ".ipynb" else "markdown"


#: Notebook metadata that belongs to Jupyter and MyST-NB, not to the article.
NOTEBOOK_KEYS = {"kernelspec", "language_info", "jupytext", "mystnb", "myst", "widgets",
                 "toc", "vscode", "colab"}


def _read_notebook(app: Sphinx, docname: str, source: list[str]) -> None:
    """A notebook is an article when its metadata holds the front matter (MyST-NB's way)."""
    try:
        notebook = json.loads(source[0])
    except ValueError:
        return  # MyST-NB reports a notebook it cannot read
    metadata = notebook.get("metadata") if isinstance(notebook, dict) else None
    if not isinstance(metadata, dict):
        return
    data = {k: v for k, v in metadata.items() if k not in NOTEBOOK_KEYS}
    front_matter = RawFrontMatter(data, {}, kind="notebook")
    if not is_article(front_matter, app.config.newsroom_fields,
                      app.config.newsroom_date_sources, docname):
        return
    if claimed_by_ablog(app, docname, front_matter, ""):
        return
    fields, problems = _normalise(app, front_matter, docname)
    needs_title = _lift_notebook_headings(notebook, app.config.newsroom_references_titles)
    source[0] = json.dumps(notebook, ensure_ascii=False)
    app.env.temp_data[SOURCE_KEY] = SourceInfo(front_matter, fields, tuple(problems),
                                               needs_title)


def _lift_notebook_headings(notebook: dict, references_titles: list[str]) -> bool:
    """Lift the headings of the markdown cells as one body, as for a Markdown article."""
    cells = [cell for cell in notebook.get("cells") or []
             if isinstance(cell, dict) and cell.get("cell_type") == "markdown"]
    texts = ["".join(s) if isinstance(s := cell.get("source", ""), list) else str(s)
             for cell in cells]
    lifted, needs_title = lift_headings("\n".join(texts), 0, references_titles)
    lines = lifted.split("\n")
    for cell, text in zip(cells, texts, strict=True):
        count = text.count("\n") + 1
        cell["source"] = "\n".join(lines[:count])
        lines = lines[count:]
    return needs_title


#: The ``post`` directive, in reST or MyST syntax: ABlog's own way to mark a post.
ABLOG_POST_DIRECTIVE = re.compile(r"(?m)^(?:\.\. post::|\s*(?:```|:::)\s*\{post\})")


def claimed_by_ablog(app: Sphinx, docname: str, front_matter: RawFrontMatter,
                      text: str) -> bool:
    """A page ABlog treats as a post stays ABlog's, unless its front matter says ``article``."""
    if "ablog" not in app.extensions or isinstance(front_matter.data.get("article"), bool):
        return False
    return (docname in getattr(app.config, "matched_blog_posts", ())
            or "blogpost" in front_matter.data
            or bool(ABLOG_POST_DIRECTIVE.search(text)))


def _reads_docinfo(app: Sphinx) -> bool:
    """Extensions that read the front matter from the doctree's docinfo, as MyST renders it."""
    return "ablog" in app.extensions


def _blank_lines(text: str, count: int) -> str:
    lines = text.split("\n")
    return "\n".join([""] * min(count, len(lines)) + lines[count:])
