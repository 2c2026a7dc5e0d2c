"""The authors of a site: its authors file read once per build, and misspelt names reported.

``newsroom_authors`` is a mapping of entries, or the path of a YAML or JSON
file relative to the folder of ``conf.py``. Every problem of the file is a
located warning (the file and line) and the rest is used; the entries reach
the domain, which keeps them for every page written.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .domain import get_domain
from .log import warn
from .model.authors import AUTHORS, AuthorEntry, near_duplicates, read_authors_text, read_entries
from .model.terms import term_key
from .warnings_ import NewsroomWarning


def load_authors(app: Sphinx) -> dict[str, AuthorEntry]:
    """term key -> entry of every usable author entry; problems are warned about."""
    value = app.config.newsroom_authors
    if isinstance(value, dict):
        entries, problems = read_entries(value)
        where = _conf_py(app)
        for problem in problems:
            warn(problem.subtype, f"newsroom_authors: {problem.message}", where)
        return entries
    path = Path(app.confdir, value)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeError) as error:
        reason = "it is not UTF-8 text" if isinstance(error, UnicodeError) else \
            error.strerror or type(error).__name__
        warn(NewsroomWarning.AUTHOR, f"newsroom_authors: cannot read the authors file "
             f"{value!r}: {reason}; authors have no entries", _conf_py(app))
        return {}
    data, lines, problems = read_authors_text(text, path.name)
    entries, more = read_entries(data, lines) if not problems else ({}, [])
    for problem in [*problems, *more]:
        warn(problem.subtype, problem.message, f"{path}:{problem.line or 1}")
    return entries


def _conf_py(app: Sphinx) -> str:
    return f"{Path(app.confdir, 'conf.py')}:1"


def report_authors(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Warn at each article whose author looks like a misspelling of another author.

    Two spellings of one key (``Jane Doe``, ``jane doe``) share a page: the
    articles with the rarer one are told. Two keys that differ in accents or
    by one letter (``Jane Doe``, ``Jane Deo``) are two pages: the articles of
    the suspect one are told (see ``model.authors.near_duplicates``). Said
    once per build that read something, like the merged terms.
    """
    domain = get_domain(env)
    terms = domain.terms.get(AUTHORS, {})
    if not domain.outputs_stale or not terms:
        return []
    entries = domain.authors
    for key, term in sorted(terms.items()):
        spellings: Counter[str] = Counter()
        for docname in term.docnames:
            spellings.update(s for s in domain.articles[docname].authors if term_key(s) == key)
        if len(spellings) < 2:
            continue
        usual = min(spellings, key=lambda s: (-spellings[s], s))
        for docname in term.docnames:
            article = domain.articles[docname]
            for spelling in article.authors:
                if term_key(spelling) == key and spelling != usual:
                    warn(NewsroomWarning.AUTHOR,
                         f"author {spelling!r} is written {usual!r} in {spellings[usual]} "
                         f"other article(s); both are shown as {term.name!r}",
                         (docname, article.authors_line or 1))
    counts = {key: len(term.docnames) for key, term in terms.items()}
    suspects: dict[str, list[str]] = defaultdict(list)
    for suspect, likely in near_duplicates(counts, entries):
        suspects[suspect].append(likely)
    for key, others in sorted(suspects.items()):
        names = " or ".join(repr(terms[k].name) for k in others)
        for docname in terms[key].docnames:
            article = domain.articles[docname]
            spelling = next(s for s in article.authors if term_key(s) == key)
            warn(NewsroomWarning.AUTHOR,
                 f"author {spelling!r} looks like a misspelling of {names}; it has a page of "
                 f"its own ({terms[key].page}). Write the name as the other articles do, or "
                 "give both an entry in newsroom_authors if they are two people",
                 (docname, article.authors_line or 1))
    return []
