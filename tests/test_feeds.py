"""Atom and RSS feeds: required elements, order, dates, drafts, links, hostile text."""

from __future__ import annotations

import os
import re
import shutil
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from conftest import html, warnings_of

from sphinx_newsroom.html import feeds
from sphinx_newsroom.html.feeds import setup_feeds

A = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
BASE = "https://news.example.org/"
PUBLIC = ["Cloud prices fall", "Cloud capacity grows", "Chip shortage eases"]  # + hostile
HOSTILE = "<script>alert('x')</script> Tom & Jerry say ]]> hi"
OFFSET = re.compile(r"[+-]\d\d:\d\d$")


@pytest.fixture
def site(build_copy):
    return build_copy("feeds")


def out(app) -> Path:
    return Path(app.outdir)


def atom(app, path: str = "atom.xml") -> ET.Element:
    root = ET.parse(out(app) / path).getroot()
    assert root.tag == f"{A}feed"
    return root


def rss(app, path: str = "rss.xml") -> ET.Element:
    root = ET.parse(out(app) / path).getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel")


def feed_files(app) -> list[Path]:
    return sorted(p for p in out(app).rglob("*.xml") if "sitemap" not in p.name)


def atom_titles(feed: ET.Element) -> list[str]:
    return [e.findtext(f"{A}title") for e in feed.findall(f"{A}entry")]


def entry(feed: ET.Element, title: str) -> ET.Element:
    return next(e for e in feed.findall(f"{A}entry") if e.findtext(f"{A}title") == title)


def item(channel: ET.Element, title: str) -> ET.Element:
    return next(i for i in channel.findall("item") if i.findtext("title") == title)


def test_atom_required_elements(site):
    feed = atom(site)
    # RFC 4287 4.1.1: id, title, updated; an author on the feed or on every entry.
    assert feed.findtext(f"{A}id") == BASE
    assert feed.findtext(f"{A}title") == "Feeds"
    assert OFFSET.search(feed.findtext(f"{A}updated"))
    assert feed.find(f"{A}author/{A}name").text == "Example News"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{A}link")}
    assert links == {"self": BASE + "atom.xml", "alternate": BASE}
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    entries = feed.findall(f"{A}entry")
    assert entries
    for e in entries:
        assert e.findtext(f"{A}id", "").startswith(BASE + "news/")
        assert e.findtext(f"{A}title")
        assert e.findtext(f"{A}updated")
        (link,) = e.findall(f"{A}link")
        assert link.get("rel", "alternate") == "alternate"
        assert link.get("href") == e.findtext(f"{A}id")


def test_rss_required_elements(site):
    channel = rss(site)
    assert channel.findtext("title") == "Feeds"
    assert channel.findtext("link") == BASE
    assert channel.findtext("description")
    assert channel.findtext("language") == "en"
    self_link = channel.find(f"{A}link")
    assert self_link.get("rel") == "self" and self_link.get("href") == BASE + "rss.xml"
    items = channel.findall("item")
    assert items
    for i in items:
        assert i.findtext("title") and i.findtext("link", "").startswith(BASE + "news/")
        guid = i.find("guid")
        assert guid.text == i.findtext("link") and guid.get("isPermaLink") == "true"
        assert parsedate_to_datetime(i.findtext("pubDate")).tzinfo is not None


def test_entries_newest_first(site):
    # The two cloud stories share a date: the docname breaks the tie ("news/cloud" first).
    assert atom_titles(atom(site)) == [*PUBLIC, HOSTILE]
    assert [i.findtext("title") for i in rss(site).findall("item")] == [*PUBLIC, HOSTILE]


def test_dates_carry_offsets(site):
    chips = entry(atom(site), "Chip shortage eases")
    assert chips.findtext(f"{A}published") == "2025-03-01T09:30:00+08:00"
    assert chips.findtext(f"{A}updated") == "2025-03-05T10:00:00+08:00"
    cloud = entry(atom(site), "Cloud prices fall")
    assert cloud.findtext(f"{A}published") == cloud.findtext(f"{A}updated") \
        == "2025-04-10T00:00:00+08:00"
    # The feed is as recent as its most recent entry, not the build time.
    assert atom(site).findtext(f"{A}updated") == "2025-04-10T00:00:00+08:00"
    channel = rss(site)
    assert item(channel, "Chip shortage eases").findtext("pubDate") == \
        "Sat, 01 Mar 2025 09:30:00 +0800"
    assert channel.findtext("lastBuildDate") == "Thu, 10 Apr 2025 00:00:00 +0800"


