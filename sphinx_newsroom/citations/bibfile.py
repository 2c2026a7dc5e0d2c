"""Bibliography files (BibTeX, CSL-JSON) read as ``Reference`` records.

Pandoc and R Markdown articles name such files in their front matter
(``bibliography: refs.bib``) and cite their entries by key (``[@key]``).

BibTeX is read with pybtex, the parser sphinxcontrib-bibtex uses: it expands
``@string`` macros and ``#`` concatenation, knows the month macros (``sep``)
and splits names (``van der Berg, J. and {R Core Team}``). Its LaTeX
(``Erd{\\H o}s``, ``\\textit{Do}``, ``--``) becomes text with pylatexenc.
CSL-JSON is plain JSON: its shape is checked here, item by item.

Both return every readable entry and, for what cannot be read, a ``Problem``
each (the line is in the bibliography file, when known): one broken entry
never costs the others. A readable entry with a flaw (a ``javascript:`` URL,
an impossible date) carries its own problems, for the articles citing it.
"""

from __future__ import annotations

import dataclasses as dc
import datetime
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any

from ..model.frontmatter import Problem
from ..warnings_ import NewsroomWarning
from .model import Citation, DatePrecision
from .parse import MONTH_NAMES

__all__ = ["READERS", "Reference", "ReferenceFile", "read_bibtex", "read_csl_json"]


@dc.dataclass(frozen=True, slots=True)
class Reference:
    """One entry of a bibliography file, as an article cites it."""

    key: str
    citation: Citation
    #: Family names of the authors (else the editors), for author–year markers.
    names: tuple[str, ...] = ()
    #: The year as the entry gives it (``2014``; ``forthcoming``), "" when undated.
    year: str = ""
    #: What is wrong with the entry (an unsafe URL, an impossible date), for the
    #: articles that cite it to report.
    problems: tuple[str, ...] = ()


@dc.dataclass(frozen=True, slots=True)
class ReferenceFile:
    """What a bibliography file holds: its entries by key, and what could not be read."""

    references: Mapping[str, Reference]
    problems: tuple[Problem, ...] = ()


def _problem(message: str, line: int | None = None) -> Problem:
    return Problem(NewsroomWarning.CITATION, message, line)


# -- text ------------------------------------------------------------------------------


@cache
def _latex_converter() -> Callable[[str], str]:
    """LaTeX -> text, with the macros bibliographies use that pylatexenc leaves out."""
    from pylatexenc import latex2text, latexwalker, macrospec

    walker_context = latexwalker.get_default_latex_context_db()
    walker_context.add_context_category("newsroom-bib", prepend=True, macros=[
        macrospec.std_macro("href", False, 2), macrospec.std_macro("mbox", False, 1)])
    text_context = latex2text.get_default_latex_context_db()
    spec = latex2text.MacroTextSpec
    text_context.add_context_category("newsroom-bib", prepend=True, macros=[
        spec("mbox", "%s"), spec("href", "%(2)s"), spec("url", "%s"), spec("LaTeX", "LaTeX"),
        spec("TeX", "TeX"), spec("BibTeX", "BibTeX")])
    converter = latex2text.LatexNodes2Text(latex_context=text_context, math_mode="text")

    def convert(text: str) -> str:
        walker = latexwalker.LatexWalker(text, latex_context=walker_context,
                                         tolerant_parsing=True)
        return str(converter.nodelist_to_text(walker.get_latex_nodes()[0]))

    return convert


#: A ``%`` BibTeX keeps as a character (LaTeX would start a comment there).
_BARE_PERCENT = re.compile(r"(?<!\\)%")


def latex_text(value: str) -> str:
    """A BibTeX field as a reader sees it: accents decoded, braces and markup removed."""
    if not any(c in value for c in "\\{}$~-`'%"):
        return " ".join(value.split())
    try:
        text = _latex_converter()(_BARE_PERCENT.sub(r"\\%", value))
    except Exception:  # pylatexenc on malformed LaTeX: the field without its markup
        text = re.sub(r"\\[A-Za-z]+|[\\{}]", "", value)
    return " ".join(text.split())


