"""Unit tests of citations/ that mutation testing asked for (`make mutation`, docs/testing.md).

They pin what a reader of the bibliography page sees: which sources appear
once, which spelling of a source is shown, who cites it, in which order, and
which pairs of sources are reported as sharing a key.
"""

from __future__ import annotations

import datetime as dt

from sphinx_newsroom.citations.bibliography import (
    Citer,
    anchor_of,
    collect,
    sort_entries,
)
from sphinx_newsroom.citations.model import Citation
from sphinx_newsroom.model.article import Article, Source

D = dt.date


def cite(title: str = "", publisher: str = "", url: str = "", date: D | None = None,
         **more: object) -> Citation:
    raw = f"{title}·{publisher}·{url}·{date}"
    return Citation(raw, title=title, publisher=publisher, url=url, date=date, structured=True,
                    **more)  # type: ignore[arg-type]


def article(docname: str, day: int | None, *citations: Citation) -> Article:
    sources = tuple(Source(str(i), str(i), f"fn-{i}", i, c) for i, c in enumerate(citations, 1))
    return Article(docname, f"Title of {docname}",
                   date=dt.datetime(2025, 1, day) if day else None, sources=sources)


def test_anchor_is_stable_and_independent_of_numbering() -> None:
    assert anchor_of("url:example.com/a") == anchor_of("url:example.com/a")
    assert anchor_of("url:example.com/a") != anchor_of("url:example.com/b")
    assert anchor_of("tp:x::y") == "source-08cef8b5e864"


def test_sources_are_listed_once_in_order_of_first_citation() -> None:
    a = cite("A", url="https://example.com/a")
    b = cite("B", url="https://example.com/b")
    c = cite("C", "P")
    new = article("new", 20, b, c)
    old = article("old", 5, a, b)
    undated = article("undated", None, c, a)
    entries, collisions = collect([new, undated, old])
    assert [e.citation.title for e in entries] == ["A", "B", "C"]
    assert collisions == []
    assert [e.anchor for e in entries] == [anchor_of(e.key) for e in entries]
    by_title = {e.citation.title: e for e in entries}
    assert by_title["A"].citers == (Citer("old", "Title of old", "fn-1"),
                                    Citer("undated", "Title of undated", "fn-2"))
    assert [c.docname for c in by_title["B"].citers] == ["old", "new"]
    assert [c.docname for c in by_title["C"].citers] == ["new", "undated"]


def test_dated_articles_come_before_undated_then_by_docname() -> None:
    x = cite("X", url="x.org")
    y = cite("Y", url="y.org")
    entries, _ = collect([article("b", None, y), article("a", None, x), article("c", 9, y)])
    assert [e.citation.title for e in entries] == ["Y", "X"]
    assert [c.docname for c in entries[0].citers] == ["c", "b"]


def test_one_article_citing_a_source_twice_is_one_citer() -> None:
    a = cite("A", url="https://example.com/a")
    entries, _ = collect([article("x", 1, a, a)])
    assert entries[0].citers == (Citer("x", "Title of x", "fn-1"),)


def test_the_fullest_spelling_of_a_source_is_shown() -> None:
    bare = cite("A", url="https://example.com/a")
    fuller = cite("A", "Publisher", url="https://www.example.com/a/")
    longer_title = cite("A (!)", url="example.com/a")
    entries, collisions = collect([article("1", 1, bare), article("2", 2, fuller),
                                   article("3", 3, longer_title)])
    assert len(entries) == 1
    assert entries[0].citation == fuller
    assert collisions == []
    # Equal field counts: the longer title wins; a tie keeps the first.
    entries, _ = collect([article("1", 1, bare), article("3", 3, longer_title)])
    assert entries[0].citation == longer_title
    same = cite("a", url="example.com/a")
    entries, _ = collect([article("1", 1, bare), article("2", 2, same)])
    assert entries[0].citation == bare


def test_every_field_counts_towards_the_fullest_spelling() -> None:
    base = cite("T", url="example.com/t")
    for extra in ({"publisher": "P"}, {"author": "A"}, {"date": D(2025, 1, 1)},
                  {"accessed": D(2025, 1, 2)}):
        fuller = Citation(base.raw, title="T", url="example.com/t", structured=True,
                          **extra)  # type: ignore[arg-type]
        entries, _ = collect([article("1", 1, base), article("2", 2, fuller)])
        assert entries[0].citation == fuller, extra


def test_one_url_with_two_different_titles_is_a_collision() -> None:
    first = cite("Markets rally", url="https://example.com/n")
    same_title = cite("MARKETS  rally!", url="example.com/n")
    other = cite("Weather today", url="example.com/n")
    untitled = cite("", url="example.com/n")
    entries, collisions = collect([article("a", 1, first), article("b", 2, same_title),
                                   article("c", 3, untitled), article("d", 4, other)])
    assert len(entries) == 1
    assert len(collisions) == 1
    collision = collisions[0]
    assert (collision.key, collision.first_docname, collision.docname) == (
        entries[0].key, "a", "d")
    assert collision.first.citation == first
    assert collision.other.citation == other


def test_one_title_and_publisher_on_two_dates_is_a_collision() -> None:
    june = cite("Report", "Agency", date=D(2025, 6, 1))
    july = cite("Report", "Agency", date=D(2025, 7, 1))
    undated = cite("Report", "Agency")
    _, collisions = collect([article("a", 1, june), article("b", 2, undated),
                             article("c", 3, june)])
    assert collisions == []
    _, collisions = collect([article("a", 1, june), article("b", 2, july)])
    assert [(c.first_docname, c.docname) for c in collisions] == [("a", "b")]


def test_a_url_and_a_dated_citation_without_url_never_collide_on_date() -> None:
    with_url = cite("T", url="example.com/t", date=D(2025, 1, 1))
    other_date = cite("T", url="example.com/t", date=D(2025, 2, 1))
    _, collisions = collect([article("a", 1, with_url), article("b", 2, other_date)])
    assert collisions == []


def entries_titled(*citations: Citation) -> list:
    entries, _ = collect([article("a", 1, *citations)])
    return entries


def test_sort_orders() -> None:
    entries = entries_titled(
        cite("Beta", "Zeta", date=D(2024, 1, 1)),
        cite("alpha", "Zeta", date=D(2025, 3, 1)),
        cite("Gamma", "Able"),
        Citation("delta raw"),
    )
    titles = lambda order: [e.citation.title or e.citation.raw  # noqa: E731
                            for e in sort_entries(entries, order)]
    assert titles("first") == ["Beta", "alpha", "Gamma", "delta raw"]
    assert titles("title") == ["alpha", "Beta", "delta raw", "Gamma"]
    assert titles("publisher") == ["delta raw", "Gamma", "alpha", "Beta"]
    assert titles("date") == ["alpha", "Beta", "Gamma", "delta raw"]
    assert titles("unknown") == titles("first")
    assert sort_entries(entries, "first") is not entries


def test_url_keys_ignore_default_ports_trailing_slashes_and_tracking() -> None:
    from sphinx_newsroom.citations.keys import citation_key

    def key(url: str) -> str:
        return citation_key(Citation("r", url=url))

    assert key("http://example.com:80/a/") == "url:example.com/a"
    assert key("https://example.com:443/a") == "url:example.com/a"
    assert key("https://example.com/a?b=1&utm_source=x&c=2#top") == "url:example.com/a?b=1&c=2"
    assert key("https://example.com/a?utm_medium=y") == "url:example.com/a"
