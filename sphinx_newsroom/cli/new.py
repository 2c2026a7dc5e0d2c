"""``sphinx-newsroom new "Title"``: the next article, with complete front matter."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from sphinx.util.matching import Matcher

from .. import clock
from ..model.collation import transliterate
from ..model.dates import DateError, parse_datetime
from ..model.terms import clean_spelling, file_slug, split_terms
from .console import OK, PROBLEMS, USAGE, Console
from .project import DEFAULTS, ConfError, Settings, find_conf, load
from .writing import front_matter, write


def _terms(values: list[str]) -> list[str]:
    terms: list[str] = []
    for value in values:
        for term in split_terms(value):
            term = clean_spelling(term)
            if term and term not in terms:
                terms.append(term)
    return terms


def references_title(settings: Settings) -> str:
    """The references heading in the site's language: a Chinese one for a Chinese site."""
    titles = list(settings.newsroom_references_titles) or ["References"]
    chinese = settings.language.lower().startswith("zh")
    for title in titles:
        if (transliterate(title) != title) == chinese:
            return title
    return titles[0]


def article_text(title: str, date: dt.datetime, settings: Settings, *, tags: list[str],
                 topics: list[str], authors: list[str], draft: bool) -> str:
    data = {
        settings.key("title"): title,
        settings.key("date"): date,
        settings.key("draft"): draft,
        settings.key("summary"): "",
        settings.key("image"): "",
        settings.key("authors"): authors,
    }
    for taxonomy, values in (("tags", tags), ("topics", topics)):
        if taxonomy in settings.taxonomies:
            data[settings.key(taxonomy)] = values
    return f"{front_matter(data)}\n\n\n## {references_title(settings)}\n"


def run(args: argparse.Namespace, console: Console) -> int:
    title = " ".join(args.title.split())
    if not title:
        console.error("the title is empty")
        return USAGE
    start = Path(args.project)
    if not start.is_dir():
        console.error(f"{start}: no such folder")
        return USAGE
    srcdir = find_conf(start)
    settings = DEFAULTS
    if srcdir is None:
        srcdir = start.resolve()
        console.note(f"no conf.py in {start} or above: the date is in UTC")
    else:
        try:
            settings = load(srcdir).settings
        except ConfError as error:
            console.error(str(error))
            return PROBLEMS
    if args.date:
        try:
            date = parse_datetime(args.date, settings.tz)
        except DateError as error:
            console.error(f"--date: {error}")
            return USAGE
    else:
        date = clock.now().astimezone(settings.tz).replace(microsecond=0)
    folder = (srcdir / args.dir).resolve()
    if not folder.is_relative_to(srcdir):
        console.error(f"--dir {args.dir}: outside the project {srcdir}")
        return USAGE
    path = folder / f"{file_slug(title)}.md"
    text = article_text(title, date, settings, tags=_terms(args.tags),
                        topics=_terms(args.topics), authors=_terms(args.author),
                        draft=args.draft)
    outcome = write(path, text.encode("utf-8"), new_only=True)
    shown = os.path.relpath(path)
    if outcome.status != "written":
        console.error(f"{shown} exists: not overwritten (choose another title or --dir)")
        return PROBLEMS
    docname = path.relative_to(srcdir).with_suffix("").as_posix()
    if not Matcher(settings.newsroom_article_patterns)(docname):
        console.note(f"{docname} is outside newsroom_article_patterns: it is no article "
                     "until the patterns include it")
    console.result(shown)
    return OK
