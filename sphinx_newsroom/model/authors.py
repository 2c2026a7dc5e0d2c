"""Authors: the entries of the authors file (or ``newsroom_authors``) and misspelt names.

Authors are a taxonomy of their own (``authors``), fed by each article's
``authors`` field; an entry here only enriches an author's page and byline
(display name, bio, photo, links, ``sameAs``). Everything is pure and never
raises on user content: what cannot be used becomes a located ``Problem``.
"""

from __future__ import annotations

import dataclasses as dc
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import yaml

from ..warnings_ import NewsroomWarning
from .frontmatter import Problem
from .pickling import compact_pickle
from .terms import clean_spelling, term_key

#: The taxonomy of authors: its pages are ``authors/<slug>.html``.
AUTHORS = "authors"
#: An authors file larger than this is refused (a newsroom of thousands of authors fits).
MAX_BYTES = 4 * 1024 * 1024
#: The keys an entry may have.
ENTRY_KEYS = ("name", "bio", "photo", "links", "sameAs")

_WEB_URL = re.compile(r"https?://[^\s/?#]+[^\s]*\Z", re.I)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


@compact_pickle
@dc.dataclass(frozen=True, slots=True)
class AuthorEntry:
    """What the authors file says of one author."""

    #: The name shown (bylines, the author's page, metadata).
    name: str
    bio: str = ""
    #: An absolute http(s) URL, or a path from the root of the HTML output.
    photo: str = ""
    #: (label, URL) of each link shown on the author's page.
    links: tuple[tuple[str, str], ...] = ()
    #: Profiles elsewhere (schema.org ``sameAs``): absolute http(s) URLs.
    same_as: tuple[str, ...] = ()


def is_web_url(value: str) -> bool:
    """An absolute http(s) URL without spaces."""
    return bool(_WEB_URL.match(value))


