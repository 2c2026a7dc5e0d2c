"""Fields written by hand: the ``cite-source`` role's override of a parse.

When the parser reads a footnote wrong, its author writes the fields::

    [^3]: {cite-source}`title=Bucket sort; publisher=Wikipedia; date=2020-05` [Bucket sort - Wikipedia](https://en.wikipedia.org/wiki/Bucket_sort)

``parse_fields`` reads the role's text (``name=value`` pairs separated by
``;``, ``\\;`` for a semicolon inside a value) and says what is wrong with
it; ``apply_fields`` replaces the parsed fields with the written ones (an
empty value clears a field). Pure: standard library only.
"""

from __future__ import annotations

import dataclasses as dc
import datetime
import re

from .model import Citation, DatePrecision

__all__ = ["FIELDS", "Fields", "apply_fields", "parse_fields"]

#: The fields the role may set.
FIELDS = ("title", "publisher", "author", "date", "accessed", "url", "language")
#: The role's fields: ``(name, value)`` pairs, in the order written.
Fields = tuple[tuple[str, str], ...]

_DATE_RE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_LANGUAGES = ("zh", "en", "und")


def _date(value: str) -> tuple[datetime.date, DatePrecision] | None:
    match = _DATE_RE.fullmatch(value.strip())
    if match is None:
        return None
    year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return None
    precision: DatePrecision = "day" if match[3] else "month" if match[2] else "year"
    return date, precision


def parse_fields(text: str) -> tuple[Fields, list[str]]:
    """The fields written in ``text``, and a sentence for each one that is wrong.

    A wrong field (an unknown name, a piece without ``=``, a date that is not
    ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, a field given twice) is left
    out; the others hold.
    """
    found: list[tuple[str, str]] = []
    problems: list[str] = []
    pieces = [p.replace("\\;", ";") for p in re.split(r"(?<!\\);", text)]
    for piece in pieces:
        if not piece.strip():
            continue
        name, equals, value = piece.partition("=")
        name, value = name.strip().lower(), value.strip()
        if not equals:
            problems.append(f"{piece.strip()!r} is not name=value")
        elif name not in FIELDS:
            problems.append(f"{name!r} is not a field (fields: {', '.join(FIELDS)})")
        elif any(name == seen for seen, _ in found):
            problems.append(f"{name!r} is given twice; the first holds")
        elif name in ("date", "accessed") and value and _date(value) is None:
            problems.append(f"{name} {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        elif name == "language" and value not in _LANGUAGES:
            problems.append(f"language {value!r} is not one of {', '.join(_LANGUAGES)}")
        else:
            found.append((name, value))
    if not found and not problems:
        problems.append("no field is given")
    return tuple(found), problems


def apply_fields(citation: Citation, fields: Fields) -> Citation:
    """``citation`` with the written fields in place of the parsed ones."""
    changes: dict[str, object] = {"structured": True}
    for name, value in fields:
        if name == "date":
            parsed = _date(value)
            changes["date"], changes["date_precision"] = parsed if parsed else (None, "day")
        elif name == "accessed":
            parsed = _date(value)
            changes["accessed"] = parsed[0] if parsed else None
        else:
            changes[name] = value
    if not citation.structured and "title" not in changes:
        changes["title"] = ""  # the whole text was the title only because nothing was read
    return dc.replace(citation, **changes)  # type: ignore[arg-type]
