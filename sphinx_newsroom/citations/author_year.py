"""Author–year citation markers, as Pandoc's default style (Chicago author–date) writes them.

``[@smith2020]`` reads "(Smith 2020)", ``@smith2020`` "Smith (2020)" and
``[-@smith2020]`` "(2020)". Two authors are "Smith and Jones", three "Smith,
Jones, and Lee", four or more "Smith et al.". Works of the same authors in the
same year, cited in one article, are told apart as 2020a, 2020b, in the order
the article first cites them.
"""

from __future__ import annotations

from collections.abc import Sequence
from string import ascii_lowercase

from .bibfile import Reference

__all__ = ["author_label", "year_labels"]

#: Words of the title shown for a work without author or editor (Chicago's short title).
SHORT_TITLE_WORDS = 4
UNDATED = "n.d."


def author_label(reference: Reference) -> str:
    """Who the marker names: family names, else a short title in quotes, else the key."""
    names = reference.names
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    if len(names) == 3:
        return f"{names[0]}, {names[1]}, and {names[2]}"
    if names:
        return f"{names[0]} et al."
    words = reference.citation.title.split()
    if words:
        return "“" + " ".join(words[:SHORT_TITLE_WORDS]) + "”"
    return reference.key


def year_labels(references: Sequence[Reference]) -> dict[str, str]:
    """The year each reference shows, ``a``, ``b``... added where two would read alike.

    ``references`` are the works one article cites, in the order it first cites
    them; each key appears once.
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for reference in references:
        groups.setdefault((author_label(reference), reference.year), []).append(reference.key)
    labels: dict[str, str] = {}
    for (_, year), keys in groups.items():
        shown = year or UNDATED
        if len(keys) == 1:
            labels[keys[0]] = shown
            continue
        separator = "-" if not year else ""
        for index, key in enumerate(keys):
            labels[key] = f"{shown}{separator}{_letters(index)}"
    return labels


def _letters(index: int) -> str:
    """a, b, ..., z, aa, ab, ...: as citeproc continues past 26."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = ascii_lowercase[rest] + letters
    return letters
