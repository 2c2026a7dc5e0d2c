"""HTML pages carry the panel's labels, separators and source links as attributes
of fewer nodes; other formats keep them as nodes. The markup is the same."""

from __future__ import annotations

import collections
import shutil
from pathlib import Path

from conftest import html


def _build(make_app, rootdir, tmp_path, builder: str):
    """Build the taxonomy root; count the node types of news/a's written doctree."""
    shutil.copytree(rootdir / "test-taxonomy", tmp_path / "taxonomy")
    seen: collections.Counter = collections.Counter()

    def count(app, doctree, docname):
        if docname == "news/a":
            seen.update(type(node).__name__ for node in doctree.findall())

    app = make_app(builder, srcdir=tmp_path / "taxonomy", freshenv=True)
    app.connect("doctree-resolved", count)
    app.build()
    return app, seen


def test_html_panels_and_source_links_are_compact(make_app, rootdir, tmp_path):
    app, seen = _build(make_app, rootdir, tmp_path, "html")
    # Labels, separators and the bibliography links are attributes, not nodes ...
    assert seen["meta_field"] == 5 and seen["meta_label"] == 0
    assert seen["source_backlink"] == 3  # [^3] is listed, not cited: linked too
    assert seen["inline"] == 2  # the values of reading time and summary, no more
    # ... and the page reads as before.
    page = html(app, "news/a")
    labels = [s.get_text() for s in page.select(".news-meta-field > span.news-meta-label")]
    assert labels == ["Published", "Reading time", "Tags", "Topics", "Summary"]
    assert all("no-search" in s["class"] for s in page.select(".news-meta-label"))
    assert "<span class=\"no-search news-meta-label\">Tags</span> <a" in str(page)
    tags = page.select(".news-meta-tags")[0]
    assert [t.get_text() for t in tags.select("a.news-term")] == ["Chips", "Nvidia"]
    assert [s.get_text() for s in tags.select(".news-sep")] == [", "]
    links = page.select("span.news-source-backlink.no-search > a.news-source-link")
    assert len(links) == 3
    assert all(a["href"].startswith("../sources.html#source-") for a in links)
    assert all(a.parent.get_text() == "(in the bibliography)" for a in links)
    assert all(a["class"] == ["news-source-link", "reference", "internal"] for a in links)
    for a in links:  # every link lands on its entry of the bibliography
        anchor = a["href"].split("#")[1]
        assert html(app, "sources").find(id=anchor) is not None


def test_text_keeps_label_nodes(make_app, rootdir, tmp_path):
    app, seen = _build(make_app, rootdir, tmp_path, "text")
    assert seen["meta_label"] == 5 and seen["source_backlink"] == 0
    text = (Path(app.outdir) / "news/a.txt").read_text(encoding="utf-8")
    assert "Tags: Chips, Nvidia" in text and "(in the bibliography)" in text