def _printable(text: str) -> str:
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Cc"
                            or c.isspace()).split())


_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_LANGUAGES = {"zh": "zh", "chinese": "zh", "en": "en", "english": "en", "american": "en",
              "british": "en"}


def _language(declared: str, *texts: str) -> str:
    """``zh`` or ``en`` (the styles' two labels): as declared, else from the script."""
    code = _LANGUAGES.get(declared.strip().lower().split("-")[0].split("_")[0])
    if code:
        return code
    return "zh" if any(_CJK.search(t) for t in texts) else "en"


_SAFE_SCHEMES = ("http://", "https://")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)


def _link(url: str, doi: str, problems: list[str]) -> str:
    """The entry's link: its DOI (the stable one) or its URL; only http(s) is linked."""
    doi = _DOI_PREFIX.sub("", doi.strip())
    if doi:
        return "https://doi.org/" + doi
    url = url.strip()
    if url and not url.lower().startswith(_SAFE_SCHEMES):
        problems.append(f"its URL {url[:60]!r} is not http(s); not linked")
        return ""
    return url


# -- dates -----------------------------------------------------------------------------

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def _month(value: str) -> int | None:
    value = value.strip().lower().rstrip(".")
    if value.isdigit():
        number = int(value)
        return number if 1 <= number <= 12 else None
    for index, name in enumerate(MONTH_NAMES):
        if len(value) >= 3 and name.startswith(value):
            return index + 1
    return None


def _date(year: int, month: int | None, day: int | None,
          ) -> tuple[datetime.date, DatePrecision] | None:
    """A date and how precise it is; None when the parts name no day of the calendar."""
    try:
        value = datetime.date(year, month or 1, (day or 1) if month else 1)
    except ValueError:
        return None
    return value, "day" if month and day else "month" if month else "year"


def _iso_date(text: str) -> tuple[datetime.date, DatePrecision] | None:
    match = _ISO.match(text)
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    return _date(year or 0, month, day if month else None)


# -- BibTeX ----------------------------------------------------------------------------

#: Fields that name where a work appeared, in the order they are tried.
_CONTAINERS = ("journal", "journaltitle", "booktitle", "publisher", "institution",
               "organization", "school")
def _person_parts(person: Any) -> tuple[str, str]:
    """(name as shown, family name) of a pybtex ``Person``."""
    family = latex_text(" ".join([*person.prelast_names, *person.last_names]))
    given = latex_text(" ".join([*person.first_names, *person.middle_names]))
    lineage = latex_text(" ".join(person.lineage_names))
    shown = " ".join(part for part in (given, family) if part)
    return (f"{shown}, {lineage}" if lineage else shown), family


def _bibtex_date(fields: Mapping[str, str]) -> tuple[datetime.date, DatePrecision] | None:
    if fields.get("date"):
        return _iso_date(latex_text(fields["date"]))
    year = _YEAR.search(latex_text(fields.get("year", "")))
    if not year:
        return None
    month = _month(latex_text(fields.get("month", ""))) if fields.get("month") else None
    day_text = latex_text(fields.get("day", ""))
    day = int(day_text) if day_text.isdigit() and month else None
    return _date(int(year.group(1)), month, day)


