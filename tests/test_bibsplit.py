"""``news-bibliography :split:``: one page per year or month of the sources' first citation.

The test root ``test-bibsplit`` has three published articles (2024-03, 2025-06,
2025-07), a draft and an embargoed one, and a ``sources`` page split by year.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import ROOTS, build_root, html_tree, warnings_of
from test_incremental import assert_same, clean_build, pages_written

SECRETS = ("Secret memo", "Hidden Herald", "Future paper", "Tomorrow Times")


def page(outdir: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / name).read_text("utf-8"), "html.parser")


def parts_index(outdir: Path, name: str = "sources.html") -> list[tuple[str, str, int]]:
    """(label, href, count) of each part the bibliography's own page lists, in order."""
    found = []
    for item in page(outdir, name).select("ul.news-bibliography-parts > li"):
        link = item.select_one("a")
        count = item.select_one("span.news-count").get_text()
        found.append((link.get_text(), link["href"], int(count.strip(" ()"))))
    return found


def entries(outdir: Path, name: str) -> list[tuple[str, str]]:
    """(id, title) of each entry of the bibliography on page ``name``."""
    return [(item.select_one("span.target")["id"], item.select_one("p.news-source em").get_text())
            for item in page(outdir, name).select("ol.news-bibliography > li")]


def resolve(outdir: Path, fromfile: str, href: str) -> tuple[Path, str]:
    """The file and the id a relative link of ``fromfile`` points at."""
    parts = urlsplit(href)
    target = (outdir / fromfile).parent / parts.path
    return target.resolve(), parts.fragment


def assert_links_resolve(outdir: Path) -> dict[str, list[str]]:
    """Every footnote's "in the bibliography" link lands on an entry; page -> its targets."""
    found: dict[str, list[str]] = {}
    for path in sorted((outdir / "news").glob("*.html")):
        name = path.relative_to(outdir).as_posix()
        for link in page(outdir, name).select("a.news-source-link"):
            target, anchor = resolve(outdir, name, link["href"])
            assert target.is_file(), (name, link["href"])
            assert BeautifulSoup(target.read_text("utf-8"), "html.parser").find(id=anchor), \
                (name, link["href"])
            found.setdefault(name, []).append(target.relative_to(outdir.resolve()).as_posix())
    return found


@pytest.fixture(scope="module")
def split_site(tmp_path_factory):
    return build_root(tmp_path_factory, "bibsplit", "html")


def test_the_bibliography_page_lists_its_parts_newest_first(split_site):
    outdir = Path(split_site.outdir)
    assert parts_index(outdir) == [("2025", "sources/2025.html", 2),
                                   ("2024", "sources/2024.html", 2)]
    sources = page(outdir, "sources.html")
    assert sources.select_one("p.news-count").get_text() == "4 sources"
    # The downloads stay on the bibliography's own page; no entry is shown there.
    assert sources.select_one("p.news-exports a.news-export")
    assert not sources.select("ol.news-bibliography")
    assert not page(outdir, "sources/2024.html").select("p.news-exports")


def test_the_parts_are_in_the_sitemap(split_site):
    sitemap = (Path(split_site.outdir) / "sitemap.xml").read_text("utf-8")
    # As new as the newest article citing a source of the part (2024's shortage is
    # cited again in June 2025).
    for part, lastmod in (("2024", "2025-06-01"), ("2025", "2025-07-15")):
        entry = re.search(rf"<loc>https://split.example.org/sources/{part}.html</loc>\s*"
                          r"<lastmod>([^<]+)</lastmod>", sitemap)
        assert entry and entry.group(1).startswith(lastmod), part
    assert "sources/2099" not in sitemap and "sources/2025-" not in sitemap


def test_a_source_is_in_the_part_of_its_first_citing_article(split_site):
    outdir = Path(split_site.outdir)
    # The GPU shortage is cited in 2024 and again in 2025: it stays in 2024.
    # Entries are sorted by the directive's :sort: title.
    assert [title for _id, title in entries(outdir, "sources/2024.html")] == [
        "Chip wars", "The GPU shortage"]
    assert [title for _id, title in entries(outdir, "sources/2025.html")] == [
        "Cooling at scale", "Rack density rises"]
    part = page(outdir, "sources/2024.html")
    assert part.select_one("h1").get_text().rstrip("¶") == "Sources: 2024"
    assert [a.get_text() for a in part.select("ol.news-bibliography li")[1].select(
        "p.news-cited-by a")] == ["Old story", "June story"]
    back = part.select_one("p.news-count a")
    assert resolve(outdir, "sources/2024.html", back["href"])[0] == (outdir / "sources.html"
                                                                     ).resolve()


def test_footnotes_link_to_their_part_page_and_entry(split_site):
    outdir = Path(split_site.outdir)
    targets = assert_links_resolve(outdir)
    assert targets == {
        "news/old.html": ["sources/2024.html", "sources/2024.html"],
        "news/june.html": ["sources/2024.html", "sources/2025.html"],
        "news/july.html": ["sources/2025.html"],
    }


