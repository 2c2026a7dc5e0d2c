"""Unit tests of model/ that mutation testing asked for (`make mutation`, docs/testing.md).

Each test pins a user-visible result of a pure function: the archive's
months, localised dates, related articles, term pages, filters.  They build
no Sphinx project, so the mutation run can afford to run them per mutant.
"""

from __future__ import annotations

import dataclasses as dc
import datetime as dt
import pickle

import pytest

from sphinx_newsroom.citations.model import Citation
from sphinx_newsroom.model.archive import by_month
from sphinx_newsroom.model.article import Article, Source, matches_filters
from sphinx_newsroom.model.locale_dates import localised_date, month_name, reader_locale
from sphinx_newsroom.model.related import common_cap, related_articles
from sphinx_newsroom.model.taxonomy import Term, collect_terms


def art(docname: str, day: tuple[int, int, int] | None = None, **terms: tuple[str, ...]) -> Article:
    return Article(docname, docname.title(), date=dt.datetime(*day) if day else None,
                   terms=tuple(terms.items()))


# archive -------------------------------------------------------------------

def test_archive_groups_by_year_and_month_newest_first() -> None:
    a = art("a", (2025, 7, 2))
    b = art("b", (2025, 7, 1))
    c = art("c", (2025, 3, 9))
    d = art("d", (2024, 12, 31))
    undated = art("e")
    assert by_month([a, b, c, undated, d]) == [
        (2025, [(7, [a, b]), (3, [c])]),
        (2024, [(12, [d])]),
    ]


def test_archive_of_nothing_dated_is_empty() -> None:
    assert by_month([art("x")]) == []


# locale_dates --------------------------------------------------------------

def test_dates_are_written_in_the_readers_language() -> None:
    when = dt.datetime(2025, 7, 2, 23, 30)
    assert localised_date(when, "zh_CN") == "2025年7月2日"
    assert localised_date(when, "zh-CN") == "2025年7月2日"
    assert localised_date(when, "en") == "July 2, 2025"
    assert month_name(2025, 7, "zh_CN") == "2025年7月"
    assert month_name(2025, 1, "en") == "January 2025"


def test_an_unknown_language_reads_as_english() -> None:
    assert str(reader_locale("xx")) == "en"
    assert str(reader_locale("")) == "en"
    zh = reader_locale("zh-CN")
    assert (zh.language, zh.territory) == ("zh", "CN")
    assert month_name(2025, 7, "not a language") == "July 2025"


# related -------------------------------------------------------------------

def test_related_prefers_rare_shared_terms_then_newer_then_docname() -> None:
    tags = ("tags",)
    site = [
        art("me", (2025, 1, 1), tags=("rare", "common")),
        art("rare", (2024, 1, 1), tags=("rare",)),
        art("common-old", (2023, 1, 1), tags=("common",)),
        art("common-new", (2025, 6, 1), tags=("common",)),
        art("filler1", (2025, 1, 2), tags=("common",)),
        art("nothing", (2025, 1, 3), tags=("other",)),
    ]
    related = related_articles(site, tags, limit=3)
    # "rare" is shared with one article only: it weighs more than "common".
    assert related["me"] == ("rare", "common-new", "filler1")
    # Equal scores: the newer article first.
    assert related["common-old"][:2] == ("common-new", "filler1")
    # No shared term, no entry at all.
    assert "nothing" not in related


def test_related_limit_and_taxonomies() -> None:
    site = [art("a", (2025, 1, 1), tags=("x",), topics=("t",)),
            art("b", (2025, 1, 2), tags=("x",)),
            art("c", (2025, 1, 3), topics=("t",))]
    assert related_articles(site, ("tags",), limit=5) == {"a": ("b",), "b": ("a",)}
    assert related_articles(site, ("tags", "topics"), limit=1)["a"] == ("c",)
    assert related_articles(site, ("tags",), limit=0) == {}
    assert related_articles(site, ("tags",), limit=-1) == {}


def test_related_matches_spellings_by_key_and_ties_by_docname() -> None:
    site = [art("a", tags=("Python",)), art("c", tags=("python",)), art("b", tags=("PYTHON",))]
    assert related_articles(site, ("tags",), limit=2)["a"] == ("b", "c")


def test_related_leaves_out_terms_carried_by_too_many_articles() -> None:
    assert common_cap(0) == 64
    assert common_cap(10_000) == 400
    assert common_cap(1_000) == 126
    site = [art(f"d{i:03}", tags=("everywhere",)) for i in range(70)]
    site += [art("pair1", tags=("everywhere", "pair")), art("pair2", tags=("pair",))]
    related = related_articles(site, ("tags",), limit=3)
    assert related == {"pair1": ("pair2",), "pair2": ("pair1",)}


def test_related_counts_a_term_shared_by_every_article_but_far_under_the_cap() -> None:
    site = [art("a", (2025, 1, 1), tags=("all",)), art("b", (2025, 1, 2), tags=("all",))]
    assert related_articles(site, ("tags",), limit=3) == {"a": ("b",), "b": ("a",)}