def _bibtex_reference(key: str, entry: Any) -> Reference:
    problems: list[str] = []
    fields = {name.lower(): str(value) for name, value in entry.fields.items()}
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    shown_names = [_person_parts(person) for person in people]
    title = latex_text(fields.get("title", ""))
    publisher = next((latex_text(fields[f]) for f in _CONTAINERS if fields.get(f)), "")
    dated = _bibtex_date(fields)
    if dated is None and (fields.get("date") or _YEAR.search(fields.get("year", ""))):
        written = fields.get("date") or fields["year"]
        problems.append(f"its date {written!r} is not a date; shown undated")
    accessed = _iso_date(latex_text(fields["urldate"])) if fields.get("urldate") else None
    url = re.sub(r"\\([_%&#~$])", r"\1", fields.get("url", "")).replace("{", "").replace("}", "")
    if not url and fields.get("eprinttype", "").lower() == "arxiv" and fields.get("eprint"):
        url = "https://arxiv.org/abs/" + fields["eprint"].strip()
    link = _link(url, fields.get("doi", ""), problems)
    author = " and ".join(name for name, _ in shown_names if name)
    citation = Citation(
        raw=f"[@{key}]", title=_printable(title), publisher=_printable(publisher),
        author=_printable(author), date=dated[0] if dated else None,
        accessed=accessed[0] if accessed else None, url=link,
        language=_language(fields.get("langid", "") or fields.get("language", ""),
                           title, publisher, author),
        structured=bool(title or link), date_precision=dated[1] if dated else "day")
    year = str(dated[0].year) if dated else latex_text(fields.get("year", ""))
    return Reference(key, citation, tuple(family for _, family in shown_names if family),
                     _printable(year), tuple(problems))


def read_bibtex(text: str) -> ReferenceFile:
    """Every entry of a BibTeX (or biblatex) file; syntax errors are problems, not exceptions.

    Fields used: ``title``; the first of ``journal``, ``journaltitle``,
    ``booktitle``, ``publisher``, ``institution``, ``organization``, ``school``
    as the publisher; ``author`` (else ``editor``); ``date`` (biblatex, ISO) or
    ``year``/``month``/``day``; ``urldate`` as the accessed date; ``doi``
    (as ``https://doi.org/...``), else ``url``, else an arXiv ``eprint``;
    ``langid``/``language``.
    """
    import pybtex.errors
    from pybtex.database.input import bibtex
    from pybtex.exceptions import PybtexError

    # pybtex's parser reports every error it meets (syntax, a repeated entry or
    # field, an undefined macro, a name it cannot split) through
    # ``pybtex.errors.report_error``, which ``capture`` collects: pybtex 0.26 raises
    # none. The guard stays for the older pybtex the package allows (>= 0.24): a
    # broken file must give a warning, never stop the build.
    with pybtex.errors.capture() as errors:
        try:
            data = bibtex.Parser().parse_string(text)
        except PybtexError as error:
            return ReferenceFile({}, (_problem(f"not readable as BibTeX: {error}"),))
    problems = [_problem(re.sub(r" in line \d+", "", str(error)), getattr(error, "lineno", None))
                for error in errors]
    references = {key: _bibtex_reference(key, entry) for key, entry in data.entries.items()}
    return ReferenceFile(references, tuple(problems))


# -- CSL-JSON --------------------------------------------------------------------------