def test_summary_authors_categories(site):
    chips = entry(atom(site), "Chip shortage eases")
    assert chips.findtext(f"{A}summary") == "Foundries catch up with demand."
    assert [a.findtext(f"{A}name") for a in chips.findall(f"{A}author")] == ["Li Lei", "Jane Roe"]
    categories = {(c.get("term"), c.get("scheme")) for c in chips.findall(f"{A}category")}
    assert categories == {
        ("Chips", BASE + "tags/chips.html"),
        ("AI", BASE + "tags/ai.html"),
        ("Hardware", BASE + "topics/hardware.html"),
    }
    # No summary, no author: neither element (the feed's author covers the entry).
    cloud = entry(atom(site), "Cloud prices fall")
    assert cloud.find(f"{A}summary") is None and cloud.find(f"{A}author") is None

    rss_chips = item(rss(site), "Chip shortage eases")
    assert rss_chips.findtext("description") == "Foundries catch up with demand."
    assert [c.text for c in rss_chips.findall(f"{DC}creator")] == ["Li Lei", "Jane Roe"]
    assert {(c.text, c.get("domain")) for c in rss_chips.findall("category")} == categories


def test_build_is_clean(site):
    assert warnings_of(site) == []


def test_drafts_future_and_undated_left_out(site):
    for path in feed_files(site):
        text = path.read_text("utf-8")
        assert "Secret draft" not in text and "Embargoed future" not in text, path
        assert "Undated opt-in" not in text, path
    assert not (out(site) / "tags/draftonly.atom.xml").exists()
    # A term whose only article is undated has a valid, empty feed.
    empty = atom(site, "tags/undatedonly.atom.xml")
    assert empty.findall(f"{A}entry") == [] and empty.findtext(f"{A}updated")


def test_show_drafts_puts_them_in(build_copy):
    app = build_copy("feeds", confoverrides={"newsroom_show_drafts": True})
    titles = atom_titles(atom(app))
    assert titles[0] == "Embargoed future headline" and "Secret draft headline" in titles


def test_feed_length(build_copy):
    app = build_copy("feeds", confoverrides={"newsroom_feed_length": 2})
    assert atom_titles(atom(app)) == PUBLIC[:2]
    assert len(rss(app).findall("item")) == 2
    assert atom_titles(atom(app, "tags/chips.atom.xml")) == ["Chip shortage eases", HOSTILE]


def test_term_feeds(site):
    feed = atom(site, "tags/chips.atom.xml")
    assert feed.findtext(f"{A}title") == "Feeds — Tag: Chips"
    assert feed.findtext(f"{A}id") == BASE + "tags/chips.html"
    assert atom_titles(feed) == ["Chip shortage eases", HOSTILE]
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{A}link")}
    assert links == {"self": BASE + "tags/chips.atom.xml", "alternate": BASE + "tags/chips.html"}
    channel = rss(site, "tags/cloud.rss.xml")
    assert channel.findtext("link") == BASE + "tags/cloud.html"
    assert [i.findtext("title") for i in channel.findall("item")] == PUBLIC[:2]
    assert atom_titles(atom(site, "topics/hardware.atom.xml")) == ["Chip shortage eases"]


def test_term_feeds_are_optional(build_copy):
    app = build_copy("feeds", confoverrides={"newsroom_term_feeds": False})
    assert [p.relative_to(out(app)).as_posix() for p in feed_files(app)] == ["atom.xml", "rss.xml"]
    assert not html(app, "tags/chips").select("link[href$='chips.atom.xml']")


def alternates(page) -> dict[str, str]:
    return {link["type"]: link["href"] for link in page.select("head link[rel=alternate]")}


