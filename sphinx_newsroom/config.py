"""The ``newsroom_*`` configuration values: defaults, help and validation.

Each value is declared once here, with its type and default; ``config-inited``
checks every value a project sets and falls back to the default, with a
warning that names the value, when it is unusable.
"""

from __future__ import annotations

import dataclasses as dc
import re
import zoneinfo
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from sphinx.application import Sphinx
from sphinx.config import Config

from .citations.notes import MODES
from .log import warn
from .model.authors import AUTHORS
from .model.translations import is_language_tag
from .warnings_ import NewsroomWarning

DEFAULT_FIELDS: dict[str, list[str]] = {
    "title": ["title"],
    "date": ["date", "publishDate", "published", "pubDate"],
    "updated": ["lastmod", "updated", "modified"],
    "draft": ["draft"],
    "image": ["featured_image", "image", "cover"],
    "summary": ["summary", "description"],
    "authors": ["authors", "author"],
    "footnotes": ["footnotes"],
    "canonical_url": ["canonical_url", "canonicalURL", "canonical"],
    "access": ["access"],
    "robots": ["robots"],
    "language": ["language", "lang"],
    "translation_key": ["translation_key", "translationKey"],
    "translations": ["translations"],
}
DEFAULT_TAXONOMIES: dict[str, list[str]] = {
    "tags": ["tags", "keywords"],
    "topics": ["main_topics", "topics", "categories"],
}
#: A config value sphinxext-opengraph registers: it is there however the
#: extension was loaded (``conf.py`` or another extension's ``setup()``).
OPENGRAPH_CONFIG = "ogp_site_url"
#: A taxonomy name is a folder of the HTML output, a CSS class and a LaTeX index name.
TAXONOMY_NAME = re.compile(r"[A-Za-z0-9_-]+")
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


def _is_date_sources(value: Any) -> bool:
    return _is_str_list(value) and bool(value) and all(
        v in (":fields", ":filename", ":path") or (v and not v.startswith(":")) for v in value)


def _is_hub(value: Any) -> bool:
    return value == "" or (isinstance(value, str) and bool(re.fullmatch(
        r"https?://[^\s/?#]+[^\s]*", value, re.I)))


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_language_or_empty(value: Any) -> bool:
    return value == "" or (isinstance(value, str) and is_language_tag(value.replace("_", "-")))


def _is_positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


@dc.dataclass(frozen=True)
class Option:
    """One configuration value, as Sphinx and the docs (``configuration.md``) see it.

    ``rebuild`` says what a change costs: ``"env"`` when the read phase uses
    the value (every document is read again), ``"html"`` when only the writing
    of HTML does (every page is written again, nothing is read; the domain's
    outputs stamp carries these values so that feeds and term pages follow).
    """

    name: str
    default: Any
    check: Callable[[Any], bool]
    #: What a usable value is, completing "... is not <expected>" in the warning.
    expected: str
    help: str
    types: type | tuple[type, ...]
    rebuild: Literal["env", "html"]


