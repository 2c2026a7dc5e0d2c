"""Fuzzing the front-matter reader and normaliser: never raise, never lose text."""

from __future__ import annotations

import datetime as dt
import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_newsroom.config import DEFAULT_FIELDS, DEFAULT_TAXONOMIES
from sphinx_newsroom.model.article import normalise
from sphinx_newsroom.model.dates import DateError, parse_datetime
from sphinx_newsroom.model.frontmatter import read_front_matter
from sphinx_newsroom.model.terms import clean_spelling, term_key

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KEYS = [k for keys in (*DEFAULT_FIELDS.values(), *DEFAULT_TAXONOMIES.values()) for k in keys]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40),
    st.dates(), st.datetimes(timezones=st.sampled_from([dt.UTC, None])),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=20)


@FAST
@given(st.text(max_size=2000))
def test_reader_never_raises_on_any_text(text):
    fm = read_front_matter(text)
    assert isinstance(fm.data, dict)


@FAST
@given(st.text(alphabet=string.printable + "：，、·（）中文\u200b\t", max_size=400))
def test_reader_never_raises_inside_fences(block):
    for fence in ("---", "+++"):
        fm = read_front_matter(f"{fence}\n{block}\n{fence}\nbody")
        assert fm.kind in {"yaml", "toml"}
        assert all(p.line is None or p.line >= 1 for p in fm.problems)


@FAST
@given(st.dictionaries(st.sampled_from([*KEYS, "other", "article"]), values, max_size=12))
def test_normaliser_never_raises_and_types_are_right(data):
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n"
    fm = read_front_matter(text)
    fields, problems = normalise(fm, DEFAULT_FIELDS, DEFAULT_TAXONOMIES, dt.UTC)
    assert isinstance(fields.title, str) and isinstance(fields.draft, bool)
    assert fields.date is None or fields.date.tzinfo is not None
    for _taxonomy, terms in fields.terms:
        assert all(isinstance(t, str) and term_key(t) for t in terms)
    assert all(p.line >= 1 for p in problems)


@FAST
@given(st.text(min_size=1, max_size=200), st.text(max_size=300),
       st.lists(st.text(max_size=30), max_size=12))
def test_normaliser_never_loses_text(title, summary, tags):
    data = {"title": title, "date": "2025-01-01", "summary": summary, "tags": tags}
    fm = read_front_matter("---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n")
    if fm.problems:  # YAML could not represent the string (e.g. lone surrogates)
        return
    fields, _ = normalise(fm, DEFAULT_FIELDS, DEFAULT_TAXONOMIES, dt.UTC)
    # A value of Unicode spaces alone ("\xa0", "\u3000") may read as empty (None): it is no
    # title either way, and a blank title or summary is normalised to "".
    assert fields.title == " ".join((fm.data["title"] or "").split())
    assert fields.summary == " ".join((fm.data["summary"] or "").split())
    wanted = {term_key(clean_spelling(t)) for t in fm.data["tags"] if term_key(clean_spelling(t))}
    assert {term_key(t) for t in dict(fields.terms)["tags"]} == wanted


@FAST
@given(st.one_of(st.text(max_size=60), scalars))
def test_dates_parse_or_explain(value):
    try:
        result = parse_datetime(value, dt.UTC)
    except DateError as error:
        assert str(error)
    else:
        assert result.tzinfo is not None


def test_a_title_of_unicode_spaces_is_no_title() -> None:
    """The example Hypothesis found: a title of one no-break space normalises to nothing."""
    for blank in ("\xa0", "\u3000", " \xa0 "):
        data = {"title": blank, "date": "2025-01-01", "summary": blank, "tags": []}
        fm = read_front_matter("---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n")
        fields, _ = normalise(fm, DEFAULT_FIELDS, DEFAULT_TAXONOMIES, dt.UTC)
        assert (fields.title, fields.summary) == ("", "")
