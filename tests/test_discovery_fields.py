"""Front-matter fields for discovery and trust: ``robots``, ``canonical_url``, ``access``."""

from __future__ import annotations

import datetime as dt

import pytest

from sphinx_newsroom.config import DEFAULT_FIELDS, DEFAULT_TAXONOMIES
from sphinx_newsroom.model.article import is_noindex, normalise
from sphinx_newsroom.model.frontmatter import read_front_matter
from sphinx_newsroom.warnings_ import NewsroomWarning


def fields_of(body: str):
    text = f"---\ntitle: T\ndate: 2025-06-01\n{body}\n---\n\nBody.\n"
    return normalise(read_front_matter(text), DEFAULT_FIELDS, DEFAULT_TAXONOMIES, dt.UTC)


@pytest.mark.parametrize(("body", "robots", "noindex"), [
    ("robots: noindex", "noindex", True),
    ("robots: NoIndex, NoFollow", "noindex, nofollow", True),
    ("robots: [nofollow, noindex, nofollow]", "nofollow, noindex", True),
    ("robots: none", "none", True),
    ("robots: nofollow", "nofollow", False),
    ("robots: noindexing", "noindexing", False),
    ("", "", False),
])
def test_robots(body, robots, noindex):
    fields, problems = fields_of(body)
    assert problems == []
    assert fields.robots == robots
    assert is_noindex(fields.robots) is noindex


def test_canonical_url_must_be_absolute():
    fields, problems = fields_of("canonical_url: https://wire.example.com/a?b=1")
    assert (fields.canonical_url, problems) == ("https://wire.example.com/a?b=1", [])
    fields, problems = fields_of("canonicalURL: https://wire.example.com/b")
    assert fields.canonical_url == "https://wire.example.com/b"
    fields, problems = fields_of("canonical_url: /elsewhere.html")
    assert fields.canonical_url == ""
    assert [(p.subtype, p.line) for p in problems] == [(NewsroomWarning.FIELD, 4)]
    assert "not an absolute http(s) URL" in problems[0].message


@pytest.mark.parametrize(("body", "access", "problem"), [
    ("access: subscriber", "subscriber", False),
    ("access: Subscriber", "subscriber", False),
    ("access: free", "", False),
    ("", "", False),
    ("access: premium", "", True),
])
def test_access(body, access, problem):
    fields, problems = fields_of(body)
    assert fields.access == access
    assert bool(problems) is problem
    if problem:
        assert problems[0].subtype is NewsroomWarning.FIELD
        assert "'subscriber'" in problems[0].message