OPTIONS: tuple[Option, ...] = (
    Option("newsroom_article_patterns", ["**"], _is_str_list, "a list of docname globs",
           "Docname globs that may hold articles.",
           types=(list, tuple), rebuild="env"),
    Option("newsroom_fields", DEFAULT_FIELDS, _is_fields,
           f"a dict mapping some of {sorted(DEFAULT_FIELDS)} to lists of front-matter keys",
           "Canonical field -> front-matter keys, first match wins.",
           types=dict, rebuild="env"),
    Option("newsroom_taxonomies", DEFAULT_TAXONOMIES, _is_key_map,
           "a dict mapping taxonomy names to non-empty lists of front-matter keys",
           "Taxonomy name -> front-matter keys.",
           types=dict, rebuild="env"),
    Option("newsroom_term_aliases", {}, _is_aliases, "a dict mapping a spelling to another",
           "Synonyms: each key is read as its value in every taxonomy, e.g. {'英伟达': 'Nvidia'}.",
           types=dict, rebuild="env"),
    Option("newsroom_show_drafts", False, lambda v: isinstance(v, bool), "True or False",
           "Publish drafts and future-dated articles in lists, indexes and feeds.",
           types=bool, rebuild="env"),
    Option("newsroom_timezone", "UTC", _is_timezone,
           "an IANA time-zone name such as 'Asia/Shanghai'",
           "Zone for dates written without an offset.",
           types=str, rebuild="env"),
    Option("newsroom_auto_meta", True, lambda v: isinstance(v, bool), "True or False",
           "Insert the metadata panel under every article title.",
           types=bool, rebuild="env"),
    Option("newsroom_references_titles", DEFAULT_REFERENCES_TITLES, _is_str_list,
           "a list of section titles", "Titles of an article's trailing references section.",
           types=(list, tuple), rebuild="env"),
    Option("newsroom_site_url", "", lambda v: isinstance(v, str), "a URL string",
           "Absolute site URL for feeds and social metadata (defaults to html_baseurl).",
           types=str, rebuild="html"),
    Option("newsroom_citation_style", "default", lambda v: v in ("default", "gbt7714", "apa"),
           "one of 'default', 'gbt7714', 'apa'",
           "Style of the unified bibliography (GB/T 7714-2015, APA-like or the default).",
           types=str, rebuild="env"),
    Option("newsroom_footnotes", "auto", lambda v: v in MODES,
           "one of 'auto', 'sources', 'notes'",
           "Which footnotes are sources: each one judged by its text ('auto'), every one "
           "('sources') or none ('notes'); an article's footnotes field overrides it.",
           types=str, rebuild="env"),
    Option("newsroom_feeds", True, lambda v: isinstance(v, bool), "True or False",
           "Write Atom, RSS and JSON feeds of the whole site (needs newsroom_site_url or "
           "html_baseurl).",
           types=bool, rebuild="html"),
    Option("newsroom_term_feeds", False, lambda v: isinstance(v, bool), "True or False",
           "Also write an Atom, an RSS and a JSON feed for every tag and topic.",
           types=bool, rebuild="html"),
    Option("newsroom_feed_length", 20, _is_positive_int, "a positive integer",
           "Number of newest articles in each feed.",
           types=int, rebuild="html"),
    Option("newsroom_websub_hub", "", _is_hub, "an http(s) URL or ''",
           "WebSub hub announced by every feed (rel=\"hub\"); '' announces none.",
           types=str, rebuild="html"),
    Option("newsroom_publisher", {}, _is_publisher,
           "a dict with some of the keys 'name', 'url', 'logo' (strings)",
           "The publisher named in JSON-LD and feeds (name defaults to the project).",
           types=dict, rebuild="html"),
    Option("newsroom_social_meta", True, lambda v: isinstance(v, bool), "True or False",
           "Add Open Graph, Twitter card and schema.org NewsArticle metadata to articles.",
           types=bool, rebuild="html"),
    Option("newsroom_sitemap", True, lambda v: isinstance(v, bool), "True or False",
           "Write sitemap.xml of every published page (needs a site URL; with "
           "sphinx-sitemap, edit its links instead).",
           types=bool, rebuild="html"),
    Option("newsroom_news_sitemap", True, lambda v: isinstance(v, bool), "True or False",
           "Write news-sitemap.xml (Google News) of the articles of the last two days.",
           types=bool, rebuild="html"),
    Option("newsroom_publication_name", "", lambda v: isinstance(v, str), "a string",
           "The publication's name in the news sitemap (default: the publisher's name, "
           "else the project).",
           types=str, rebuild="html"),
    Option("newsroom_related", 3, _is_count, "a whole number (0 turns it off)",
           "How many related articles to show under each article.",
           types=int, rebuild="html"),
    Option("newsroom_raw_html", False, lambda v: isinstance(v, bool), "True or False",
           "Let raw HTML in article bodies through (sources in footnotes never).",
           types=bool, rebuild="env"),
    Option("newsroom_math", True, lambda v: isinstance(v, bool), "True or False",
           "Read $...$, $$...$$, \\(...\\) and \\[...\\] in articles as TeX math "
           "(prices stay text).",
           types=bool, rebuild="env"),
    Option("newsroom_words_per_minute", 230, _is_positive_int, "a positive integer",
           "Reading speed for alphabetic text, in words per minute.",
           types=int, rebuild="env"),
    Option("newsroom_cjk_chars_per_minute", 400, _is_positive_int, "a positive integer",
           "Reading speed for Chinese, Japanese and Korean text, in characters per minute.",
           types=int, rebuild="env"),
    Option("newsroom_date_sources", [":fields", ":filename", ":path"], _is_date_sources,
           "a list of ':fields', ':filename', ':path' or front-matter keys",
           "Where an article's date comes from, first found wins (like Hugo's "
           "[frontmatter] date): the date keys of newsroom_fields, the file name's "
           "YYYY-MM-DD- prefix, the YYYY/MM/DD/slug of Zola's path key, or a "
           "front-matter key.",
           types=(list, tuple), rebuild="env"),
    Option("newsroom_authors", {}, lambda v: isinstance(v, dict) or (
               isinstance(v, str) and bool(v.strip())),
           "a dict of author entries or the path of a YAML or JSON authors file",
           "Authors' display names, bios, photos, links and sameAs: a dict, or a YAML "
           "(.yml, .yaml) or JSON (.json) file, relative to the folder of conf.py.",
           types=(dict, str), rebuild="html"),
    Option("newsroom_author_pages", True, lambda v: isinstance(v, bool), "True or False",
           "Write a page for each author (authors/<slug>.html) and link bylines to it.",
           types=bool, rebuild="html"),
    Option("newsroom_page_size", 50, _is_count, "a whole number (0 turns pagination off)",
           "Articles per page of a term page, the archive and an article-list without "
           ":limit:; longer lists continue on <page>/page/2.html, ... (HTML only).",
           types=int, rebuild="html"),
    Option("newsroom_hreflang_default", "", _is_language_or_empty,
           "a BCP 47 language tag such as 'en' or ''",
           "The language whose version of a translated article is hreflang=\"x-default\" "
           "(for readers of every other language); '' names none.",
           types=str, rebuild="env"),
    Option("newsroom_shortcodes", True,
           lambda v: isinstance(v, bool) or (_is_str_list(v) and set(v) <= {"hugo", "liquid",
                                                                             "pandoc"}),
           "True, False or a list of some of 'hugo', 'liquid', 'pandoc'",
           "Convert Hugo shortcodes, Jekyll Liquid and Pandoc syntax in articles to MyST.",
           types=(bool, list, tuple), rebuild="env"),
)