@pytest.mark.parametrize(("others", "expected"), [
    # Six articles: ln(7/2) for "rare" beats 2·ln(7/4) for d1 and d2 (each on 4).
    (1, ("r", "f2", "f1", "d")),
    # Eight: 2·ln(9/4) beats ln(9/2); the articles sharing d1 and d2 come first.
    (3, ("f2", "f1", "d", "r")),
])
def test_each_shared_term_weighs_the_log_of_how_rare_it_is(others, expected) -> None:
    site = [
        art("me", (2025, 1, 1), tags=("rare", "d1", "d2")),
        art("r", (2024, 1, 1), tags=("rare",)),
        art("d", (2025, 6, 1), tags=("d1", "d2")),
        art("f1", (2025, 6, 2), tags=("d1", "d2")),
        art("f2", (2025, 6, 3), tags=("d1", "d2")),
        *(art(f"g{i}", (2025, 7, 1), tags=(f"other{i}",)) for i in range(others)),
    ]
    assert related_articles(site, ("tags",), limit=4)["me"] == expected


def test_shared_terms_add_up_and_more_of_them_win_a_tie() -> None:
    tags = ("tags",)
    # Five articles: t1 is on 3, t2 on 4, t3 on 2, so sharing t1 and t2 weighs
    # ln(6/3) + ln(6/4) = ln(6/2), as much as sharing t3. The article sharing two
    # terms ranks first, the newer one notwithstanding.
    site = [
        art("me", (2025, 1, 1), tags=("t1", "t2", "t3")),
        art("a", (2024, 1, 1), tags=("t1", "t2")),
        art("x", (2024, 1, 2), tags=("t1", "t2")),
        art("y", (2024, 1, 3), tags=("t2",)),
        art("b", (2025, 6, 1), tags=("t3",)),
    ]
    assert related_articles(site, tags, limit=4)["me"] == ("x", "a", "b", "y")


def test_a_term_carried_by_exactly_the_cap_still_relates_articles() -> None:
    site = [art(f"d{i:02}", tags=("t",)) for i in range(common_cap(64))]
    assert len(related_articles(site, ("tags",), limit=1)) == 64
    assert related_articles([*site, art("d99", tags=("t",))], ("tags",), limit=1) == {}


# taxonomy ------------------------------------------------------------------

def test_terms_group_articles_newest_first_with_the_commonest_spelling() -> None:
    site = [art("new", tags=("Python", "AI")), art("mid", tags=("python",)),
            art("old", tags=("python",))]
    terms = collect_terms(site, ["tags"], taken=set())
    assert list(terms["tags"]) == ["ai", "python"]
    python = terms["tags"]["python"]
    assert python == Term("tags", "python", "python", python.slug, ("new", "mid", "old"))
    assert python.page == f"tags/{python.slug}"
    assert terms["tags"]["ai"].docnames == ("new",)


def test_term_slugs_never_overwrite_the_overview_or_a_project_page() -> None:
    site = [art("a", tags=("index", "about", "Index-2", "other"))]
    terms = collect_terms(site, ["tags"], taken={"tags/about", "topics/other", "tagsabout"})
    slugs = {key: term.slug for key, term in terms["tags"].items()}
    assert slugs["about"] == "about-2"
    assert slugs["other"] == "other"
    # "index-2" is already a term's slug, so the overview's term moves on to -3.
    # (Its key is "index 2": a hyphen separates words like a space.)
    assert slugs["index 2"].casefold() == "index-2"
    assert slugs["index"] == "index-3"


def test_a_project_page_deeper_in_the_folder_reserves_no_term_slug() -> None:
    site = [art("a", tags=("ai", "more"))]
    terms = collect_terms(site, ["tags"], taken={"tags/ai/more"})
    assert {key: term.slug for key, term in terms["tags"].items()} == {"ai": "ai", "more": "more"}


def test_a_term_lists_the_spellings_it_merged() -> None:
    site = [art("a", tags=("Google TPU",)), art("b", tags=("google-tpu",)),
            art("c", tags=("Google TPU",))]
    term = collect_terms(site, ["tags"], taken=set())["tags"]["google tpu"]
    assert (term.name, term.merged) == ("Google TPU", ("Google TPU", "google-tpu"))


def test_reserved_names_compare_without_case() -> None:
    site = [art("a", tags=("About",))]
    terms = collect_terms(site, ["tags"], taken={"tags/ABOUT"})
    assert terms["tags"]["about"].slug.casefold() == "about-2"


def test_every_taxonomy_gets_an_entry_even_without_terms() -> None:
    assert collect_terms([art("a", tags=("x",))], ["tags", "topics"], set())["topics"] == {}


# article -------------------------------------------------------------------

