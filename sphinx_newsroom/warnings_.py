"""Every problem the extension reports, as one enum of warning subtypes.

All warnings are emitted as ``type="newsroom", subtype=<value>``, so a project
can silence one kind with ``suppress_warnings = ["newsroom.<value>"]``.

Pure (standard library only): the model records its problems with these
subtypes; ``log.warn`` emits them through Sphinx.
"""

from __future__ import annotations

from enum import Enum


class NewsroomWarning(Enum):
    """Warning subtypes (``newsroom.<value>``)."""

    FRONTMATTER = "frontmatter"
    """The front matter cannot be read: broken YAML/TOML, not a mapping, too large."""
    FIELD = "field"
    """A front-matter field has the wrong type (a list where a string belongs...)."""
    DATE = "date"
    """A date or updated value cannot be parsed."""
    DRAFT = "draft"
    """The draft flag is neither a boolean nor a recognised yes/no word."""
    TITLE = "title"
    """An article has no usable title; a fallback is used."""
    IMAGE = "image"
    """The featured image is missing, outside the source folder, or a URL not shown."""
    TERM = "term"
    """A tag or topic is empty or not text."""
    CITATION = "citation"
    """A footnote is cited but never defined, or two sources collide on one key; a Pandoc
    citation's key is in no bibliography file, or a bibliography file cannot be read."""
    HTML = "html"
    """Raw HTML in an article was removed by the sanitizer (``newsroom_raw_html`` is off)."""
    ARTICLE = "article"
    """A file under the article patterns reads like an article but is not one, and why."""
    SHORTCODE = "shortcode"
    """A Hugo shortcode or a Liquid tag is not understood: its delimiters are removed."""
    CONFIG = "config"
    """A ``newsroom_*`` configuration value is invalid; the default is used."""
    PAGE = "page"
    """A document of the project takes the place of a page the extension generates."""
    TRANSLATION = "translation"
    """An article's ``language`` is no BCP 47 tag, or a ``translations:`` entry is one-way,
    names no article, or names a draft or embargoed one (which is not linked)."""
    DIRECTIVE = "directive"
    """A newsroom directive is used where it cannot work."""
    AUTHOR = "author"
    """The authors file cannot be read or an entry is unusable, or an author's name looks
    like a misspelling of another author's."""
    CORRECTION = "correction"
    """An entry of an article's ``corrections`` or ``updates`` has no date, a bad date or
    no text."""

