"""The Sphinx project a command works on: its conf.py, settings and documents.

conf.py is run as Sphinx runs it (``eval_config_file``), and each
``newsroom_*`` value goes through the same check as at ``config-inited``
(``config.OPTIONS``): an unusable value is reported and its default used.
The documents are found by Sphinx's own ``Project.discover``, so a command
sees exactly the files a build reads.
"""

from __future__ import annotations

import dataclasses as dc
import zoneinfo
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..config import DEFAULT_FIELDS, OPTIONS, TAXONOMY_NAME
from ..model.frontmatter import Problem
from ..warnings_ import NewsroomWarning

CONF = "conf.py"
#: What Sphinx always leaves out of a project's documents (``sphinx.project``).
ALWAYS_EXCLUDED = ("**/_sources", ".#*", "**/.#*", "*.lproj/**")


class ConfError(Exception):
    """conf.py cannot be run."""


@dc.dataclass(frozen=True)
class Settings:
    """The newsroom's configuration values, checked, and the few of Sphinx's it needs."""

    values: Mapping[str, Any]
    exclude_patterns: tuple[str, ...] = ()
    include_patterns: tuple[str, ...] = ("**",)
    #: Suffixes MyST reads (".md", unless conf.py names its suffixes without it).
    markdown_suffixes: tuple[str, ...] = (".md",)
    myst_extensions: frozenset[str] = frozenset()
    language: str = "en"
    html_baseurl: str = ""
    #: Problems with the values of conf.py (the build warns about them too).
    problems: tuple[Problem, ...] = ()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("newsroom_"):
            return self.values[name]
        raise AttributeError(name)

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.values["newsroom_timezone"])

    @property
    def fields(self) -> Mapping[str, Sequence[str]]:
        return self.values["newsroom_fields"]

    @property
    def taxonomies(self) -> Mapping[str, Sequence[str]]:
        return self.values["newsroom_taxonomies"]

    def key(self, field: str) -> str:
        """The front-matter key a new file spells ``field`` with (its first alias)."""
        keys = self.fields.get(field) or self.taxonomies.get(field) or [field]
        return keys[0]

    @property
    def site_url(self) -> str:
        return self.values["newsroom_site_url"] or self.html_baseurl


def settings_from(namespace: Mapping[str, Any]) -> Settings:
    """The settings a conf.py namespace gives, checked as the build checks them."""
    values: dict[str, Any] = {}
    problems = []
    for option in OPTIONS:
        value = namespace.get(option.name, option.default)
        if not option.check(value):
            problems.append(Problem(
                NewsroomWarning.CONFIG, f"{option.name} = {value!r} is not {option.expected}; "
                f"using the default {option.default!r}"))
            value = option.default
        values[option.name] = value
    values["newsroom_fields"] = {**DEFAULT_FIELDS, **values["newsroom_fields"]}
    values["newsroom_taxonomies"] = {
        name: keys for name, keys in values["newsroom_taxonomies"].items()
        if TAXONOMY_NAME.fullmatch(name)}
    suffix = namespace.get("source_suffix")
    named = {suffix} if isinstance(suffix, str) else set(suffix or ())
    markdown = (".md",) if suffix is None or ".md" in named else ()
    extensions = namespace.get("myst_enable_extensions") or ()
    return Settings(
        values=values,
        exclude_patterns=tuple(namespace.get("exclude_patterns") or ()),
        include_patterns=tuple(namespace.get("include_patterns") or ("**",)),
        markdown_suffixes=markdown,
        myst_extensions=frozenset(str(e) for e in extensions),
        language=str(namespace.get("language") or "en"),
        html_baseurl=str(namespace.get("html_baseurl") or ""),
        problems=tuple(problems),
    )


DEFAULTS = settings_from({})


@dc.dataclass(frozen=True)
class Project:
    """A folder with a conf.py (Sphinx's source folder is its conf.py's folder)."""

    srcdir: Path
    settings: Settings
    namespace: Mapping[str, Any] = dc.field(default_factory=dict)

    @property
    def conf(self) -> Path:
        return self.srcdir / CONF

    def documents(self) -> list[tuple[str, Path]]:
        """(docname, file) of every Markdown document Sphinx would read, by docname."""
        from sphinx.project import Project as SphinxProject

        suffixes = dict.fromkeys(self.settings.markdown_suffixes, "markdown")
        if not suffixes:
            return []
        found = SphinxProject(self.srcdir, suffixes)
        docnames = found.discover([*self.settings.exclude_patterns, *ALWAYS_EXCLUDED],
                                  list(self.settings.include_patterns))
        return [(docname, Path(found.doc2path(docname, absolute=True)))
                for docname in sorted(docnames)]


def find_conf(start: Path) -> Path | None:
    """The folder of the conf.py at ``start`` or in its nearest parent."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONF).is_file():
            return folder
    return None


def load(srcdir: Path) -> Project:
    """The project whose conf.py is in ``srcdir``; ``ConfError`` when it cannot be run."""
    from sphinx.config import eval_config_file
    from sphinx.errors import ConfigError
    from sphinx.util.tags import Tags

    srcdir = srcdir.resolve()
    try:
        namespace = eval_config_file(srcdir / CONF, Tags())
    except ConfigError as error:
        raise ConfError(f"{srcdir / CONF}: {error}") from None
    return Project(srcdir, settings_from(namespace), namespace)