def _csl_text(value: Any) -> str:
    if isinstance(value, str):
        return _printable(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and value and isinstance(value[0], str):
        return _printable(value[0])  # "container-title": ["A", "B"]
    return ""


def _csl_name(value: Any) -> tuple[str, str] | None:
    """(name as shown, family name) of a CSL name object."""
    if not isinstance(value, Mapping):
        return None
    literal = _csl_text(value.get("literal"))
    if literal:
        return literal, literal
    family = " ".join(p for p in (_csl_text(value.get("non-dropping-particle")),
                                  _csl_text(value.get("family"))) if p)
    given = " ".join(p for p in (_csl_text(value.get("given")),
                                 _csl_text(value.get("dropping-particle"))) if p)
    suffix = _csl_text(value.get("suffix"))
    shown = " ".join(p for p in (given, family) if p)
    if not shown:
        return None
    return (f"{shown}, {suffix}" if suffix else shown), family or given


def _csl_date(value: Any) -> tuple[datetime.date, DatePrecision] | None:
    if isinstance(value, str):
        return _iso_date(value)
    if not isinstance(value, Mapping):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        numbers: list[int] = []
        for part in parts[0][:3]:
            if isinstance(part, int) and not isinstance(part, bool):
                numbers.append(part)
            elif isinstance(part, str) and part.strip().isdigit():
                numbers.append(int(part))
            else:
                break
        if numbers:
            month = numbers[1] if len(numbers) > 1 else None
            return _date(numbers[0], month, numbers[2] if len(numbers) > 2 else None)
    for field in ("raw", "literal"):
        if isinstance(value.get(field), str):
            return _iso_date(value[field])
    return None


def _csl_year(value: Any, dated: tuple[datetime.date, DatePrecision] | None) -> str:
    if dated:
        return str(dated[0].year)
    if isinstance(value, Mapping):
        return _csl_text(value.get("literal")) or _csl_text(value.get("raw"))
    return ""


def _csl_reference(key: str, item: Mapping[str, Any]) -> Reference:
    problems: list[str] = []
    names = [n for n in (_csl_name(v) for v in _as_list(item.get("author"))
                         or _as_list(item.get("editor"))) if n]
    title = _csl_text(item.get("title"))
    publisher = _csl_text(item.get("container-title")) or _csl_text(item.get("publisher"))
    dated = _csl_date(item.get("issued"))
    accessed = _csl_date(item.get("accessed"))
    link = _link(_csl_text(item.get("URL")), _csl_text(item.get("DOI")), problems)
    author = " and ".join(name for name, _ in names)
    citation = Citation(
        raw=f"[@{key}]", title=title, publisher=publisher, author=author,
        date=dated[0] if dated else None, accessed=accessed[0] if accessed else None,
        url=link, language=_language(_csl_text(item.get("language")), title, publisher, author),
        structured=bool(title or link), date_precision=dated[1] if dated else "day")
    return Reference(key, citation, tuple(family for _, family in names),
                     _csl_year(item.get("issued"), dated), tuple(problems))


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if isinstance(value, Mapping) else []


def read_csl_json(text: str) -> ReferenceFile:
    """Every item of a CSL-JSON file (a list of objects, each with an ``id``).

    Fields used: ``title``; ``container-title`` (else ``publisher``) as the
    publisher; ``author`` (else ``editor``) names, ``family``/``given`` with
    their particles, or ``literal``; ``issued`` and ``accessed`` as
    ``date-parts`` (or ``raw``); ``DOI`` (as ``https://doi.org/...``), else
    ``URL``; ``language``. An item that is not an object or has no ``id`` is a
    problem; so is a repeated ``id`` (the first item keeps it).
    """
    try:
        data = json.loads(text)
    except ValueError as error:
        line = getattr(error, "lineno", None)
        message = getattr(error, "msg", str(error))
        return ReferenceFile({}, (_problem(f"not readable as JSON: {message}", line),))
    if not isinstance(data, list):
        return ReferenceFile({}, (_problem("CSL-JSON must be a list of items, not "
                                           f"{type(data).__name__}"),))
    problems: list[Problem] = []
    references: dict[str, Reference] = {}
    for number, item in enumerate(data, 1):
        if not isinstance(item, Mapping):
            problems.append(_problem(f"item {number} is not an object"))
            continue
        key = item.get("id")
        if not isinstance(key, str | int) or isinstance(key, bool) or not str(key).strip():
            problems.append(_problem(f"item {number} has no id"))
            continue
        key = str(key).strip()
        if key in references:
            problems.append(_problem(f"item {number}: id {key!r} is repeated; "
                                     "the first item keeps it"))
            continue
        references[key] = _csl_reference(key, item)
    return ReferenceFile(references, tuple(problems))


#: The readers by file suffix (lower case), as Pandoc tells the formats apart.
READERS: dict[str, Callable[[str], ReferenceFile]] = {
    ".bib": read_bibtex, ".bibtex": read_bibtex, ".json": read_csl_json,
}


def merged(files: Iterable[ReferenceFile]) -> dict[str, Reference]:
    """The entries of several files by key; the first file that has a key keeps it."""
    result: dict[str, Reference] = {}
    for file in files:
        for key, reference in file.references.items():
            result.setdefault(key, reference)
    return result
