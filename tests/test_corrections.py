"""Corrections and updates: the notice, the metadata, the feeds, the sitemap, the list."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOTS, html, warnings_of

from sphinx_newsroom.model.article import Correction, read_corrections
from sphinx_newsroom.model.frontmatter import read_front_matter

SITE = "https://bylines.example.org/"
CORRECTED = "An earlier version gave the wrong <em>year</em> for the fab's opening."
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def site(build_copy):
    return build_copy("authors", freshenv=True)


def test_the_article_shows_a_dated_notice(site):
    notice = html(site, "news/chips").select_one(".news-corrections")
    assert notice["id"] == "corrections"
    assert notice.select_one(".admonition-title").get_text() == "Corrections and updates"
    entries = notice.select(".news-notice")
    assert [e["class"][1] for e in entries] == ["news-correction", "news-update"]
    assert [e.select_one("time")["datetime"] for e in entries] == [
        "2025-06-03T08:30:00+08:00", "2025-06-04T00:00:00+00:00"]
    # The text is text: its markup is shown, never made.
    assert entries[0].select("em") == []
    assert "the wrong <em>year</em>" in entries[0].get_text()
    assert entries[1].get_text().endswith("Adds the maker’s statement.")
    assert html(site, "news/power").select(".news-corrections") == []


def test_json_ld_says_when_and_what_was_corrected(site):
    page = html(site, "news/chips")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    # The latest of updated (June 2), the correction (June 3) and the update (June 4).
    assert data["dateModified"] == "2025-06-04T00:00:00+00:00"
    assert data["datePublished"] == "2025-06-01T09:00:00+08:00"
    # Only corrections are CorrectionComments; an update is not a correction.
    assert data["correction"] == [{"@type": "CorrectionComment", "text": CORRECTED,
                                   "datePublished": "2025-06-03T08:30:00+08:00"}]
    modified = page.select_one('meta[property="article:modified_time"]')["content"]
    assert modified == "2025-06-04T00:00:00+00:00"


def test_every_feed_updates_the_entry_and_keeps_its_id(site):
    out = Path(site.outdir)
    url = f"{SITE}news/chips.html"
    atom = ET.parse(out / "atom.xml").getroot()
    [entry] = [e for e in atom.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}id") == url]
    assert entry.findtext(f"{ATOM}updated") == "2025-06-04T00:00:00+00:00"
    assert entry.findtext(f"{ATOM}published") == "2025-06-01T09:00:00+08:00"
    assert atom.findtext(f"{ATOM}updated") == "2025-06-06T09:00:00+08:00"
    rss = ET.parse(out / "rss.xml").getroot()
    [item] = [i for i in rss.iter("item") if i.findtext("guid") == url]
    # RSS 2.0 has no modification date: pubDate stays the publication date.
    assert item.findtext("pubDate") == "Sun, 01 Jun 2025 09:00:00 +0800"
    feed = json.loads((out / "feed.json").read_text("utf-8"))
    [item] = [i for i in feed["items"] if i["id"] == url]
    assert item["date_modified"] == "2025-06-04T00:00:00+00:00"
    assert item["date_published"] == "2025-06-01T09:00:00+08:00"
    # The term feeds say the same.
    term = ET.parse(out / "tags/chips.atom.xml").getroot()
    assert term.find(f"{ATOM}entry").findtext(f"{ATOM}updated") == "2025-06-04T00:00:00+00:00"


def test_the_sitemap_lastmod_follows_the_corrections(site):
    sitemap = (Path(site.outdir) / "sitemap.xml").read_text("utf-8")
    assert (f"<loc>{SITE}news/chips.html</loc>\n    <lastmod>2025-06-04T00:00:00+00:00</lastmod>"
            in sitemap)


def test_the_corrections_page_lists_every_published_notice(site):
    page = html(site, "corrections")
    items = page.select(".news-corrections-list > li")
    assert [i.select_one("strong").get_text() for i in items] == ["Update", "Correction"]
    assert [i.select_one("a")["href"] for i in items] == ["news/chips.html#corrections"] * 2
    assert items[1].get_text().endswith(f": {CORRECTED}")
    # A draft's correction is not listed anywhere.
    assert "draft's correction" not in str(page)
    assert warnings_of(site) == []


def test_the_pdf_shows_the_notice(build_copy):
    app = build_copy("authors", "latex", freshenv=True)
    tex = (Path(app.outdir) / "bylines.tex").read_text("utf-8")
    assert r"\begin{sphinxadmonition}{note}{Corrections and updates}" in tex
    assert (r"\sphinxstylestrong{Correction} June 3, 2025: An earlier version gave the wrong "
            r"\textless{}em\textgreater{}year") in tex


def test_the_list_can_keep_one_kind(make_app, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-authors", src)
    (src / "corrections.md").write_text("# Corrections\n\n```{corrections-list}\n"
                                        ":kind: corrections\n:limit: 5\n```\n", "utf-8")
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    items = html(app, "corrections").select(".news-corrections-list > li")
    assert [i.select_one("strong").get_text() for i in items] == ["Correction"]


BAD = """---
title: Bad notices
date: 2025-06-01
corrections:
  - date: 2025-06-02
    text: Kept.
  - text: No date.
  - date: "2025-13-40"
    text: Bad date.
  - date: 2025-06-03
  - date: 2025-06-04
    text: [not, text]
  - just a string
updates: 7
---

Body.
"""


def test_bad_entries_are_located_warnings_and_the_rest_publishes(make_app, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-authors", src)
    (src / "news/bad.md").write_text(BAD, "utf-8")
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    got = warnings_of(app)
    assert len(got) == 6, got
    assert all("news/bad.md:4: WARNING: 'corrections' entry" in w for w in got[:5]), got
    assert all("[newsroom.correction]" in w for w in got)
    text = "\n".join(got)
    assert "entry 2: has no date; left out" in text
    assert "entry 3: '2025-13-40' is not a valid date" in text
    assert "entry 4: has no text; left out" in text
    assert "entry 5: text must be text, got a list; left out" in text
    assert "entry 6: expected a mapping with a date and a text, got 'just a string'" in text
    assert "news/bad.md:14: WARNING: 'updates': expected a list of entries" in text
    notice = html(app, "news/bad").select(".news-corrections .news-notice")
    assert [n.get_text() for n in notice] == ["Correction June 2, 2025: Kept."]


def test_read_corrections_orders_and_cleans():
    fm = read_front_matter("---\nupdates:\n  - {date: 2025-06-05, text: '  Two\n  lines '}\n"
                           "corrections:\n  date: 2025-06-04T10:00:00+02:00\n  text: One\n---\n")
    problems: list = []
    found = read_corrections(fm, dt.UTC, problems)
    assert problems == []
    assert found == (
        Correction(dt.datetime(2025, 6, 4, 10, tzinfo=dt.timezone(dt.timedelta(hours=2))), "One",
                   "correction"),
        Correction(dt.datetime(2025, 6, 5, tzinfo=dt.UTC), "Two lines", "update"))
