"""What an importer reads of a site: its posts, its files, its settings.

``hugo.py``, ``jekyll.py`` and ``ablog.py`` each turn a site into a ``Site``;
``import_.py`` converts and writes it, the same way for all three.
"""

from __future__ import annotations

import dataclasses as dc
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: Folders no site's content is in: version control, builds, caches.
IGNORED_DIRS = frozenset({".git", ".hg", ".svn", "_build", "_site", "public", "resources",
                          "node_modules", ".ipynb_checkpoints", "__pycache__", ".venv",
                          ".DS_Store"})


@dc.dataclass
class Post:
    """One source file that becomes an article (or a page) of the newsroom."""

    source: Path
    #: Path of the new file, relative to DEST, with a ``.md`` suffix.
    target: str
    #: compat families that convert its body (``hugo``, ``liquid``, ``pandoc``).
    families: tuple[str, ...] = ()
    #: Front matter the path gives (a Jekyll draft, a category from the folder).
    implied: dict[str, Any] = dc.field(default_factory=dict)
    #: "markdown", or "rst" for an ABlog post written in reStructuredText.
    syntax: str = "markdown"


@dc.dataclass
class Site:
    """A site to import, as its reader found it."""

    tool: str
    #: Where the site's files are: its root, or the content folder given instead.
    root: Path
    content: Path
    title: str = ""
    base_url: str = ""
    #: IANA name of the zone the site's dates without an offset are in ("" unknown).
    timezone: str = ""
    language: str = ""
    posts: list[Post] = dc.field(default_factory=list)
    #: (file, target relative to DEST) copied as they are: bundle images, attachments.
    files: list[tuple[Path, str]] = dc.field(default_factory=list)
    #: Folders a site-absolute path (``/images/a.png``) is looked up in.
    static_dirs: list[Path] = dc.field(default_factory=list)
    #: (file, why it is not imported).
    skipped: list[tuple[Path, str]] = dc.field(default_factory=list)
    #: Taxonomies beyond tags and topics: name -> front-matter keys.
    taxonomies: dict[str, list[str]] = dc.field(default_factory=dict)
    #: strptime formats the site writes dates in (ABlog's ``post_date_format``).
    date_formats: tuple[str, ...] = ()
    #: ABlog's ``blog_authors``: key -> full name.
    authors: dict[str, str] = dc.field(default_factory=dict)


def walk(folder: Path) -> Iterator[Path]:
    """Every file under ``folder``, sorted, leaving out ignored and hidden folders."""
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.is_dir():
            if path.name not in IGNORED_DIRS and not path.name.startswith("."):
                yield from walk(path)
        elif path.is_file() and not path.name.startswith("."):
            yield path


#: Formats real sites write dates in, beyond ISO 8601 (``model/dates`` reads that).
WORDY_DATES = ("%b %d, %Y", "%B %d, %Y", "%d %B %Y", "%d %b %Y", "%b %d %Y", "%B %d %Y",
               "%Y/%m/%d", "%d/%m/%Y", "%b %d, %Y %H:%M", "%B %d, %Y %H:%M",
               "%a, %d %b %Y %H:%M:%S %z", "%a, %d %b %Y")


def wordy_date(text: str, formats: tuple[str, ...] = ()) -> dt.datetime | None:
    """``text`` read with the site's formats, then common English ones; None if none fit."""
    for format_ in (*formats, *WORDY_DATES):
        try:
            return dt.datetime.strptime(" ".join(text.split()), format_)
        except ValueError:
            continue
    return None


_LANGUAGE = re.compile(r"([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2,4}))?")


def sphinx_language(code: str) -> str:
    """A site's language code (``zh-cn``, ``en-US``) as Sphinx spells it (``zh_CN``)."""
    match = _LANGUAGE.fullmatch(code.strip())
    if not match:
        return ""
    language, region = match.groups()
    return language.lower() + (f"_{region.upper()}" if region and len(region) == 2 else "")


def read_config(path: Path) -> dict[str, Any]:
    """A site's TOML, YAML or JSON configuration file as a mapping ({} when unreadable)."""
    import json
    import tomllib

    import yaml

    try:
        text = path.read_text("utf-8-sig")
        if path.suffix == ".toml":
            data = tomllib.loads(text)
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}
