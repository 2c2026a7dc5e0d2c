"""Export citations as CSL-JSON and BibTeX."""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Sequence

from .markup import field_text
from .model import Citation, issued_text
from .names import author_names
from .parse_en import site_host
from .urls import encoded_url

__all__ = ["EXPORT_FILES", "EXPORT_FOLDER", "to_bibtex", "to_csl_json"]

#: Folder of the exports at the root of the HTML output, and its file per format.
EXPORT_FOLDER = "_newsroom"
EXPORT_FILES = {"csl": "sources.json", "bibtex": "sources.bib"}

def _authors(author: str) -> list[str]:
    return author_names(author)


def _csl_date(value: datetime.date, parts: int = 3) -> dict[str, list[list[int]]]:
    return {"date-parts": [[value.year, value.month, value.day][:parts]]}


_CSL_LANGUAGES = {"zh": "zh-CN", "en": "en"}
#: How many CSL ``date-parts`` a date of each precision has.
_PARTS = {"year": 1, "month": 2, "day": 3}


#: The CSL and BibTeX types of the GB/T 7714 document type codes.
_GBT_TYPES = {
    "M": ("book", "book"), "J": ("article-journal", "article"),
    "N": ("article-newspaper", "article"), "C": ("paper-conference", "inproceedings"),
    "D": ("thesis", "thesis"), "R": ("report", "report"), "S": ("standard", "standard"),
    "P": ("patent", "patent"), "EB": ("webpage", "online"), "DB": ("dataset", "dataset"),
    "CP": ("software", "software"), "A": ("manuscript", "misc"), "Z": ("document", "misc"),
}


def _gbt_type(citation: Citation) -> tuple[str, str] | None:
    return _GBT_TYPES.get(citation.type.split("/")[0])


def _names_outlet(citation: Citation) -> bool:
    """A publisher the footnote names, not the URL's host standing in for one."""
    return bool(citation.publisher) and citation.publisher != site_host(citation.url)


def _csl_item(item_id: str, citation: Citation) -> dict[str, object]:
    typed = _gbt_type(citation)
    item: dict[str, object] = {
        "id": item_id,
        "type": typed[0] if typed else "article-newspaper" if _names_outlet(citation)
        else "webpage",
    }
    optional: dict[str, object] = {
        "title": field_text(citation, citation.title),
        "container-title": field_text(citation, citation.publisher),
        "author": [{"literal": name} for name in _authors(field_text(citation, citation.author))],
        "issued": _csl_date(citation.date, _PARTS[citation.date_precision])
        if citation.date else None,
        "accessed": _csl_date(citation.accessed) if citation.accessed else None,
        "URL": encoded_url(citation.url),
        "language": _CSL_LANGUAGES.get(citation.language),
    }
    item.update((key, value) for key, value in optional.items() if value)
    return item


def to_csl_json(entries: Sequence[tuple[str, Citation]]) -> list[dict[str, object]]:
    """CSL-JSON items for ``(id, citation)`` pairs; absent fields are omitted.

    ``type`` is ``article-newspaper`` with a publisher, else ``webpage``;
    authors are split into literal names by ``citations.names.author_names``
    (``、``, ``and``, Chicago's and APA's comma lists).
    """
    return [_csl_item(item_id, citation) for item_id, citation in entries]


_LATEX_ESCAPES = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        # BibTeX counts braces even when escaped, so "\{" could unbalance an
        # entry; the text commands keep every field's braces balanced.
        "{": r"\textbraceleft{}",
        "}": r"\textbraceright{}",
        "%": r"\%",
        "&": r"\&",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "^": r"\textasciicircum{}",
        "~": r"\textasciitilde{}",
    }
)

# URL fields are read verbatim by biblatex and hyperref, so LaTeX escapes
# would corrupt them; only characters that break the .bib syntax are encoded.
_URL_ESCAPES = str.maketrans({"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20"})

_BIBTEX_LANGUAGES = {"zh": "chinese", "en": "english"}


def _bibtex_text(text: str) -> str:
    # Control characters and line breaks have no place inside a field.
    printable = "".join(c for c in text if unicodedata.category(c) != "Cc" or c.isspace())
    return " ".join(printable.split()).translate(_LATEX_ESCAPES)


def _bibtex_key(item_id: str, used: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_-]", "_", item_id) or "ref"
    key, n = base, 1
    while key in used:
        n += 1
        key = f"{base}-{n}"
    used.add(key)
    return key


def _bibtex_entry(key: str, citation: Citation) -> str:
    typed = _gbt_type(citation)
    kind = typed[1] if typed else "article" if _names_outlet(citation) else "misc"
    authors = " and ".join("{" + _bibtex_text(name) + "}"
                           for name in _authors(field_text(citation, citation.author)))
    url = encoded_url(" ".join(citation.url.split())).translate(_URL_ESCAPES)
    fields = [
        ("title", _bibtex_text(field_text(citation, citation.title))),
        ("author", authors),
        ("journal" if kind == "article" else "booktitle" if kind == "inproceedings"
         else "institution" if kind in ("thesis", "report") else "publisher",
         _bibtex_text(field_text(citation, citation.publisher))),
        ("date", issued_text(citation)),
        ("url", url),
        ("urldate", citation.accessed.isoformat() if citation.accessed else ""),
        ("language", _BIBTEX_LANGUAGES.get(citation.language, "")),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@{kind}{{{key},\n{body}\n}}\n" if body else f"@{kind}{{{key}}}\n"


def to_bibtex(entries: Sequence[tuple[str, Citation]]) -> str:
    """BibTeX (biblatex-flavoured: ``date`` and ``urldate``) for the entries.

    ``@article`` with the publisher as ``journal`` when there is a publisher,
    else ``@misc``. Keys are the ids with characters outside ``[A-Za-z0-9_-]``
    replaced by ``_``, suffixed ``-2``, ``-3``… when that makes them collide.
    Authors are brace-protected literal names joined with ``and``.
    """
    used: set[str] = set()
    return "\n".join(_bibtex_entry(_bibtex_key(i, used), c) for i, c in entries)
