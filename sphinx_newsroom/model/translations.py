"""Translations: language tags, the versions of one article, and their problems.

Pure (babel for language names, nothing of Sphinx).  An article is a version
of another when both give the same ``translation_key`` (as in Hugo), or when
one names the other in its ``translations:`` mapping (language -> docname or
path).  A ``translations:`` entry should be answered: the target names the
article back, or shares its key; a one-way, dangling or unpublished target is
a problem, and only published versions are ever linked.
"""

from __future__ import annotations

import dataclasses as dc
import posixpath
import re
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from ..warnings_ import NewsroomWarning
from .frontmatter import Problem

# RFC 5646 (BCP 47) section 2.1, "langtag" and "privateuse" (grandfathered tags aside).
# The 4-letter and 5-8-letter primary subtags the syntax allows are reserved, and the
# IANA registry holds none: a word such as "english" is refused, as no language.
_LANGTAG = re.compile(
    r"""(?:
      (?P<language>[a-z]{2,3}(?:-[a-z]{3}){0,3})
      (?:-(?P<script>[a-z]{4}))?
      (?:-(?P<region>[a-z]{2}|[0-9]{3}))?
      (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*
      (?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*
      (?:-x(?:-[a-z0-9]{1,8})+)?
    |x(?:-[a-z0-9]{1,8})+)\Z""", re.I | re.X)


def is_language_tag(tag: str) -> bool:
    """Whether ``tag`` is a well-formed BCP 47 language tag (``en``, ``zh-Hans-CN``)."""
    return bool(_LANGTAG.match(tag))


def tag_for_name(name: str) -> str:
    """The tag of a language written by its English name (ABlog's ``language: English``),
    or by its own name (``中文``, ``Français``); "" when none has that name."""
    return _names().get(" ".join(name.split()).casefold(), "")


#: Languages also known by their own name (``中文``, ``Deutsch``): the common ones only,
#: since reading every locale's names would cost seconds.
OWN_NAMES = ("ar", "de", "en", "es", "fr", "hi", "it", "ja", "ko", "nl", "pt", "ru", "zh")


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for code, name in Locale("en").languages.items():
        if "_" not in code and is_language_tag(code):
            names.setdefault(name.casefold(), code)
    for code in OWN_NAMES:
        own = Locale.parse(code).get_language_name(code)
        if own:
            names.setdefault(own.casefold(), code)
    return names


def normal_tag(tag: str) -> str:
    """A tag as BCP 47 writes it by convention: ``zh_cn`` is ``zh-CN``, ``ZH-HANS`` ``zh-Hans``."""
    parts = tag.replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 and part.isalpha() and out[-1].lower() != "x":
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def primary(tag: str) -> str:
    return tag.replace("_", "-").split("-")[0].lower()


def effective_language(declared: str, detected: str, site: str) -> str:
    """The article's BCP 47 tag: its front matter's, else the site's unless the text is
    detected as another language (``detected`` is ``en`` or ``zh``)."""
    if declared:
        return declared
    site = normal_tag(site or "en")
    if detected and detected.lower() != primary(site):
        return detected
    return site


@lru_cache(maxsize=64)
def language_name(tag: str) -> str:
    """A language by its own name (``zh`` is 中文, ``en`` English, ``zh-Hant`` 中文（繁體）)."""
    try:
        locale = Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return tag
    if len(tag.replace("_", "-").split("-")) > 1 and locale.script and re.search(
            r"[-_][A-Za-z]{4}(?:[-_]|\Z)", tag):
        name = Locale(locale.language, script=locale.script).get_display_name(locale)
    else:
        name = locale.get_language_name(locale)
    return name[:1].upper() + name[1:] if name else tag


@dc.dataclass(frozen=True, slots=True)
class Version:
    """What the translations logic needs of one article."""

    docname: str
    language: str
    public: bool
    key: str = ""
    #: (language as written, target as written) of the ``translations:`` mapping.
    translations: tuple[tuple[str, str], ...] = ()
    #: Line of ``translations:`` and of ``language`` in the front matter.
    line: int = 1
    language_line: int = 1


def resolve_target(target: str, docname: str, docs: Collection[str],
                   suffixes: Sequence[str] = (".md", ".rst")) -> str | None:
    """The docname a ``translations:`` value names: a docname, or a path relative to the
    article (``../zh/story.md``) or to the source folder (``/zh/story``); None if none."""
    value = target.strip().replace("\\", "/")
    for suffix in (*suffixes, ".html"):
        if value.endswith(suffix):
            value = value[: -len(suffix)]
            break
    value = value.rstrip("/")
    if not value:
        return None
    if value.startswith("/"):
        candidates = [posixpath.normpath(value.lstrip("/"))]
    else:
        here = posixpath.dirname(docname)
        candidates = [posixpath.normpath(posixpath.join(here, value)),
                      posixpath.normpath(value)]
    return next((c for c in candidates if c in docs and not c.startswith("..")), None)


