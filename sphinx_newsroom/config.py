"""The ``newsroom_*`` configuration values: defaults, help and validation.

Each value is declared once here, with its type and default; ``config-inited``
checks every value a project sets and falls back to the default, with a
warning that names the value, when it is unusable.
"""

from __future__ import annotations

import dataclasses as dc
import zoneinfo
from collections.abc import Callable
from typing import Any, Literal

from sphinx.application import Sphinx
from sphinx.config import Config

from .log import warn
from .warnings_ import NewsroomWarning

DEFAULT_FIELDS: dict[str, list[str]] = {
    "title": ["title"],
    "date": ["date", "publishDate", "published", "pubDate"],
    "updated": ["lastmod", "updated", "modified"],
    "draft": ["draft"],
    "image": ["featured_image", "image", "cover"],
    "summary": ["summary", "description"],
    "authors": ["authors", "author"],
}
DEFAULT_TAXONOMIES: dict[str, list[str]] = {
    "tags": ["tags", "keywords"],
    "topics": ["main_topics", "topics", "categories"],
}
#: A config value sphinxext-opengraph registers: it is there however the
#: extension was loaded (``conf.py`` or another extension's ``setup()``).
OPENGRAPH_CONFIG = "ogp_site_url"
DEFAULT_REFERENCES_TITLES = ["引用", "参考文献", "参考资料", "References", "Sources", "Notes"]


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)


def _is_key_map(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and k and _is_str_list(v) and v for k, v in value.items()
    )


def _is_fields(value: Any) -> bool:
    return _is_key_map(value) and set(value) <= set(DEFAULT_FIELDS)


def _is_timezone(value: Any) -> bool:
    if not isinstance(value, str) or not value:
        return False
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _is_aliases(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
        for k, v in value.items()
    )


def _is_publisher(value: Any) -> bool:
    return isinstance(value, dict) and set(value) <= {"name", "url", "logo"} and all(
        isinstance(v, str) for v in value.values())


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


@dc.dataclass(frozen=True)
class Option:
    """One configuration value."""

    name: str
    default: Any
    check: Callable[[Any], bool]
    expected: str
    help: str
    rebuild: Literal["", "env", "html"] = "env"


OPTIONS: tuple[Option, ...] = (
    Option("newsroom_article_patterns", ["**"], _is_str_list, "a list of docname globs",
           "Docname globs that may hold articles."),
    Option("newsroom_fields", DEFAULT_FIELDS, _is_fields,
           f"a dict mapping some of {sorted(DEFAULT_FIELDS)} to lists of front-matter keys",
           "Canonical field -> front-matter keys, first match wins."),
    Option("newsroom_taxonomies", DEFAULT_TAXONOMIES, _is_key_map,
           "a dict mapping taxonomy names to non-empty lists of front-matter keys",
           "Taxonomy name -> front-matter keys."),
    Option("newsroom_term_aliases", {}, _is_aliases, "a dict mapping a spelling to another",
           "Synonyms: each key is read as its value in every taxonomy, e.g. {'英伟达': 'Nvidia'}."),
    Option("newsroom_show_drafts", False, lambda v: isinstance(v, bool), "True or False",
           "Publish drafts and future-dated articles in lists, indexes and feeds."),
    Option("newsroom_timezone", "UTC", _is_timezone,
           "an IANA time-zone name such as 'Asia/Shanghai'",
           "Zone for dates written without an offset."),
    Option("newsroom_auto_meta", True, lambda v: isinstance(v, bool), "True or False",
           "Insert the metadata panel under every article title."),
    Option("newsroom_references_titles", DEFAULT_REFERENCES_TITLES, _is_str_list,
           "a list of section titles", "Titles of an article's trailing references section."),
    Option("newsroom_site_url", "", lambda v: isinstance(v, str), "a URL string",
           "Absolute site URL for feeds and social metadata (defaults to html_baseurl)."),
    Option("newsroom_citation_style", "default", lambda v: v in ("default", "gbt7714", "apa"),
           "one of 'default', 'gbt7714', 'apa'",
           "Style of the unified bibliography (GB/T 7714-2015, APA-like or the default)."),
    Option("newsroom_feeds", True, lambda v: isinstance(v, bool), "True or False",
           "Write Atom and RSS feeds of the whole site (needs newsroom_site_url or "
           "html_baseurl)."),
    Option("newsroom_term_feeds", False, lambda v: isinstance(v, bool), "True or False",
           "Also write an Atom and an RSS feed for every tag and topic."),
    Option("newsroom_feed_length", 20, _is_positive_int, "a positive integer",
           "Number of newest articles in each feed."),
    Option("newsroom_publisher", {}, _is_publisher,
           "a dict with some of the keys 'name', 'url', 'logo' (strings)",
           "The publisher named in JSON-LD and feeds (name defaults to the project)."),
    Option("newsroom_social_meta", True, lambda v: isinstance(v, bool), "True or False",
           "Add Open Graph, Twitter card and schema.org NewsArticle metadata to articles."),
    Option("newsroom_related", 3, _is_count, "a whole number (0 turns it off)",
           "How many related articles to show under each article."),
    Option("newsroom_raw_html", False, lambda v: isinstance(v, bool), "True or False",
           "Let raw HTML in article bodies through (sources in footnotes never)."),
    Option("newsroom_shortcodes", True,
           lambda v: isinstance(v, bool) or (_is_str_list(v) and set(v) <= {"hugo", "liquid",
                                                                             "pandoc"}),
           "True, False or a list of some of 'hugo', 'liquid', 'pandoc'",
           "Convert Hugo shortcodes, Jekyll Liquid and Pandoc syntax in articles to MyST."),
    Option("newsroom_words_per_minute", 230, _is_positive_int, "a positive integer",
           "Reading speed for alphabetic text, in words per minute."),
    Option("newsroom_cjk_chars_per_minute", 400, _is_positive_int, "a positive integer",
           "Reading speed for Chinese, Japanese and Korean text, in characters per minute."),
)


