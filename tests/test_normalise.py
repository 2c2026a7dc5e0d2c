"""Which docs are articles, and what their front matter becomes (``model/article.py``).

Pure (no Sphinx build), so the mutation run (docs/testing.md) uses it.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from sphinx_newsroom.config import DEFAULT_FIELDS, DEFAULT_TAXONOMIES
from sphinx_newsroom.model.article import (
    Fields,
    file_date_parts,
    has_article_keys,
    is_article,
    normalise,
)
from sphinx_newsroom.model.frontmatter import EMPTY, Problem, read_front_matter
from sphinx_newsroom.warnings_ import NewsroomWarning

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
NO_TERMS = (("tags", ()), ("topics", ()))


def fm_of(yaml_text: str):
    return read_front_matter(f"---\n{yaml_text}\n---\nbody")


def fields_of(yaml_text: str, docname: str = "post", sources=(":fields",), aliases=None):
    return normalise(fm_of(yaml_text), DEFAULT_FIELDS, DEFAULT_TAXONOMIES, SHANGHAI,
                     aliases, sources, docname)


# Which docs are articles -----------------------------------------------------

@pytest.mark.parametrize(
    ("docname", "parts"),
    [
        ("2022-02-09-slug", (2022, 2, 9)),
        ("posts/2022-2-9_slug", (2022, 2, 9)),
        ("posts/2022-02-09", (2022, 2, 9)),
        # A Hugo page bundle: the folder of index.md (or _index.md) holds the date.
        ("2022-02-09-slug/index", (2022, 2, 9)),
        ("posts/2022-02-09-slug/index", (2022, 2, 9)),
        ("posts/2022-02-09-slug/_index", (2022, 2, 9)),
        ("2022-02-09-slug/other", None),
        ("2022-02-09-slug/2023-01-01-x/index", (2023, 1, 1)),
        ("2022-02-09-slug/Index", None),
        ("index", None),
        ("posts/2022-02-091", None),
        ("posts/note-2022-02-09", None),
        ("posts/2022-02-30-slug", None),
        ("posts/2022-13-01-slug", None),
        ("posts/0000-01-01-slug", None),
    ],
)
def test_a_file_name_gives_a_date_only_when_it_starts_with_a_real_one(docname, parts):
    assert file_date_parts(docname) == parts


def test_a_date_source_makes_an_article_only_where_it_has_a_date():
    dated, undated = "posts/2022-02-09-slug", "posts/slug"
    with_date, without = fm_of("date: 2025-01-01"), fm_of("title: T")
    assert is_article(with_date, DEFAULT_FIELDS, (":fields",), undated)
    # The file name counts only when asked for, and only for a file with front matter.
    assert not is_article(without, DEFAULT_FIELDS, (":fields",), dated)
    assert is_article(without, DEFAULT_FIELDS, (":filename",), dated)
    assert not is_article(EMPTY, DEFAULT_FIELDS, (":filename",), dated)
    assert not is_article(without, DEFAULT_FIELDS, (":filename",), undated)
    # ... and a front-matter date does not count for ":filename" alone.
    assert not is_article(with_date, DEFAULT_FIELDS, (":filename",), undated)
    # A key of its own, and nothing else.
    assert is_article(fm_of("pubtime: 2025-01-01"), DEFAULT_FIELDS, ("pubtime",), undated)
    assert not is_article(with_date, DEFAULT_FIELDS, ("pubtime",), undated)
    assert is_article(with_date, DEFAULT_FIELDS, ("pubtime", ":fields"), undated)
    # A source that gives nothing hands over to the next.
    assert is_article(with_date, DEFAULT_FIELDS, (":filename", ":fields"), undated)


@pytest.mark.parametrize("value", ["''", "~", "''\npublishDate: ''"])
def test_an_empty_date_is_no_date(value):
    assert not is_article(fm_of(f"date: {value}"), DEFAULT_FIELDS)


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("tags: [a]", True), ("keywords: a", True), ("categories: [c]", True),
        ("summary: S", True), ("description: S", True), ("author: A", True),
        ("authors: [A]", True), ("cover: /a.png", True), ("image: /a.png", True),
        ("lastmod: 2025-01-01", True),
        ("title: T", False), ("tags: []", False), ("summary: ''", False), ("tags: ~", False),
        ("draft: true", False),
    ],
)
def test_front_matter_reads_like_an_article_when_it_has_terms_a_summary_authors_or_an_image(
        yaml_text, expected):
    assert has_article_keys(fm_of(yaml_text), DEFAULT_FIELDS, DEFAULT_TAXONOMIES) is expected


# What the fields become --------------------------------------------------------

def test_absent_fields_are_empty_and_located_at_the_top():
    fields, problems = fields_of("title: T")
    assert problems == []
    assert fields == Fields(title="T", terms=NO_TERMS, lines=(("title", 2),))
    assert (fields.line_of("title"), fields.line_of("image")) == (2, 1)


def test_each_field_is_located_at_the_key_that_gave_it():
    fields, _ = fields_of("title: T\n\ncover: /a.png\npublishDate: 2025-01-01")
    assert dict(fields.lines) == {"title": 2, "image": 4, "date": 5}
    assert fields.line_of("image") == 4


@pytest.mark.parametrize(
    ("yaml_text", "flag"),
    [("article: true", True), ("article: false", False), ("article: 'yes'", None), ("", None)],
)
def test_only_a_boolean_article_key_is_kept_as_the_article_flag(yaml_text, flag):
    assert fields_of(yaml_text)[0].article_flag is flag


@pytest.mark.parametrize(
    ("yaml_text", "field", "value", "message"),
    [
        ("title: 2025", "title", "2025", "'title': expected text, got int; using 2025"),
        ("summary: 1.5", "summary", "1.5", "'summary': expected text, got float; using 1.5"),
        ("description: {a: 1}", "summary", "",
         "'description': expected text, got dict; ignored"),
        ("cover: [a.png]", "image", "", "'cover': expected text, got list; ignored"),
    ],
)
def test_a_field_that_is_not_text_is_named_in_the_warning(yaml_text, field, value, message):
    fields, problems = fields_of(yaml_text)
    assert getattr(fields, field) == value
    assert problems == [Problem(NewsroomWarning.FIELD, message, 2)]


def test_an_empty_title_is_a_title_warning():
    _, problems = fields_of("title: '  '")
    assert problems == [Problem(NewsroomWarning.TITLE, "'title': the title is empty", 2)]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("x" * 38, repr("x" * 38)),  # a 40-character repr is shown whole
        ("x" * 39, repr("x" * 39)[:37] + "..."),
        ("[1]", "a list"),
    ],
)
def test_a_draft_that_is_neither_true_nor_false_is_a_draft_with_a_short_warning(value, shown):
    fields, problems = fields_of(f"draft: {value}")
    assert fields.draft is True
    assert problems == [Problem(
        NewsroomWarning.DRAFT, f"'draft': {shown} is neither true nor false; treating the "
        "article as a draft so it is not published by mistake", 2)]


# Dates from each source --------------------------------------------------------

def test_the_file_name_dates_an_article_with_front_matter_at_midnight_in_its_zone():
    fields, problems = fields_of("title: T", "posts/2022-02-09-slug", (":filename",))
    assert problems == [] and fields.date == dt.datetime(2022, 2, 9, tzinfo=SHANGHAI)
    assert fields.date.tzinfo is SHANGHAI
    no_front_matter, _ = normalise(EMPTY, DEFAULT_FIELDS, DEFAULT_TAXONOMIES, SHANGHAI, None,
                                   (":filename",), "posts/2022-02-09-slug")
    assert no_front_matter.date is None
    assert fields_of("title: T", "posts/slug", (":filename",))[0].date is None


def test_a_date_key_of_its_own_is_read_in_the_configured_zone():
    fields, problems = fields_of("pubtime: 2025-01-02\ndate: 2020-01-01", "post", ("pubtime",))
    assert problems == [] and fields.date == dt.datetime(2025, 1, 2, tzinfo=SHANGHAI)
    assert fields.date.tzinfo is SHANGHAI


def test_a_bad_or_missing_date_source_falls_through_to_the_next():
    sources = ("pubtime", ":fields")
    fields, problems = fields_of("title: T\npubtime: yesterday\ndate: 2020-01-01", "p", sources)
    assert fields.date == dt.datetime(2020, 1, 1, tzinfo=SHANGHAI)
    assert problems == [Problem(
        NewsroomWarning.DATE,
        "'pubtime': 'yesterday' is not a date (use e.g. 2025-07-02T15:40:04+08:00); ignored", 3)]
    for absent in ("title: T", "pubtime: ''", "pubtime: ~"):
        fields, problems = fields_of(f"{absent}\ndate: 2020-01-01", "p", sources)
        assert problems == [] and fields.date == dt.datetime(2020, 1, 1, tzinfo=SHANGHAI)
    assert fields_of("title: T", "p", sources)[0].date is None


# Terms and authors -------------------------------------------------------------

@pytest.mark.parametrize(
    ("docname", "tags", "expected"),
    [
        # A Jekyll post (dated file name): one string is a space-separated list.
        ("2022-02-09-post", "'ai cloud'", ("ai", "cloud")),
        ("2022-02-09-post", "'ai, cloud computing'", ("ai", "cloud computing")),
        ("2022-02-09-post", "[ai cloud]", ("ai cloud",)),
        # Elsewhere a string is one term, or several between commas.
        ("post", "'ai cloud'", ("ai cloud",)),
        ("post", "'ai, cloud computing'", ("ai", "cloud computing")),
    ],
)
def test_a_jekyll_post_splits_its_terms_on_spaces(docname, tags, expected):
    fields, problems = fields_of(f"tags: {tags}", docname)
    assert problems == [] and dict(fields.terms)["tags"] == expected


def test_terms_that_are_not_text_are_skipped_one_by_one():
    fields, problems = fields_of("tags: [{x: 1}, ok, [a]]")
    assert dict(fields.terms)["tags"] == ("ok",)
    assert problems == [
        Problem(NewsroomWarning.TERM, "'tags': tags must be text; a dict ignored", 2),
        Problem(NewsroomWarning.TERM, "'tags': tags must be text; a list ignored", 2),
    ]


def test_an_alias_spelling_replaces_the_spelling_written():
    fields, _ = fields_of("tags: [ai, Cloud]", aliases={"AI": "Artificial intelligence"})
    assert dict(fields.terms)["tags"] == ("Artificial intelligence", "Cloud")


@pytest.mark.parametrize(
    ("yaml_text", "authors"),
    [
        ("author: Ada  Lovelace", ("Ada Lovelace",)),
        ("authors: [Ada, Grace]", ("Ada", "Grace")),
        ("authors: [{name: Ada}, {name: Grace, url: x}]", ("Ada", "Grace")),
        ("authors: [Ada, ' Ada ', '', Grace]", ("Ada", "Grace")),
    ],
)
def test_authors_are_names_once_each_in_order(yaml_text, authors):
    fields, problems = fields_of(yaml_text)
    assert problems == [] and fields.authors == authors


def test_an_author_that_is_not_text_is_skipped_with_a_warning():
    fields, problems = fields_of("authors: [42, {x: 1}, Ada]")
    assert fields.authors == ("Ada",)
    assert problems == [
        Problem(NewsroomWarning.FIELD, "'authors': an author must be text; 42 ignored", 2),
        Problem(NewsroomWarning.FIELD, "'authors': an author must be text; a dict ignored", 2),
    ]