def test_alternate_links(site):
    site_feeds = {"application/atom+xml": BASE + "atom.xml",
                  "application/rss+xml": BASE + "rss.xml",
                  "application/feed+json": BASE + "feed.json"}
    for docname in ("index", "news/chips"):
        page = html(site, docname)
        assert alternates(page) == site_feeds
        # Exactly one of each, even when setup_feeds is called twice.
        assert len(page.select("head link[rel=alternate]")) == 3
        assert page.select_one("link[type='application/atom+xml']")["title"] == "Feeds (Atom)"
    term = html(site, "tags/chips").select("head link[rel=alternate]")
    assert [(link["type"], link["href"]) for link in term] == [
        *site_feeds.items(),
        ("application/atom+xml", BASE + "tags/chips.atom.xml"),
        ("application/rss+xml", BASE + "tags/chips.rss.xml"),
        ("application/feed+json", BASE + "tags/chips.feed.json"),
    ]
    assert term[3]["title"] == "Feeds — Tag: Chips (Atom)"


def test_setup_is_idempotent(site):
    before = {e: len(site.events.listeners[e]) for e in ("build-finished", "html-page-context")}
    setup_feeds(site)
    after = {e: len(site.events.listeners[e]) for e in ("build-finished", "html-page-context")}
    assert site in feeds._apps and before == after


def test_no_site_url(build_copy):
    app = build_copy("feeds", confoverrides={"html_baseurl": ""})
    config_warnings = [w for w in warnings_of(app) if "[newsroom.config]" in w]
    assert len(config_warnings) == 1
    assert "no newsroom_site_url or html_baseurl: feeds are not written" in config_warnings[0]
    assert feed_files(app) == []
    assert not html(app, "index").select("link[rel=alternate]")


def test_newsroom_site_url_wins(build_copy):
    app = build_copy("feeds", confoverrides={"newsroom_site_url": "https://other.example/news"})
    assert atom(app).findtext(f"{A}id") == "https://other.example/news/"
    assert alternates(html(app, "index"))["application/rss+xml"] == \
        "https://other.example/news/rss.xml"


def test_hostile_text_is_escaped(site):
    raw = (out(site) / "atom.xml").read_text("utf-8")
    assert "<script>" not in raw and "&lt;script&gt;" in raw
    for feed_entry in (entry(atom(site), HOSTILE), item(rss(site), HOSTILE)):
        assert feed_entry is not None  # parsed, and the title round-trips as text
    # The control characters are dropped, the rest kept as text.
    assert entry(atom(site), HOSTILE).findtext(f"{A}summary") == "<b>bold</b> &  more"
    assert item(rss(site), HOSTILE).findtext(f"{DC}creator") == "Eve <eve@example.com>"


def test_noop_rebuild_keeps_feed_files(build_copy, tmp_path):
    first = build_copy("feeds")
    files = feed_files(first)
    assert len(files) > 2
    past = 1_000_000_000
    for path in files:
        os.utime(path, (past, past))
    second = build_copy("feeds", src=tmp_path / "feeds")
    assert feed_files(second) == files
    assert all(path.stat().st_mtime == past for path in files)


def test_deterministic(build_copy, rootdir, tmp_path):
    one = build_copy("feeds")
    shutil.copytree(rootdir / "test-feeds", tmp_path / "again")
    two = build_copy("feeds", src=tmp_path / "again")
    names = [p.relative_to(out(one)) for p in feed_files(one)]
    assert names == [p.relative_to(out(two)) for p in feed_files(two)]
    for name in names:
        assert (out(one) / name).read_bytes() == (out(two) / name).read_bytes(), name


def test_feeds_of_vanished_terms_are_removed(build_copy, tmp_path):
    first = build_copy("feeds")
    assert (out(first) / "tags/undatedonly.rss.xml").is_file()
    source = tmp_path / "feeds" / "news" / "undated.md"
    source.write_text(source.read_text("utf-8").replace(", undatedonly", ""), "utf-8")
    second = build_copy("feeds", src=tmp_path / "feeds")
    assert not (out(second) / "tags/undatedonly.rss.xml").exists()
    assert not (out(second) / "tags/undatedonly.atom.xml").exists()
    assert (out(second) / "tags/chips.atom.xml").is_file()


def test_latex_writes_no_feeds(build_copy):
    app = build_copy("feeds", builder="latex")
    assert feed_files(app) == []
    assert not [w for w in warnings_of(app) if "newsroom.config" in w]