def test_terms_of_and_filters() -> None:
    a = art("a", tags=("Python", "AI"), topics=("Cloud",))
    assert a.terms_of("tags") == ("Python", "AI")
    assert a.terms_of("nothing") == ()
    assert matches_filters(a, {})
    assert matches_filters(a, {"tags": ["python"]})
    assert matches_filters(a, {"tags": ["rust", "ai"], "topics": ["cloud"]})
    assert not matches_filters(a, {"tags": ["python"], "topics": ["edge"]})
    assert not matches_filters(a, {"tags": ["Python"]})  # filters hold keys
    assert matches_filters(a, {"tags": []})  # an empty filter filters nothing


def test_listing_changes_with_what_lists_show_only() -> None:
    a = Article("a", "T", summary="s", reading_minutes=3, language="zh")
    assert a.listing() == Article("a", "T", summary="s", reading_minutes=9).listing()
    for change in ({"title": "U"}, {"summary": "t"}, {"draft": True}, {"image": "i.png"},
                   {"authors": ("A",)}, {"anchor": "x"}, {"terms": (("tags", ("x",)),)},
                   {"date": dt.datetime(2025, 1, 1)}, {"updated": dt.datetime(2025, 1, 1)},
                   {"sources": (Source("1", "1", "fn-1", 3, Citation("r")),)}):
        fields = {"docname": "a", "title": "T", "summary": "s", **change}
        assert Article(**fields).listing() != a.listing(), change
    # An edit above a footnote moves its line: no list shows it.
    cited = Source("1", "1", "fn-1", 3, Citation("r"))
    with_source = Article("a", "T", sources=(cited,))
    assert with_source.listing() == Article(
        "a", "T", sources=(dc.replace(cited, line=30),)).listing()
    for change in ({"label": "2"}, {"number": "2"}, {"target": "fn-2"},
                   {"citation": Citation("s")}, {"cited": False}, {"whole": False}):
        assert with_source.listing() != Article(
            "a", "T", sources=(dc.replace(cited, **change),)).listing(), change


def test_articles_and_sources_survive_pickling() -> None:
    source = Source("1", "1", "fn-1", 7, Citation("raw", title="T", structured=True), cited=False)
    a = Article("a", "T", date=dt.datetime(2025, 1, 1), authors=("A",), sources=(source,),
                reading_minutes=4, language="zh_CN", anchor="x")
    assert pickle.loads(pickle.dumps(a)) == a
    assert pickle.loads(pickle.dumps(source)).cited is False


@dc.dataclass(frozen=True, slots=True)
class Point:
    x: int
    y: str = "b"


def test_compact_pickle_restores_a_dataclass_by_calling_it() -> None:
    import pickletools

    from sphinx_newsroom.model.pickling import compact_pickle

    # Decorated here, not at import, so the mutation run sees the decorator run.
    assert compact_pickle(Point) is Point
    point = Point(1, "a")
    assert point.__reduce__() == (Point, (1, "a"))
    data = pickle.dumps(point, pickle.HIGHEST_PROTOCOL)
    assert "BUILD" not in {op.name for op, _, _ in pickletools.genops(data)}
    assert pickle.loads(data) == point


# collation, reading time, front matter flags ------------------------------

def test_az_lists_put_symbols_then_digits_then_letters() -> None:
    from sphinx_newsroom.model.collation import index_letter, sort_key

    names = ["算力", "Apple", "2025", "#hash", "_under", "Zoo"]
    assert sorted(names, key=sort_key) == ["#hash", "_under", "2025", "Apple", "算力", "Zoo"]
    for name in ("_under", "`tick", "[bracket", "^caret"):
        assert index_letter(name) == "#", name


def test_a_tie_between_words_and_cjk_characters_reads_as_english() -> None:
    from sphinx_newsroom.model.reading_time import main_language

    assert main_language((1, 1)) == "en"
    assert main_language((1, 2)) == "zh"
    assert main_language((0, 0)) == "en"


def test_an_empty_article_flag_falls_back_to_the_date() -> None:
    from sphinx_newsroom.config import DEFAULT_FIELDS
    from sphinx_newsroom.model.article import is_article
    from sphinx_newsroom.model.frontmatter import read_front_matter

    dated = read_front_matter('---\narticle: ""\ndate: 2025-07-02\n---\n')
    assert is_article(dated, DEFAULT_FIELDS) is True


def test_a_long_bad_value_is_shortened_in_the_warning() -> None:
    from sphinx_newsroom.config import DEFAULT_FIELDS, DEFAULT_TAXONOMIES
    from sphinx_newsroom.model.article import normalise
    from sphinx_newsroom.model.frontmatter import read_front_matter

    fm = read_front_matter("---\ntitle: T\ndate: 2025-07-02\ndraft: " + "x" * 80 + "\n---\n")
    _, problems = normalise(fm, DEFAULT_FIELDS, DEFAULT_TAXONOMIES, dt.UTC)
    message = next(p.message for p in problems if "draft" in p.message or "true" in p.message)
    assert "'" + "x" * 36 + "..." in message
    assert "x" * 41 not in message