#: docname -> (hreflang, docname) of each of its versions.
Links = dict[str, tuple[tuple[str, str], ...]]


def versions(articles: Iterable[Version], docs: Collection[str],
             suffixes: Sequence[str] = (".md", ".rst"), x_default: str = "",
             hidden: Collection[str] = ()) -> tuple[Links, list[tuple[str, Problem]]]:
    """docname -> its published versions as (hreflang, docname), itself included, and the
    problems found, as (docname, Problem).

    Only a published article gets versions, and only published ones (a group with one
    published version gives nothing).  ``x_default`` names the language whose version is
    also ``x-default``: the exact tag, else the first of the same primary language.
    ``hidden``: the drafts and embargoed articles left out of the build's documents.
    """
    by_doc = {a.docname: a for a in articles}
    parent = {d: d for d in by_doc}

    def find(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    problems: list[tuple[str, Problem]] = []

    def problem(article: Version, message: str) -> None:
        problems.append((article.docname, Problem(NewsroomWarning.TRANSLATION,
                                                  f"'translations': {message}", article.line)))

    keyed: dict[str, str] = {}
    for article in sorted(by_doc.values(), key=lambda a: a.docname):
        if article.key:
            union(keyed.setdefault(article.key, article.docname), article.docname)
    targets: dict[str, set[str]] = {}
    for article in sorted(by_doc.values(), key=lambda a: a.docname):
        for _written, target in article.translations:
            found = resolve_target(target, article.docname, docs, suffixes)
            if found is not None and found != article.docname:
                targets.setdefault(article.docname, set()).add(found)
    for article in sorted(by_doc.values(), key=lambda a: a.docname):
        for written, target in article.translations:
            found = resolve_target(target, article.docname, docs, suffixes)
            if found == article.docname:
                problem(article, f"{written}: {target!r} is this article itself; ignored")
                continue
            other = by_doc.get(found) if found else None
            unpublished = resolve_target(target, article.docname, hidden, suffixes)
            if found is None and unpublished is not None:
                if article.public:
                    problem(article, f"{written}: {unpublished!r} is a draft or embargoed; "
                            "not linked until it is published")
                continue
            if found is None or other is None:
                what = "names no document" if found is None else "is not an article"
                problem(article, f"{written}: {target!r} {what}; not linked")
                continue
            union(article.docname, found)
            if article.public and not other.public:
                problem(article, f"{written}: {found!r} is a draft or embargoed; not linked "
                        "until it is published")
            answered = article.docname in targets.get(found, set()) or (
                article.key and article.key == other.key)
            if not answered:
                problem(article, f"{written}: {found!r} does not name this article among its "
                        "translations (give both the same translation_key, or list each in "
                        "the other's translations)")
            if primary(written) != primary(other.language):
                problem(article, f"{written}: {found!r} is in {other.language!r}")
    groups: dict[str, list[Version]] = {}
    for article in sorted(by_doc.values(), key=lambda a: a.docname):
        if article.public:
            groups.setdefault(find(article.docname), []).append(article)
    result: dict[str, tuple[tuple[str, str], ...]] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        chosen: dict[str, Version] = {}
        for member in members:
            tag = member.language.lower()
            if tag in chosen:
                problems.append((member.docname, Problem(
                    NewsroomWarning.TRANSLATION,
                    f"'language': {chosen[tag].docname!r} is already the {member.language!r} "
                    "version of this article; this one is not linked", member.language_line)))
                continue
            chosen[tag] = member
        if len(chosen) < 2:
            continue
        links = sorted(((m.language, m.docname) for m in chosen.values()),
                       key=lambda pair: pair[0].lower())
        default = _default(links, x_default)
        if default:
            links.append(("x-default", default))
        for member in chosen.values():
            result[member.docname] = tuple(links)
    return result, problems


def _default(links: Sequence[tuple[str, str]], wanted: str) -> str:
    if not wanted:
        return ""
    wanted = normal_tag(wanted)  # conf.py may write zh_CN, as Sphinx's language
    exact = [d for tag, d in links if tag.lower() == wanted.lower()]
    if exact:
        return exact[0]
    same = [d for tag, d in links if primary(tag) == primary(wanted)]
    return same[0] if same else ""

