"""Terms across the site: display names, unique slugs, member articles."""

from __future__ import annotations

import dataclasses as dc
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from .article import Article
from .terms import assign_slugs, display_name, merged_spellings, term_key


@dc.dataclass(frozen=True, slots=True)
class Term:
    """One term of one taxonomy."""

    taxonomy: str
    key: str
    name: str
    slug: str
    #: Docnames of the articles carrying the term, newest first.
    docnames: tuple[str, ...]
    #: Spellings that differ beyond width and case but share the term (reported once).
    merged: tuple[str, ...] = ()

    @property
    def page(self) -> str:
        return f"{self.taxonomy}/{self.slug}"


def _avoiding(slugs: dict[str, str], reserved: set[str]) -> dict[str, str]:
    """Suffix the slugs that would overwrite a reserved page (``index``, a project doc)."""
    taken = {s.casefold() for s in slugs.values()} | {r.casefold() for r in reserved}
    result = {}
    for key, slug in sorted(slugs.items()):
        if slug.casefold() in {r.casefold() for r in reserved}:
            number = 2
            while f"{slug}-{number}".casefold() in taken:
                number += 1
            slug = f"{slug}-{number}"
            taken.add(slug.casefold())
        result[key] = slug
    return result


def collect_terms(
    articles: Sequence[Article], taxonomies: Iterable[str], taken: set[str]
) -> dict[str, dict[str, Term]]:
    """Group ``articles`` (already newest first) by term, per taxonomy.

    ``taken`` holds the project's own docnames: a slug that would overwrite one
    of them is suffixed instead (the project's page always wins).
    """
    result: dict[str, dict[str, Term]] = {}
    for taxonomy in taxonomies:
        spellings: dict[str, Counter[str]] = defaultdict(Counter)
        members: dict[str, list[str]] = defaultdict(list)
        for article in articles:
            for spelling in article.terms_of(taxonomy):
                key = term_key(spelling)
                spellings[key][spelling] += 1
                members[key].append(article.docname)
        # The overview page and the project's own docs under the folder keep their names.
        reserved = {"index"} | {
            name.split("/", 1)[1] for name in taken if name.startswith(taxonomy + "/")
        }
        slugs = _avoiding(assign_slugs(spellings), reserved)
        result[taxonomy] = {
            key: Term(taxonomy, key, display_name(spellings[key]), slugs[key],
                      tuple(members[key]), tuple(merged_spellings(spellings[key])))
            for key in sorted(spellings)
        }
    return result
