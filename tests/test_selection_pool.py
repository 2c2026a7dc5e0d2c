"""The index that spares a term's page a scan of every article, and the memo of
the published articles: same answers as the plain scan, at any moment."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from sphinx_newsroom.model.article import Article
from sphinx_newsroom.model.selection import Pool, selected
from sphinx_newsroom.model.taxonomy import collect_terms
from sphinx_newsroom.model.terms import term_key

TAGS = ["AI", "ai", "Chips", "台积电", "Rare 1", "rare 2", "Ｒａｒｅ 3"]
TOPICS = ["Tech", "Money"]


def _article(index: int, day: int | None, tags: list[str], topics: list[str]) -> Article:
    date = None if day is None else dt.datetime(2025, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=day)
    return Article(docname=f"articles/a{index:03d}", title=f"Article {index}", date=date,
                   terms=(("tags", tuple(tags)), ("topics", tuple(topics))))


articles_strategy = st.lists(
    st.tuples(st.one_of(st.none(), st.integers(0, 30)),
              st.lists(st.sampled_from(TAGS), max_size=3, unique=True),
              st.lists(st.sampled_from(TOPICS), max_size=2, unique=True)),
    max_size=25,
).map(lambda rows: [_article(i, *row) for i, row in enumerate(rows)])

filters_strategy = st.dictionaries(
    st.sampled_from(["tags", "topics", "authors"]),
    st.lists(st.sampled_from([term_key(t) for t in TAGS + TOPICS] + ["nobody"]), max_size=3),
    max_size=2,
)


def _newest_first(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (-(a.date.timestamp() if a.date else float("-inf")),
                                           a.docname))


@given(articles_strategy, filters_strategy, st.sampled_from(["-date", "date", "title"]))
def test_pool_selects_what_a_scan_selects(articles, filters, sort):
    """A list filtered by terms reads only its terms' articles, and lists the same
    articles in the same order as a list that reads them all."""
    ordered = _newest_first(articles)
    terms = collect_terms(ordered, ["tags", "topics"], set())
    members = {taxonomy: {key: term.docnames for key, term in by_key.items()}
               for taxonomy, by_key in terms.items()}
    attributes = {"filters": filters, "sort": sort}
    assert selected(Pool(ordered, members), attributes) == selected(ordered, attributes)


def test_pool_reads_only_the_terms_articles():
    ordered = _newest_first([_article(i, i, ["Rare 1"] if i % 10 == 0 else ["AI"], [])
                             for i in range(100)])
    terms = collect_terms(ordered, ["tags"], set())
    pool = Pool(ordered, {"tags": {k: t.docnames for k, t in terms["tags"].items()}})
    chosen = pool.candidates({"tags": [term_key("Rare 1")]})
    assert [a.docname for a in chosen] == [f"articles/a{i:03d}" for i in range(90, -1, -10)]
    # A taxonomy the index does not know is read whole, the filter still applies.
    assert pool.candidates({"authors": ["x"]}) == ordered
    assert selected(pool, {"filters": {"authors": ["x"]}}) == []


def test_published_follows_the_clock_and_the_articles(make_app, tmp_path):
    """The memo of ``published`` never shows an embargoed article before its
    time, shows it from that moment on, and forgets on any article change."""
    (tmp_path / "conf.py").write_text('extensions = ["sphinx_newsroom"]\n', encoding="utf-8")
    (tmp_path / "index.md").write_text("# Home\n", encoding="utf-8")
    app = make_app("html", srcdir=tmp_path)
    from sphinx_newsroom.domain import get_domain

    domain = get_domain(app.env)
    noon = dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC)
    domain.add_article(_article(1, 0, ["AI"], []))
    domain.add_article(Article(docname="articles/later", title="Later", date=noon))
    domain.add_article(Article(docname="articles/draft", title="Draft", draft=True,
                               date=noon - dt.timedelta(days=9)))
    before = noon - dt.timedelta(seconds=1)
    names = lambda articles: [a.docname for a in articles]  # noqa: E731
    assert names(domain.published(False, before)) == ["articles/a001"]
    assert names(domain.published(False, before)) == ["articles/a001"]  # from the memo
    assert names(domain.published(False, noon + dt.timedelta(seconds=1))) == [
        "articles/later", "articles/a001"]
    # A clock that goes back is asked again, not served the later answer.
    assert names(domain.published(False, before)) == ["articles/a001"]
    assert names(domain.published(True, before)) == [
        "articles/later", "articles/draft", "articles/a001"]
    assert names(domain.published(False)) == ["articles/later", "articles/a001"]
    # Callers may change what they get; the memo keeps its own list.
    domain.published(False, before).clear()
    assert names(domain.published(False, before)) == ["articles/a001"]
    domain.clear_doc("articles/a001")
    assert names(domain.published(False, before)) == []


def test_memos_are_bounded_and_forgotten_together():
    from sphinx_newsroom.model.memo import Memo, forget_all

    memo: Memo[str, int] = Memo(3)
    for number, key in enumerate("abcd"):
        memo.put(key, number)
    assert len(memo) == 1 and memo.get("d") == 3 and memo.get("a") is None
    forget_all()
    assert len(memo) == 0 and memo.get("d") is None
