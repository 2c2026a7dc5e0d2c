"""sitemap.xml and news-sitemap.xml: what a crawler fetches, validated against the schemas."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import ROOTS, html, warnings_of
from lxml import etree

from sphinx_newsroom import clock
from sphinx_newsroom.html import sitemaps

SCHEMAS = Path(__file__).parent / "schemas"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
NOW = dt.datetime(2025, 6, 2, 12, 0, tzinfo=dt.UTC)
BASE = "https://news.example.org/"


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)


def schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def validated(path: Path, xsd: str) -> etree._Element:
    document = etree.parse(str(path))
    checker = schema(xsd)
    assert checker.validate(document), checker.error_log
    return document.getroot()


def urls(root: etree._Element) -> dict[str, str | None]:
    return {u.findtext(f"{SM}loc"): u.findtext(f"{SM}lastmod") for u in root.iter(f"{SM}url")}


def project(tmp_path: Path, conf: str = "", root: str = "sitemap") -> Path:
    src = tmp_path / f"src-{len(list(tmp_path.iterdir()))}"
    shutil.copytree(ROOTS / f"test-{root}", src)
    with (src / "conf.py").open("a", encoding="utf-8") as conf_py:
        conf_py.write(f"\n{conf}\n")
    return src


def build(make_app, src: Path, builder: str = "html", **overrides):
    app = make_app(builder, srcdir=src, confoverrides=overrides)
    app.build()
    return app


def test_the_schemas_reject_what_the_protocols_forbid():
    """The vendored checks can fail: a bad date, a relative loc, a missing title."""
    bad_sitemap = etree.fromstring(
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
        b"<loc>/relative</loc><lastmod>yesterday</lastmod></url></urlset>")
    assert not schema("sitemap.xsd").validate(bad_sitemap)
    no_title = etree.fromstring(
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
        b"<loc>https://example.org/a.html</loc><news:news><news:publication>"
        b"<news:name>X</news:name><news:language>en</news:language></news:publication>"
        b"<news:publication_date>2025-06-02</news:publication_date></news:news></url></urlset>")
    assert not schema("sitemap-with-news.xsd").validate(no_title)
    empty = etree.fromstring(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>')
    assert not schema("sitemap.xsd").validate(empty)


def test_sitemap_lists_every_published_page_with_the_articles_dates(make_app, tmp_path):
    app = build(make_app, project(tmp_path))
    assert warnings_of(app) == []
    root = validated(Path(app.outdir) / "sitemap.xml", "sitemap.xsd")
    got = urls(root)
    assert got[f"{BASE}index.html"] is None  # a page without an article has no date to give
    assert got[f"{BASE}about.html"] is None
    # lastmod is the article's updated, else its date: never the time the file was written.
    assert got[f"{BASE}news/old.html"] == "2024-02-01T00:00:00+00:00"
    assert got[f"{BASE}news/yesterday.html"] == "2025-06-01T18:30:00+00:00"
    assert got[f"{BASE}news/today.html"] == "2025-06-02T08:00:00+02:00"
    # Generated pages: a term page's lastmod is its newest article's.
    assert got[f"{BASE}tags/chips.html"] == "2025-06-01T18:30:00+00:00"
    assert f"{BASE}archive.html" in got and f"{BASE}tags/index.html" in got
    for left_out in ("private", "news/hidden", "news/syndicated", "news/draft", "news/future"):
        assert f"{BASE}{left_out}.html" not in got
    assert len(got) == len(list(root.iter(f"{SM}url")))  # no URL twice


def test_news_sitemap_holds_the_last_two_days(make_app, tmp_path):
    app = build(make_app, project(tmp_path))
    root = validated(Path(app.outdir) / "news-sitemap.xml", "sitemap-with-news.xsd")
    entries = {u.findtext(f"{SM}loc"): u.find(f"{NEWS}news") for u in root.iter(f"{SM}url")}
    assert list(entries) == [f"{BASE}news/today.html", f"{BASE}news/yesterday.html"]
    today = entries[f"{BASE}news/today.html"]
    assert today.findtext(f"{NEWS}publication/{NEWS}name") == "Example Gazette"
    assert today.findtext(f"{NEWS}publication/{NEWS}language") == "en"
    assert today.findtext(f"{NEWS}publication_date") == "2025-06-02T08:00:00+02:00"
    assert today.findtext(f"{NEWS}title") == "Rates rise today"
    chinese = entries[f"{BASE}news/yesterday.html"]
    assert chinese.findtext(f"{NEWS}publication/{NEWS}language") == "zh-cn"
    assert chinese.findtext(f"{NEWS}title") == "芯片出口新规出台 & more"


def test_drafts_shown_for_review_stay_out_of_both_sitemaps(make_app, tmp_path):
    app = build(make_app, project(tmp_path, "newsroom_show_drafts = True"))
    assert (Path(app.outdir) / "news/draft.html").is_file()  # the draft has a page here
    assert 'content="noindex, nofollow"' in (Path(app.outdir) / "news/draft.html").read_text()
    every = (Path(app.outdir) / "sitemap.xml").read_text() + \
        (Path(app.outdir) / "news-sitemap.xml").read_text()
    assert "draft" not in every and "future" not in every and "Embargoed" not in every


def test_noindex_pages_carry_a_robots_meta(make_app, tmp_path):
    app = build(make_app, project(tmp_path))
    assert html(app, "private").select_one('meta[name="robots"]')["content"] == "noindex"
    assert html(app, "news/hidden").select_one('meta[name="robots"]')["content"] == \
        "noindex, nofollow"
    assert html(app, "about").select_one('meta[name="robots"]') is None
    assert len(html(app, "news/hidden").select('meta[name="robots"]')) == 1


def test_the_news_window_moves_with_the_build_clock(make_app, tmp_path, monkeypatch):
    src = project(tmp_path)
    build(make_app, src)
    monkeypatch.setattr(clock, "now", lambda: NOW + dt.timedelta(days=1))
    app = build(make_app, src)  # nothing changed but the clock; the embargo ended too
    root = validated(Path(app.outdir) / "news-sitemap.xml", "sitemap-with-news.xsd")
    assert [u.findtext(f"{SM}loc") for u in root.iter(f"{SM}url")] == [
        f"{BASE}news/future.html", f"{BASE}news/today.html"]
    monkeypatch.setattr(clock, "now", lambda: NOW + dt.timedelta(days=30))
    app = build(make_app, src)
    # No recent article: no news sitemap (an empty urlset is not a valid sitemap).
    assert not (Path(app.outdir) / "news-sitemap.xml").exists()
    assert (Path(app.outdir) / "sitemap.xml").is_file()


def test_long_sitemaps_are_split_with_an_index(make_app, tmp_path, monkeypatch):
    monkeypatch.setattr(sitemaps, "NEWS_LIMIT", 1)
    monkeypatch.setattr(sitemaps, "SITEMAP_LIMIT", 5)
    app = build(make_app, project(tmp_path))
    out = Path(app.outdir)
    index = validated(out / "news-sitemap.xml", "siteindex.xsd")
    parts = [s.findtext(f"{SM}loc") for s in index.iter(f"{SM}sitemap")]
    assert parts == [f"{BASE}news-sitemap-1.xml", f"{BASE}news-sitemap-2.xml"]
    assert [s.findtext(f"{SM}lastmod") for s in index.iter(f"{SM}sitemap")] == [
        "2025-06-02T08:00:00+02:00", "2025-06-01T09:00:00+00:00"]
    for number in (1, 2):
        part = validated(out / f"news-sitemap-{number}.xml", "sitemap-with-news.xsd")
        assert len(list(part.iter(f"{SM}url"))) == 1
    index = validated(out / "sitemap.xml", "siteindex.xsd")
    names = [s.findtext(f"{SM}loc").removeprefix(BASE) for s in index.iter(f"{SM}sitemap")]
    assert names == [f"sitemap-{n}.xml" for n in range(1, len(names) + 1)] and len(names) > 1
    every = [loc for n in names for loc in urls(validated(out / n, "sitemap.xsd"))]
    assert len(every) == len(set(every)) and f"{BASE}news/old.html" in every

    monkeypatch.setattr(sitemaps, "NEWS_LIMIT", 1000)
    monkeypatch.setattr(sitemaps, "SITEMAP_LIMIT", 50_000)
    app = build(make_app, Path(app.srcdir))
    assert not list(out.glob("*sitemap-*.xml"))  # the parts of the earlier build are gone
    validated(out / "sitemap.xml", "sitemap.xsd")


def test_switches_and_no_site_url(make_app, tmp_path):
    app = build(make_app, project(tmp_path, "newsroom_sitemap = False\n"
                                            "newsroom_news_sitemap = False"))
    assert not list(Path(app.outdir).glob("*sitemap*.xml"))
    app = build(make_app, project(tmp_path, "html_baseurl = ''\nnewsroom_sitemap = True"))
    assert not list(Path(app.outdir).glob("*sitemap*.xml"))
    assert any("sitemaps are not written" in w for w in warnings_of(app))


def test_a_project_sitemap_of_its_own_is_kept(make_app, tmp_path):
    src = project(tmp_path, "newsroom_sitemap = False\nhtml_extra_path = ['extra']")
    (src / "extra").mkdir()
    (src / "extra/sitemap.xml").write_text("<urlset/>")
    app = build(make_app, src)
    assert (Path(app.outdir) / "sitemap.xml").read_text() == "<urlset/>"


def test_publication_name_option(make_app, tmp_path):
    app = build(make_app, project(tmp_path, "newsroom_publication_name = 'The Daily'"))
    root = validated(Path(app.outdir) / "news-sitemap.xml", "sitemap-with-news.xsd")
    assert {n.text for n in root.iter(f"{NEWS}name")} == {"The Daily"}


def test_dirhtml_urls(make_app, tmp_path):
    app = build(make_app, project(tmp_path), "dirhtml")
    got = urls(validated(Path(app.outdir) / "sitemap.xml", "sitemap.xsd"))
    assert f"{BASE}news/today/" in got and BASE in got and f"{BASE}private/" not in got


def test_with_sphinx_sitemap_there_is_one_sitemap_and_our_lastmod(make_app, tmp_path):
    pytest.importorskip("sphinx_sitemap")
    src = project(tmp_path, "extensions.append('sphinx_sitemap')\n"
                            "sitemap_url_scheme = '{link}'")
    app = build(make_app, src)
    root = validated(Path(app.outdir) / "sitemap.xml", "sitemap.xsd")
    assert b"sphinx-newsroom" not in (Path(app.outdir) / "sitemap.xml").read_bytes()
    got = urls(root)
    locs = [u.findtext(f"{SM}loc") for u in root.iter(f"{SM}url")]
    assert len(locs) == len(set(locs))
    assert got[f"{BASE}news/old.html"] == "2024-02-01T00:00:00+00:00"
    assert f"{BASE}about.html" in got
    for left_out in ("private", "news/hidden", "news/syndicated"):
        assert f"{BASE}{left_out}.html" not in got
    # The news sitemap is still ours.
    validated(Path(app.outdir) / "news-sitemap.xml", "sitemap-with-news.xsd")


def test_sphinx_sitemap_never_lists_drafts_even_with_ours_off(make_app, tmp_path):
    pytest.importorskip("sphinx_sitemap")
    src = project(tmp_path, "extensions.append('sphinx_sitemap')\n"
                            "sitemap_url_scheme = '{link}'\n"
                            "newsroom_show_drafts = True\nnewsroom_sitemap = False")
    app = build(make_app, src)
    assert (Path(app.outdir) / "news/draft.html").is_file()
    got = urls(validated(Path(app.outdir) / "sitemap.xml", "sitemap.xsd"))
    assert f"{BASE}news/today.html" in got
    for left_out in ("news/draft", "news/future", "private", "news/hidden"):
        assert f"{BASE}{left_out}.html" not in got


def test_parallel_and_incremental_builds_write_the_same_sitemaps(make_app, tmp_path):
    serial = build(make_app, project(tmp_path))
    parallel = make_app("html", srcdir=project(tmp_path), parallel=2)
    parallel.build()
    src = project(tmp_path)
    build(make_app, src)
    (src / "news/old.md").write_text((src / "news/old.md").read_text().replace(
        "updated: 2024-02-01", "updated: 2024-03-01"))
    incremental = build(make_app, src)
    for name in ("sitemap.xml", "news-sitemap.xml"):
        expected = (Path(serial.outdir) / name).read_bytes()
        assert (Path(parallel.outdir) / name).read_bytes() == expected
        if name == "news-sitemap.xml":
            assert (Path(incremental.outdir) / name).read_bytes() == expected
    assert b"2024-03-01T00:00:00+00:00" in (Path(incremental.outdir) / "sitemap.xml").read_bytes()


def test_the_newest_stamp_is_the_latest_moment_not_the_largest_string():
    assert sitemaps.newest(["2025-06-02T08:00:00+02:00", "2025-06-02T07:00:00+00:00", ""]) == \
        "2025-06-02T07:00:00+00:00"
    assert sitemaps.newest(["", ""]) == ""


@pytest.mark.parametrize(("tag", "code"), [
    ("en", "en"), ("en-GB", "en"), ("zh-CN", "zh-cn"), ("zh_CN", "zh-cn"), ("zh", "zh-cn"),
    ("zh-Hant", "zh-tw"), ("zh-TW", "zh-tw"), ("zh-HK", "zh-tw"), ("fil", "fil")])
def test_news_language_codes(tag, code):
    assert sitemaps.news_language(tag) == code