def register(app: Sphinx) -> None:
    """Declare every option and validate them once the configuration is read."""
    for option in OPTIONS:
        app.add_config_value(option.name, option.default, option.rebuild,
                             types=option.types, description=option.help)
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
    _drop_unsafe_taxonomies(app, config)
    if config.newsroom_fields is not DEFAULT_FIELDS:
        # A project that overrides some fields keeps the defaults of the others.
        config.newsroom_fields = {**DEFAULT_FIELDS, **config.newsroom_fields}
    if AUTHORS in config.newsroom_taxonomies:
        # Authors are a taxonomy of their own, read from the authors field: an
        # ``authors`` taxonomy names more keys of that field.
        taxonomies = dict(config.newsroom_taxonomies)
        keys = taxonomies.pop(AUTHORS)
        config.newsroom_taxonomies = taxonomies
        config.newsroom_fields = {**config.newsroom_fields, "authors": list(dict.fromkeys(
            [*keys, *config.newsroom_fields["authors"]]))}


#: Sphinx's values that the feeds and the extension's own pages quote.
SPHINX_OUTPUT_VALUES = ("html_baseurl", "project", "html_title", "language")


def outputs_stamp(config: Config) -> tuple[object, ...]:
    """The values that shape what the extension writes itself: feeds, term pages, exports.

    Every ``"html"`` option is here: changing one reads nothing again, and the
    stamp is how the domain learns that those outputs must follow.
    """
    names = [o.name for o in OPTIONS if o.rebuild == "html"]
    names += ["newsroom_show_drafts", *SPHINX_OUTPUT_VALUES]
    return tuple(getattr(config, name, "") for name in names)


def _drop_unsafe_taxonomies(app: Sphinx, config: Config) -> None:
    """Leave out each taxonomy whose name is not a safe slug; keep the others."""
    unsafe = [name for name in config.newsroom_taxonomies if not TAXONOMY_NAME.fullmatch(name)]
    if not unsafe:
        return
    for name in unsafe:
        warn(NewsroomWarning.CONFIG,
             f"newsroom_taxonomies: taxonomy name {name!r} is left out: a name may hold "
             "only ASCII letters, digits, '-' and '_' (it names a folder of the site and "
             "an index of the PDF)", _conf_line(app, ("newsroom_taxonomies", name)))
    config.newsroom_taxonomies = {name: keys for name, keys in config.newsroom_taxonomies.items()
                                  if name not in unsafe}


def _conf_line(app: Sphinx, wanted: tuple[str, str]) -> str | None:
    """``conf.py:<line>`` of the line that spells ``wanted[1]``, or else ``wanted[0]``.

    Sphinx takes a location holding ``:`` as written (no docname to look up).
    """
    conf_py = Path(app.confdir, "conf.py")
    try:
        lines = conf_py.read_text("utf-8").splitlines()
    except (OSError, UnicodeError):
        return None
    for text in (repr(wanted[1]), repr(wanted[1]).replace("'", '"'), wanted[0]):
        for number, line in enumerate(lines, 1):
            if text in line:
                return f"{conf_py}:{number}"
    return f"{conf_py}:1"


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
