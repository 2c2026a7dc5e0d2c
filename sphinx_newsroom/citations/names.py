"""The names in a citation's author field, as a reference list writes them.

``Citation.author`` keeps the names as the footnote wrote them, separators
and all. :func:`author_names` reads them one by one, for the exports
(CSL-JSON ``author``, BibTeX ``author``) and for the scorer:

- Chinese lists: ``、``, ``，``, ``；`` and GB/T 7714's ``, `` between Han names;
- ``and``, ``&`` and ``;`` between names;
- Chicago's inverted first author, ``Knuth, Donald E., James H. Morris, Jr,
  and Vaughan R. Pratt`` (three names: ``Knuth, Donald E.``, ``James H.
  Morris, Jr``, ``Vaughan R. Pratt``);
- APA's ``Cameron, P. J., Solomon, R., & Turull, A.`` (family name, then
  initials: three names);
- GB/T 7714's ``Cherkassky B V, Goldberg A V`` (two names);

and drops ``et al.`` and ``等``. Pure: standard library only.
"""

from __future__ import annotations

import re

__all__ = ["author_names"]

_HAN = "\u4e00-\u9fff"
# Breaks that always separate two names.
_BREAK_RE = re.compile(
    rf"\s*[、，；;]\s*|\s*,?\s+(?:and|&)\s+|\s*&\s*|(?<=[{_HAN}]),\s*(?=[{_HAN}])")
_NOT_NAMES = frozenset({"et al", "et al.", "et. al.", "等", "等人", "others", "...", "…"})
# Given names or initials after a family name: "P. J.", "J.S.", "GE", "Donald E.", "Hubert".
_INITIALS_RE = re.compile(r"(?:[A-ZÀ-Þ]{1,2}(?:\.|(?=[\s-]|$))[\s-]*)+")
_GIVEN_RE = re.compile(r"[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]*\.?)*(?:\s+[A-ZÀ-Þ]{1,2}\.?)?")
_SUFFIX_RE = re.compile(r"(?:Jr|Sr|II|III|IV)\.?")


def _initials(part: str) -> bool:
    return _INITIALS_RE.fullmatch(part.strip()) is not None


def _given(part: str) -> bool:
    """Given names after a family name: ``Hubert``, ``Donald E.``, ``Thomas H.``, initials."""
    part = part.strip()
    if _initials(part):
        return True
    words = part.split()
    if len(words) == 1:
        return _GIVEN_RE.fullmatch(part) is not None
    # "Donald E.": given names end with an initial; "Patrice Ossona De Mendez" is a whole name.
    return _GIVEN_RE.fullmatch(part) is not None and _initials(words[-1])


def _commas(piece: str, first: bool) -> list[str]:
    """One piece between breaks, split at its commas into names.

    A part that is only initials (APA's ``Solomon, R.``), a suffix (``Jr``)
    or, for the first name of the list, given names (Chicago's ``Knuth,
    Donald E.``) belongs to the part before it.
    """
    parts = [p.strip() for p in piece.split(",") if p.strip()]
    names: list[str] = []
    for at, part in enumerate(parts):
        if names and (_initials(part) or _SUFFIX_RE.fullmatch(part)
                      or (first and at == 1 and len(names) == 1 and _given(part)
                          and len(names[0].split()) <= 3
                          and not _initials(names[0].split()[-1]))):
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(part)
    return names


def author_names(author: str) -> list[str]:
    """The names of an author field, each as written (see the module docstring)."""
    pieces = [p for p in _BREAK_RE.split(author.strip()) if p and p.strip(" ,.")]
    names: list[str] = []
    for at, piece in enumerate(pieces):
        piece = piece.strip(" ,")
        if re.search(rf"[{_HAN}]", piece) or "," not in piece:
            names.append(piece)
        else:
            names += _commas(piece, first=at == 0)
    names = [re.sub(rf"(?<=[{_HAN}])等人?$", "", n.strip(" ,")) for n in names]  # "李四等"
    return [n for n in (n.strip(" ,") for n in names)
            if n and n.casefold().rstrip(".") not in {x.rstrip(".") for x in _NOT_NAMES}]