def test_drafts_and_embargoed_articles_leave_no_part_and_no_count(split_site):
    outdir = Path(split_site.outdir)
    assert sorted(p.name for p in (outdir / "sources").iterdir()) == ["2024.html", "2025.html"]
    for path in outdir.rglob("*.html"):
        if path.parent.name == "news" and path.stem in {"draft", "future"}:
            continue  # their own pages (Sphinx writes them, marked unpublished)
        text = path.read_text("utf-8")
        assert not [s for s in SECRETS if s in text], path
    assert sum(count for _l, _h, count in parts_index(outdir)) == 4


def test_a_split_by_month_names_months_as_the_archive_does(make_app, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-bibsplit", src)
    sources = src / "sources.md"
    sources.write_text(sources.read_text("utf-8").replace(":split: year", ":split: month"),
                       "utf-8")
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    outdir = Path(app.outdir)
    assert parts_index(outdir) == [("July 2025", "sources/2025-07.html", 1),
                                   ("June 2025", "sources/2025-06.html", 1),
                                   ("March 2024", "sources/2024-03.html", 2)]
    assert assert_links_resolve(outdir)["news/june.html"] == [
        "sources/2024-03.html", "sources/2025-06.html"]
    chinese = make_app("html", srcdir=src, freshenv=True, confoverrides={"language": "zh_CN"})
    chinese.build()
    assert [label for label, _h, _c in parts_index(Path(chinese.outdir))] == [
        "2025年7月", "2025年6月", "2024年3月"]
    assert page(Path(chinese.outdir), "sources.html").select_one(
        "p.news-count").get_text() == "4 个来源"


def test_latex_keeps_one_list(tmp_path_factory):
    app = build_root(tmp_path_factory, "bibsplit", "latex")
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    body = tex[tex.index("Sources"):]
    for title in ("Chip wars", "The GPU shortage", "Cooling at scale", "Rack density rises"):
        assert title in body
    assert not [s for s in SECRETS if s in tex]
    # The endnotes' links go to the entries of that one list.
    anchors = set(re.findall(r"\\hyperref\[\\detokenize\{sources:(source-[0-9a-f]+)\}\]", tex))
    labels = set(re.findall(r"\\label\{\\detokenize\{sources:(source-[0-9a-f]+)\}\}", tex))
    assert anchors and anchors <= labels
    assert "sources/2024" not in tex


def test_dirhtml_writes_each_part_as_a_folder(tmp_path_factory):
    outdir = Path(build_root(tmp_path_factory, "bibsplit", "dirhtml").outdir)
    assert [href for _l, href, _c in parts_index(outdir, "sources/index.html")] == [
        "2025/", "2024/"]
    june = page(outdir, "news/june/index.html")
    for link in june.select("a.news-source-link"):
        target, anchor = resolve(outdir, "news/june/index.html", link["href"])
        assert BeautifulSoup((target / "index.html").read_text("utf-8"),
                             "html.parser").find(id=anchor), link["href"]


def test_singlehtml_and_epub_keep_one_list(tmp_path_factory):
    single = build_root(tmp_path_factory, "bibsplit", "singlehtml")
    outdir = Path(single.outdir)
    assert not (outdir / "sources").exists()
    soup = page(outdir, "index.html")
    assert len(soup.select("ol.news-bibliography > li")) == 4
    for link in soup.select("a.news-source-link"):
        assert link["href"].startswith("#") and soup.find(id=link["href"][1:]), link["href"]
    epub = build_root(tmp_path_factory, "bibsplit", "epub")
    assert not (Path(epub.outdir) / "sources").exists()
    assert len(page(Path(epub.outdir), "sources.xhtml").select(
        "ol.news-bibliography > li")) == 4


def test_a_split_that_cannot_be_made_warns_where_it_is_asked(make_app, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-bibsplit", src)
    (src / "sources.md").write_text(
        "# Sources\n\n```{news-bibliography}\n:split: year\n```\n\n"
        "```{news-bibliography}\n:split: month\n```\n\n"
        "```{news-bibliography}\n:tags: Chips\n:split: year\n```\n", "utf-8")
    (src / "tags.md").write_text("# Tags\n\n```{news-bibliography}\n:split: year\n```\n",
                                 "utf-8")
    (src / "index.md").write_text((src / "index.md").read_text("utf-8").replace(
        "sources\n", "sources\ntags\n"), "utf-8")
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    found = [w for w in warnings_of(app) if ":split:" in w]
    assert len(found) == 3, found
    assert any("sources.md:7" in w and "only the first unfiltered" in w for w in found), found
    assert any("sources.md:11" in w and "filtered bibliography" in w for w in found), found
    assert any("tags.md:3" in w and "taxonomy" in w for w in found), found
    outdir = Path(app.outdir)
    # The first list is split; the others are shown whole.
    assert [label for label, _h, _c in parts_index(outdir)] == ["2025", "2024"]
    assert len(page(outdir, "sources.html").select("ol.news-bibliography")) == 2
    assert not (outdir / "tags" / "2025.html").exists()


def test_a_document_of_the_project_keeps_a_part_s_name(make_app, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-bibsplit", src)
    (src / "sources").mkdir()
    (src / "sources" / "2024.md").write_text("# My own 2024\n\nMine.\n", "utf-8")
    (src / "index.md").write_text((src / "index.md").read_text("utf-8").replace(
        "sources\n", "sources\nsources/2024\n"), "utf-8")
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    assert any("sources/2024" in w and "takes the place" in w for w in warnings_of(app))
    assert "Mine." in (Path(app.outdir) / "sources/2024.html").read_text("utf-8")
    assert entries(Path(app.outdir), "sources/2025.html")


def test_parallel_equals_serial(make_app, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-bibsplit", src)
    serial = clean_build(make_app, src, tmp_path)
    parallel = clean_build(make_app, src, tmp_path, parallel=2)
    assert html_tree(parallel.outdir) == html_tree(serial.outdir)
    assert (Path(parallel.outdir) / "sources/2024.html").is_file()


@pytest.fixture
def site(make_app, tmp_path):
    src = tmp_path / "site"
    shutil.copytree(ROOTS / "test-bibsplit", src)
    make_app("html", srcdir=src).build()
    return src


def test_a_new_footnote_rewrites_its_part_and_the_index_only(make_app, site, tmp_path):
    july = site / "news" / "july.md"
    july.write_text(july.read_text("utf-8") + "\nAnother.[^2]\n\n[^2]: Heat pumps·Energy "
                    "Desk·（2025/7/11）\n", "utf-8")
    written, app = pages_written(make_app, site)
    assert {p for p in written if p.startswith("sources")} == {"sources.html",
                                                               "sources/2025.html"}
    assert {p for p in written if p.startswith("news/")} == {"news/july.html"}
    assert ("2025", "sources/2025.html", 3) in parts_index(Path(app.outdir))
    assert_links_resolve(Path(app.outdir))
    assert_same(make_app, site, tmp_path, app)


def test_a_new_article_adds_its_part_and_rewrites_no_other(make_app, site, tmp_path):
    (site / "news" / "next.md").write_text(
        "---\ntitle: Next year\ndate: 2026-01-05\n---\n\nNew.[^1] Old.[^2]\n\n"
        "[^1]: Wafer supply·Fab Weekly·（2026/1/2）\n"
        "[^2]: Cooling at scale. Example Tribune. 2025-07-10. "
        "https://example.org/tribune/cooling\n", "utf-8")
    written, app = pages_written(make_app, site)
    # The 2025 part lists who cites its sources: the cooling source gains a citer.
    assert {p for p in written if p.startswith("sources")} == {
        "sources.html", "sources/2026.html", "sources/2025.html"}
    assert {p for p in written if p.startswith("news/")} == {"news/next.html"}
    assert parts_index(Path(app.outdir))[0] == ("2026", "sources/2026.html", 1)
    assert assert_links_resolve(Path(app.outdir))["news/next.html"] == [
        "sources/2026.html", "sources/2025.html"]
    assert_same(make_app, site, tmp_path, app)


def test_an_older_citer_moves_the_source_and_the_links_follow(make_app, site, tmp_path):
    """A source's part is its first citer's: an article dated before it moves it, and
    every footnote citing it is rewritten with its new link."""
    (site / "news" / "older.md").write_text(
        "---\ntitle: Older still\ndate: 2023-02-01\n---\n\nFirst.[^1]\n\n"
        "[^1]: Chip wars·Tech Daily·Li Lei（2024/3/1）\n", "utf-8")
    written, app = pages_written(make_app, site)
    assert {"news/older.html", "news/old.html"} <= written
    assert "news/june.html" not in written and "news/july.html" not in written
    assert assert_links_resolve(Path(app.outdir))["news/old.html"] == [
        "sources/2023.html", "sources/2024.html"]
    assert_same(make_app, site, tmp_path, app)


def test_a_part_left_empty_is_removed(make_app, site, tmp_path):
    (site / "news" / "old.md").unlink()
    (site / "news" / "june.md").unlink()
    _written, app = pages_written(make_app, site)
    outdir = Path(app.outdir)
    assert not (outdir / "sources/2024.html").exists()
    assert parts_index(outdir) == [("2025", "sources/2025.html", 1)]
    expected = html_tree(clean_build(make_app, site, tmp_path).outdir)
    got = html_tree(outdir)
    for gone in ("news/old.html", "news/june.html"):  # Sphinx keeps a deleted doc's page
        got.pop(gone, None)
    assert got == expected


def test_removing_the_split_removes_the_parts(make_app, site, tmp_path):
    sources = site / "sources.md"
    sources.write_text(sources.read_text("utf-8").replace(":split: year\n", ""), "utf-8")
    written, app = pages_written(make_app, site)
    # Every footnote's link changes page: every article is rewritten.
    assert {"news/old.html", "news/june.html", "news/july.html"} <= written
    outdir = Path(app.outdir)
    assert not (outdir / "sources").exists() or not list((outdir / "sources").iterdir())
    assert len(page(outdir, "sources.html").select("ol.news-bibliography > li")) == 4
    assert set(assert_links_resolve(outdir)["news/june.html"]) == {"sources.html"}
    assert_same(make_app, site, tmp_path, app)