def register(app: Sphinx) -> None:
    """Declare every option and validate them once the configuration is read."""
    for option in OPTIONS:
        app.add_config_value(option.name, option.default, option.rebuild)
    app.connect("config-inited", validate, priority=100)
    app.connect("config-inited", keep_users_source_suffix, priority=801)


def validate(app: Sphinx, config: Config) -> None:
    """Replace each unusable value by its default, with a warning naming it."""
    for option in OPTIONS:
        value = getattr(config, option.name)
        if option.check(value):
            continue
        warn(
            NewsroomWarning.CONFIG,
            f"{option.name} = {value!r} is not {option.expected}; using the default "
            f"{option.default!r}",
        )
        setattr(config, option.name, option.default)
    if config.newsroom_fields is not DEFAULT_FIELDS:
        # A project that overrides some fields keeps the defaults of the others.
        config.newsroom_fields = {**DEFAULT_FIELDS, **config.newsroom_fields}


def opengraph_loaded(config: Config) -> bool:
    """Whether sphinxext-opengraph writes the ``og:*`` tags of this build."""
    return OPENGRAPH_CONFIG in config


def set_by_user(config: Config, name: str) -> bool:
    """Whether conf.py or ``-D`` gave ``name`` a value (else Sphinx's default holds)."""
    # Sphinx keeps conf.py's namespace in ``_raw_config`` and ``-D`` values in
    # ``overrides``; a test fails loudly should either stop holding the name.
    return name in config._raw_config or name in config.overrides


def keep_users_source_suffix(app: Sphinx, config: Config) -> None:
    """A project whose conf.py lists its source suffixes without ``.md`` keeps them.

    MyST registers ``.md``, and Sphinx adds every registered suffix to
    ``source_suffix`` (``merge_source_suffix``, at ``config-inited`` 800). A
    project that named its suffixes chose which files are documents: a stray
    README.md must not become a page. Such a project adds ``".md"`` to use
    Markdown articles.
    """
    if not set_by_user(config, "source_suffix"):
        return
    raw = config._raw_config.get("source_suffix", config.overrides.get("source_suffix"))
    named = {raw} if isinstance(raw, str) else set(raw or ())
    if ".md" not in named:
        config.source_suffix.pop(".md", None)