def read_authors_text(text: str, path: str) -> tuple[Any, dict[str, int], list[Problem]]:
    """Parse an authors file (YAML, or JSON when ``path`` ends in ``.json``).

    Returns the data, the line of each top-level key and the problems.
    """
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return None, {}, [Problem(NewsroomWarning.AUTHOR,
                                  f"the authors file is larger than {MAX_BYTES // 2**20} MiB; "
                                  "ignored", 1)]
    if path.lower().endswith(".json"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            return None, {}, [Problem(NewsroomWarning.AUTHOR,
                                      f"the authors file is not valid JSON: {error.msg}",
                                      error.lineno)]
        lines = {}
        if isinstance(data, dict):
            for key in data:
                needle = json.dumps(key, ensure_ascii=False)
                lines[key] = next((n for n, line in enumerate(text.splitlines(), 1)
                                   if needle in line), 1)
        return data, lines, []
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        data = None if root is None else yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return None, {}, [Problem(NewsroomWarning.AUTHOR,
                                  f"the authors file is not valid YAML: {reason}",
                                  mark.line + 1 if mark is not None else 1)]
    lines = {}
    if isinstance(root, yaml.MappingNode):
        lines = {str(key.value): key.start_mark.line + 1 for key, _ in root.value
                 if isinstance(key, yaml.ScalarNode)}
    return data, lines, []


def read_entries(data: Any, lines: Mapping[str, int] | None = None) -> tuple[
        dict[str, AuthorEntry], list[Problem]]:
    """term key of each author -> its entry; a bad value is dropped with a problem.

    ``data`` maps the name an article writes (``Jane Doe``, or a handle like
    ``jdoe``) to a mapping of some of :data:`ENTRY_KEYS`.
    """
    lines = lines or {}
    problems: list[Problem] = []
    if data is None:
        return {}, problems
    if not isinstance(data, dict):
        return {}, [Problem(NewsroomWarning.AUTHOR,
                            f"the authors must be a mapping of names to entries, got "
                            f"{type(data).__name__}; ignored", 1)]
    entries: dict[str, AuthorEntry] = {}
    for raw_key, value in data.items():
        line = lines.get(str(raw_key), 1)

        def problem(message: str, line: int = line, raw_key: Any = raw_key) -> None:
            problems.append(Problem(NewsroomWarning.AUTHOR, f"author {str(raw_key)!r}: {message}",
                                    line))

        key = term_key(str(raw_key)) if isinstance(raw_key, str | int) else ""
        if not key:
            problem("the name is empty; entry ignored")
            continue
        if value is None:
            value = {}
        if not isinstance(value, dict):
            problem(f"expected a mapping of {', '.join(ENTRY_KEYS)}, got "
                    f"{type(value).__name__}; entry ignored")
            continue
        for unknown in sorted(str(k) for k in value if k not in ENTRY_KEYS):
            problem(f"unknown key {unknown!r} ignored (known: {', '.join(ENTRY_KEYS)})")
        name = _text(value, "name", problem) or clean_spelling(str(raw_key))
        if key in entries:
            problem("a second entry for the same author; ignored")
            continue
        entries[key] = AuthorEntry(
            name=name,
            bio=_text(value, "bio", problem),
            photo=_photo(value.get("photo"), problem),
            links=_links(value.get("links"), problem),
            same_as=_same_as(value.get("sameAs"), problem),
        )
    return entries, problems


def _text(value: dict[str, Any], key: str, problem: Any) -> str:
    text = value.get(key)
    if text is None:
        return ""
    if not isinstance(text, str):
        problem(f"{key} must be text, got {type(text).__name__}; ignored")
        return ""
    return " ".join(text.split())


def _photo(value: Any, problem: Any) -> str:
    if value is None or value == "":
        return ""
    if not isinstance(value, str):
        problem(f"photo must be a URL or a path, got {type(value).__name__}; ignored")
        return ""
    photo = value.strip()
    if is_web_url(photo):
        return photo
    if _SCHEME.match(photo) or photo.startswith("//") or "\\" in photo or any(
            part == ".." for part in photo.split("/")) or re.search(r"\s", photo):
        problem(f"photo {photo[:60]!r} is neither an http(s) URL nor a path in the site; "
                "ignored")
        return ""
    return "/" + photo.lstrip("/")


def _url_or_problem(value: Any, what: str, problem: Any) -> str:
    if isinstance(value, str) and is_web_url(value.strip()):
        return value.strip()
    shown = value[:60] if isinstance(value, str) else type(value).__name__
    problem(f"{what} {shown!r} is not an http(s) URL; ignored")
    return ""


def _links(value: Any, problem: Any) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if isinstance(value, dict):
        pairs = [(str(label), url) for label, url in value.items()]
    elif isinstance(value, list):
        pairs = []
        for item in value:
            if isinstance(item, dict) and set(item) <= {"title", "url"}:
                pairs.append((str(item.get("title") or ""), item.get("url")))
            else:
                pairs.append(("", item))
    else:
        problem("links must be a mapping of labels to URLs or a list of URLs, got "
                f"{type(value).__name__}; ignored")
        return ()
    result = []
    for label, url in pairs:
        kept = _url_or_problem(url, "link", problem)
        if kept:
            label = " ".join(label.split()) or re.sub(r"^https?://(www\.)?", "", kept,
                                                      flags=re.I).split("/")[0]
            result.append((label, kept))
    return tuple(result)


def _same_as(value: Any, problem: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        problem(f"sameAs must be a URL or a list of URLs, got {type(value).__name__}; ignored")
        return ()
    kept = (_url_or_problem(item, "sameAs", problem) for item in items)
    return tuple(dict.fromkeys(url for url in kept if url))


def folded(key: str) -> str:
    """A term key without accents or spaces: ``José Díaz`` and ``jose diaz`` fold alike."""
    decomposed = unicodedata.normalize("NFKD", key)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and not c.isspace())


#: Names shorter than this (folded) are never compared letter by letter: two
#: people called 王伟 and 王玮 are common, and so are "Li Na" and "Li Ma".
MIN_COMPARED = 6


def _within_one(a: str, b: str) -> bool:
    """Whether one edit (a letter changed, added, removed, or two swapped) turns a into b."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i in range(len(short)) if short[i] != long[i]), len(short))
    return short[i:] == long[i + 1:]


def near_duplicates(counts: Mapping[str, int], known: Iterable[str] = ()) -> list[tuple[str,
                                                                                          str]]:
    """(suspect, likely) pairs of author keys that look like one name misspelt.

    Two keys are near-duplicates when they differ only in accents and spaces,
    or, for names of :data:`MIN_COMPARED` letters or more, by one edit. The
    suspect is the one without an entry in the authors file (two names that
    both have one are two people), else the one fewer articles carry (then
    the larger key). ``counts`` maps each key to its number of articles.
    """
    known = set(known)
    by_fold: dict[str, list[str]] = defaultdict(list)
    for key in counts:
        by_fold[folded(key)].append(key)
    # Keys sharing a one-letter deletion are the only candidates for one edit.
    by_deletion: dict[str, set[str]] = defaultdict(set)
    for fold in by_fold:
        if len(fold) >= MIN_COMPARED:
            for i in range(len(fold)):
                by_deletion[fold[:i] + fold[i + 1:]].add(fold)
            by_deletion[fold].add(fold)
    pairs: set[tuple[str, str]] = set()
    for keys in by_fold.values():
        ordered = sorted(keys)
        for i, a in enumerate(ordered):
            pairs.update((a, b) for b in ordered[i + 1:])
    for group in by_deletion.values():
        for a in group:
            for b in group:
                if a < b and _within_one(a, b):
                    pairs.update((x, y) if x < y else (y, x)
                                 for x in by_fold[a] for y in by_fold[b])
    result = []
    for a, b in sorted(pairs):
        if a in known and b in known:
            continue
        if (a in known) != (b in known):
            suspect, likely = (b, a) if a in known else (a, b)
        else:
            suspect, likely = sorted((a, b), key=lambda k: (-counts[k], k))[::-1]
        result.append((suspect, likely))
    return result
