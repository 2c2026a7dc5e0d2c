"""The site search: what of an article's page Sphinx indexes, and where it leads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sphinx_newsroom.domain import get_domain


def search_index(app) -> dict:
    text = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1: text.rindex(")")])


def pages_with(index: dict, word: str, where: str = "terms") -> set[str]:
    """Docnames Sphinx indexed ``word`` (already stemmed) for, in their text or titles."""
    found = index[where].get(word, [])
    found = [found] if isinstance(found, int) else found
    return {index["docnames"][i] for i in found}


ARTICLES = {"news/a", "news/b", "news/c", "news/d", "news/hostile"}


@pytest.fixture
def taxonomy_index(build_copy):
    app = build_copy("taxonomy")
    return app, search_index(app)


def test_related_titles_lead_only_to_their_article(taxonomy_index):
    app, index = taxonomy_index
    domain = get_domain(app.env)
    # "Beta cloud" is related to "Alpha chips" (they share the tag chips) and
    # lists.md lists both: yet a search for "alpha" finds only the article.
    assert "news/a" in domain.related["news/b"]
    page = (Path(app.outdir) / "news/b.html").read_text(encoding="utf-8")
    assert "Alpha chips" in page and "Alpha chips" in (
        Path(app.outdir) / "lists.html").read_text(encoding="utf-8")
    assert pages_with(index, "alpha", "titleterms") == {"news/a"}
    # (index.md's toctree lists the title too: Sphinx indexes that, as it always has.)
    assert pages_with(index, "alpha") - {"index"} == set()


def test_panel_labels_and_dates_are_not_indexed(taxonomy_index):
    _app, index = taxonomy_index
    # "Published", "Reading time", "min read", "Tags", "Topics": on every page, found on none.
    for word in ("publish", "read", "min", "tag", "topic"):
        assert pages_with(index, word) & ARTICLES == set(), word


def test_terms_and_summary_are_indexed(taxonomy_index):
    _app, index = taxonomy_index
    # The article's own tags and summary are what a reader searches for.
    assert "news/a" in pages_with(index, "nvidia")
    assert "news/a" in pages_with(index, "stori")  # "The alpha story." (stemmed)


def test_drafts_and_embargoed_articles_are_not_in_the_index(taxonomy_index):
    _app, index = taxonomy_index
    assert "news/secret-draft" not in index["docnames"] or not any(
        "news/secret-draft" in pages_with(index, w) for w in index["terms"])
    assert not any("news/future" in pages_with(index, w) for w in index["terms"])
