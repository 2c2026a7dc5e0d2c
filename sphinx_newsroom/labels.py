"""The words shown for each taxonomy: on pages, in panels, feeds and indexes.

``tags`` and ``topics`` have translated words; another taxonomy is named
after itself (``press_agencies`` -> "Press agencies").
"""

from __future__ import annotations

from .citations.bibliography import UNDATED
from .i18n import _
from .model.locale_dates import month_name


def readable(taxonomy: str) -> str:
    """A taxonomy's own name as words."""
    return taxonomy.replace("_", " ").capitalize()


def taxonomy_label(taxonomy: str) -> str:
    """One term's kind: "Tag", "Topic" (a term page's title reads "Tag: AI")."""
    return {"tags": _("Tag"), "topics": _("Topic"), "authors": _("Author")}.get(
        taxonomy, readable(taxonomy))


def taxonomy_plural(taxonomy: str) -> str:
    """The label of a panel line listing an article's terms: "Tags", "Topics"."""
    return {"topics": _("Topics"), "tags": _("Tags"), "authors": _("Authors")}.get(
        taxonomy, readable(taxonomy))


def taxonomy_title(taxonomy: str) -> str:
    """The title of a taxonomy's overview page: "All tags", "All topics"."""
    return {"tags": _("All tags"), "topics": _("All topics"), "authors": _("All authors")}.get(
        taxonomy, readable(taxonomy))


def index_name(taxonomy: str) -> str:
    """The name of a taxonomy's index in the PDF: "Tag index", "Topic index"."""
    return {"tags": _("Tag index"), "topics": _("Topic index")}.get(taxonomy) or \
        _("%s index") % readable(taxonomy)


def part_label(part: str, language: str) -> str:
    """The name of a part of a split bibliography: ``2025``, ``July 2025`` (``2025年7月``),
    or "Undated"; the months are named as the archive names them."""
    if part == UNDATED:
        return _("Undated")
    if len(part) == 7:
        return month_name(int(part[:4]), int(part[5:]), language)
    return part


def sources_count(count: int) -> str:
    """"1 source", "12 sources": the count of a split bibliography and of its parts."""
    return _("1 source") if count == 1 else _("%d sources") % count
