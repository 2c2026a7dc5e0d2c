"""JSON Feed 1.1 beside Atom and RSS (the same items), and WebSub hub links in every feed."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOTS, html, warnings_of

from sphinx_newsroom import clock

SCHEMA = json.loads((Path(__file__).parent / "schemas/jsonfeed-1.1.schema.json").read_text())
A = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
BASE = "https://news.example.org/"
HUB = "https://hub.example.net/"
FEEDS = ("", "tags/chips.", "tags/ai.")


def json_feed(app, path: str = "feed.json") -> dict:
    feed = json.loads((Path(app.outdir) / path).read_text("utf-8"))
    jsonschema.validate(feed, SCHEMA, format_checker=jsonschema.FormatChecker())
    return feed


def feed_path(prefix: str, kind: str) -> str:
    if prefix:
        return f"{prefix}{kind}"
    return {"atom.xml": "atom.xml", "rss.xml": "rss.xml", "feed.json": "feed.json"}[kind]


def atom_items(app, path: str) -> list[tuple]:
    root = ET.parse(Path(app.outdir) / path).getroot()
    return [(e.findtext(f"{A}id"), e.findtext(f"{A}title"),
             e.findtext(f"{A}published"), e.findtext(f"{A}updated"),
             [a.findtext(f"{A}name") for a in e.findall(f"{A}author")],
             [c.get("term") for c in e.findall(f"{A}category")])
            for e in root.findall(f"{A}entry")]


def rss_items(app, path: str) -> list[tuple]:
    import email.utils

    root = ET.parse(Path(app.outdir) / path).getroot()
    return [(i.findtext("guid"), i.findtext("title"),
             email.utils.parsedate_to_datetime(i.findtext("pubDate")),
             [c.text for c in i.findall(f"{DC}creator")],
             [c.text for c in i.findall("category")])
            for i in root.iter("item")]


def json_items(feed: dict) -> list[tuple]:
    return [(i["id"], i["title"], i["date_published"], i["date_modified"],
             [a["name"] for a in i.get("authors", [])], i.get("tags", []))
            for i in feed["items"]]


def test_the_schema_can_fail():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "https://jsonfeed.org/version/1.1", "title": "T",
                             "items": [{"id": "1"}]}, SCHEMA)  # no content
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "https://jsonfeed.org/version/1", "title": "T",
                             "items": []}, SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "https://jsonfeed.org/version/1.1", "title": "T",
                             "items": [], "author": {"name": "1.0 only"}}, SCHEMA)


def test_json_feed_carries_the_same_items_as_atom_and_rss(build_copy):
    app = build_copy("feeds")
    assert warnings_of(app) == []
    for prefix in FEEDS:
        feed = json_feed(app, feed_path(prefix, "feed.json"))
        ours, atom = json_items(feed), atom_items(app, feed_path(prefix, "atom.xml"))
        rss = rss_items(app, feed_path(prefix, "rss.xml"))
        assert ours and len(ours) == len(atom) == len(rss)
        for item, entry, rss_item in zip(ours, atom, rss, strict=True):
            # id, title, dates, authors, terms: item by item, in the same order.
            assert item[:2] == entry[:2] == rss_item[:2]
            assert item[2:4] == entry[2:4]
            assert rss_item[2].isoformat() == item[2]
            assert item[4] == entry[4] == rss_item[3]
            assert item[5] == entry[5] == rss_item[4]
    feed = json_feed(app)
    titles = [i["title"] for i in feed["items"]]
    assert "Secret draft headline" not in titles and "Embargoed future headline" not in titles
    assert "Undated opt-in" not in titles


def test_json_feed_top_level(build_copy):
    app = build_copy("feeds", confoverrides={"language": "zh_CN"})
    feed = json_feed(app)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "Feeds"
    assert feed["home_page_url"] == BASE and feed["feed_url"] == BASE + "feed.json"
    assert feed["language"] == "zh-CN"
    assert feed["authors"] == [{"name": "Example News", "url": "https://news.example.org/about"}]
    chips = next(i for i in feed["items"] if i["title"] == "Chip shortage eases")
    assert chips["url"] == BASE + "news/chips.html"
    assert chips["date_published"] == "2025-03-01T09:30:00+08:00"
    assert chips["date_modified"] == "2025-03-05T10:00:00+08:00"
    assert chips["summary"] == chips["content_text"] == "Foundries catch up with demand."
    assert chips["authors"] == [{"name": "Li Lei", "url": BASE + "authors/li-lei.html"},
                                {"name": "Jane Roe", "url": BASE + "authors/jane-roe.html"}]
    assert "hubs" not in feed
    term = json_feed(app, "tags/chips.feed.json")
    assert term["home_page_url"] == BASE + "tags/chips.html"
    assert term["feed_url"] == BASE + "tags/chips.feed.json"
    assert term["title"].endswith("Chips")


def test_pages_announce_the_json_feed(build_copy):
    app = build_copy("feeds")
    link = html(app, "index").select_one('head link[rel=alternate][type="application/feed+json"]')
    assert link["href"] == BASE + "feed.json"


def test_websub_hub_in_every_feed(build_copy):
    app = build_copy("feeds", confoverrides={"newsroom_websub_hub": HUB})
    out = Path(app.outdir)
    for prefix in FEEDS:
        atom_path = feed_path(prefix, "atom.xml")
        for path, channel in ((atom_path, "."), (feed_path(prefix, "rss.xml"), "channel")):
            root = ET.parse(out / path).getroot().find(channel)
            links = root.findall(f"{A}link")
            hubs = [link.get("href") for link in links if link.get("rel") == "hub"]
            selves = [link.get("href") for link in links if link.get("rel") == "self"]
            assert hubs == [HUB], path
            assert selves == [BASE + path], path
        feed = json_feed(app, feed_path(prefix, "feed.json"))
        assert feed["hubs"] == [{"type": "WebSub", "url": HUB}]
        assert feed["feed_url"] == BASE + feed_path(prefix, "feed.json")
    # RSS keeps the site, not the hub, as its channel link.
    rss = ET.parse(out / "rss.xml").getroot()
    assert rss.findtext("channel/link") == BASE


def test_without_a_hub_no_feed_names_one(build_copy):
    app = build_copy("feeds")
    for path in ("atom.xml", "rss.xml", "feed.json"):
        assert b"hub" not in (Path(app.outdir) / path).read_bytes()


def test_feeds_off_removes_the_json_feed_too(build_copy, make_app, tmp_path):
    build_copy("feeds")
    app = build_copy("feeds", confoverrides={"newsroom_feeds": False})
    assert not (Path(app.outdir) / "feed.json").exists()
    assert not (Path(app.outdir) / "tags/chips.feed.json").exists()


def test_noindex_articles_are_in_no_feed(make_app, tmp_path, monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: dt.datetime(2025, 6, 2, 12, tzinfo=dt.UTC))
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-sitemap", src)
    (src / "conf.py").write_text((src / "conf.py").read_text() + "\nnewsroom_term_feeds = True\n")
    app = make_app("html", srcdir=src)
    app.build()
    out = Path(app.outdir)
    feeds = [p for p in out.rglob("*") if p.name.endswith((".xml", ".json"))
             and "sitemap" not in p.name and not p.name.startswith("_")]
    assert {"atom.xml", "rss.xml", "feed.json"} <= {p.name for p in feeds}
    assert len(feeds) > 3  # and the term feeds
    for path in feeds:
        text = path.read_text("utf-8")
        assert "Search engines keep out" not in text and "news/hidden" not in text, path
    assert "Rates rise today" in (out / "feed.json").read_text("utf-8")
