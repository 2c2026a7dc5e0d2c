"""Related articles: the others that share the most (and the rarest) terms.

A term shared by few articles says more than one carried by half the site, so
each shared term counts with its inverse document frequency.  The candidates
of an article come from the postings of its own terms, never from a scan of
all articles; terms carried by more than ``max(64, 4·√N)`` articles are too
common to tell articles apart and are left out, which bounds the work per
article and keeps a 5,000-article site fast.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Sequence

from .article import Article
from .terms import term_key


def common_cap(count: int) -> int:
    return max(64, int(4 * math.sqrt(count)))


def related_articles(
    articles: Sequence[Article], taxonomies: Sequence[str], limit: int
) -> dict[str, tuple[str, ...]]:
    """Up to ``limit`` related public articles per article, best first.

    Ties go to the newer article, then the docname, so the choice is stable.
    """
    if limit <= 0:
        return {}
    postings: dict[tuple[str, str], list[str]] = defaultdict(list)
    terms_of: dict[str, set[tuple[str, str]]] = {}
    for article in articles:
        terms = {(t, term_key(s)) for t in taxonomies for s in article.terms_of(t)}
        terms_of[article.docname] = terms
        for term in terms:
            postings[term].append(article.docname)
    total = len(articles)
    cap = common_cap(total)
    weight = {term: math.log((total + 1) / len(docs)) + 1e-6
              for term, docs in postings.items() if len(docs) <= cap}
    stamp = {a.docname: a.date.timestamp() if a.date else float("-inf") for a in articles}
    result: dict[str, tuple[str, ...]] = {}
    for article in articles:
        scores: dict[str, float] = defaultdict(float)
        for term in terms_of[article.docname]:
            if term in weight:
                for other in postings[term]:
                    scores[other] += weight[term]
        scores.pop(article.docname, None)
        best = heapq.nsmallest(
            limit, scores, key=lambda d: (-round(scores[d], 9), -stamp[d], d))
        if best:
            result[article.docname] = tuple(best)
    return result
