"""Syndicated pieces (``canonical_url``) and subscriber-only articles (``access``)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOTS, html, warnings_of

from sphinx_newsroom import clock

NOW = dt.datetime(2025, 6, 2, 12, 0, tzinfo=dt.UTC)
ORIGINAL = "https://wire.example.com/2025/06/02/story"
BASE = "https://news.example.org/"


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)


@pytest.fixture
def site(make_app, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-sitemap", src)
    app = make_app("html", srcdir=src)
    app.build()
    assert warnings_of(app) == []
    return app


def json_ld(page) -> dict:
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_a_syndicated_piece_names_the_original(site):
    page = html(site, "news/syndicated")
    canonical = page.select('link[rel="canonical"]')
    assert [link["href"] for link in canonical] == [ORIGINAL]
    assert page.select_one('meta[property="og:url"]')["content"] == ORIGINAL
    data = json_ld(page)
    assert data["url"] == ORIGINAL
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": ORIGINAL}
    line = page.select_one(".news-meta .news-meta-canonical")
    assert "Originally published at" in line.get_text()
    link = line.select_one("a.news-canonical")
    assert link["href"] == ORIGINAL and link.get_text() == "wire.example.com"
    feed = json.loads((Path(site.outdir) / "feed.json").read_text("utf-8"))
    item = next(i for i in feed["items"] if i["title"] == "First published by the wire")
    assert item["external_url"] == ORIGINAL and item["id"] == BASE + "news/syndicated.html"


def test_a_piece_of_our_own_is_its_own_canonical(site):
    page = html(site, "news/today")
    assert [link["href"] for link in page.select('link[rel="canonical"]')] == [
        BASE + "news/today.html"]
    assert page.select_one('meta[property="og:url"]')["content"] == BASE + "news/today.html"
    assert page.select_one(".news-meta-canonical") is None
    feed = json.loads((Path(site.outdir) / "feed.json").read_text("utf-8"))
    assert all("external_url" not in i for i in feed["items"]
               if i["title"] != "First published by the wire")


def test_subscriber_article_has_googles_paywall_markup(site):
    page = html(site, "news/premium")
    data = json_ld(page)
    assert data["@type"] == "NewsArticle"
    assert data["isAccessibleForFree"] is False
    part = data["hasPart"]
    assert part["@type"] == "WebPageElement" and part["isAccessibleForFree"] is False
    marked = page.select(part["cssSelector"])
    assert len(marked) == 1  # the selector names exactly the paywalled part
    assert "Paid analysis body." in marked[0].get_text()
    assert "Behind the paywall" in marked[0].get_text()
    # The title, the panel and the lede stay outside, free to read.
    assert "free teaser" not in marked[0].get_text()
    assert not marked[0].select(".news-meta") and not marked[0].select("h1")
    assert page.select_one(".news-lede") is not None


def test_free_articles_carry_no_paywall_markup(site):
    page = html(site, "news/today")
    data = json_ld(page)
    assert "isAccessibleForFree" not in data and "hasPart" not in data
    assert page.select(".news-paywalled") == []


def test_the_original_is_named_in_text_output(make_app, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-sitemap", src)
    app = make_app("text", srcdir=src)
    app.build()
    text = (Path(app.outdir) / "news/syndicated.txt").read_text("utf-8")
    assert "Originally published at" in text and "wire.example.com" in text
    assert "Paid analysis body." in (Path(app.outdir) / "news/premium.txt").read_text("utf-8")


def test_bad_values_warn_at_their_line(make_app, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-sitemap", src)
    (src / "news/today.md").write_text(
        "---\ntitle: T\ndate: 2025-06-02\naccess: premium\ncanonical_url: elsewhere.html\n"
        "---\n\nBody.\n", "utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    found = [w for w in warnings_of(app) if "today.md" in w]
    assert len(found) == 2
    assert any("today.md:4" in w and "'access'" in w for w in found)
    assert any("today.md:5" in w and "not an absolute http(s) URL" in w for w in found)
    data = json_ld(html(app, "news/today"))
    assert data["url"] == BASE + "news/today.html" and "isAccessibleForFree" not in data
