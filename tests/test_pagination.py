"""Long lists continue on later pages: term pages, the archive, ``article-list``."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import ROOTS, html, html_tree, warnings_of
from lxml import etree

SCHEMAS = Path(__file__).parent / "schemas"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def page(outdir: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((Path(outdir) / f"{name}.html").read_text("utf-8"), "html.parser")


def titles(soup: BeautifulSoup) -> list[str]:
    return [p.get_text(strip=True) for p in soup.select("div.body .news-list-title strong")]


def head_links(soup: BeautifulSoup) -> dict[str, str]:
    return {link["rel"][0]: link["href"] for link in soup.select("head link[rel=prev], "
                                                                  "head link[rel=next]")}


def taxonomy_site(tmp_path: Path, size: int = 1) -> Path:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-taxonomy", src)
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"\nnewsroom_page_size = {size}\n")
    return src


def test_a_term_page_continues_on_numbered_pages(make_app, tmp_path):
    app = make_app("html", srcdir=taxonomy_site(tmp_path, size=2))
    app.build()
    assert warnings_of(app) == []
    out = Path(app.outdir)
    # Chips has three articles: two on tags/chips.html, the third on tags/chips/page/2.html.
    first, second = page(out, "tags/chips"), page(out, "tags/chips/page/2")
    assert titles(first) == ["Gamma 算力", "Beta cloud"]
    assert titles(second) == ["Alpha chips"]
    assert not (out / "tags/chips/page/3.html").exists()
    assert not (out / "tags/chips/page/1.html").exists()  # page 1 is the term's own page
    assert head_links(first) == {"next": "chips/page/2.html"}
    assert head_links(second) == {"prev": "../../chips.html"}
    nav = second.select_one("nav.news-pagination")
    assert nav["aria-label"] == "Pages"
    assert nav.select_one("[aria-current=page]").get_text() == "2"
    assert nav.select_one("a[rel=prev]")["href"] == "../../chips.html"
    assert nav.select_one("a[rel=next]") is None
    assert second.select_one("div.body h1").get_text().startswith("Tag: Chips (page 2)")
    # A term with fewer articles than a page has no navigation and no later page.
    assert page(out, "tags/nvidia").select_one("nav.news-pagination") is None
    assert not (out / "tags/nvidia/page").exists()


def test_the_archive_and_an_article_list_paginate(make_app, tmp_path):
    app = make_app("html", srcdir=taxonomy_site(tmp_path, size=2))
    app.build()
    out = Path(app.outdir)
    # Four dated published articles (the archive lists no undated one): two pages.
    archive = [page(out, "archive"), page(out, "archive/page/2")]
    shown = [a.get_text() for p in archive for a in p.select("ul.news-archive a.reference")]
    assert len(shown) == 4 == len(set(shown))
    assert not (out / "archive/page/3.html").exists()
    assert head_links(archive[0]) == {"next": "archive/page/2.html"}
    assert head_links(archive[1]) == {"prev": "../../archive.html"}
    # lists.md: its first list (no :limit:) continues on lists/page/2.html, ...; the
    # list with :limit: 2 stays whole on the first page and is not repeated.
    lists = page(out, "lists")
    later = page(out, "lists/page/2")
    assert later.select_one("div.body h1").get_text().startswith("Lists (page 2)")
    assert head_links(lists)["next"] == "lists/page/2.html"
    assert "Oldest two by date" not in later.get_text()
    assert len(lists.select("nav.news-pagination")) == 1
    everything = [titles(page(out, name)) for name in ("lists", "lists/page/2", "lists/page/3")]
    assert everything[0][:2] == ["Gamma 算力", "Beta cloud"]


def test_page_size_zero_keeps_every_list_whole(make_app, tmp_path):
    app = make_app("html", srcdir=taxonomy_site(tmp_path, size=0))
    app.build()
    out = Path(app.outdir)
    assert titles(page(out, "tags/chips")) == ["Gamma 算力", "Beta cloud", "Alpha chips"]
    assert not list(out.rglob("page/*.html"))
    assert page(out, "tags/chips").select_one("nav.news-pagination") is None


def test_later_pages_are_in_the_sitemap(make_app, tmp_path):
    app = make_app("html", srcdir=taxonomy_site(tmp_path, size=2))
    app.build()
    sitemap = Path(app.outdir) / "sitemap.xml"
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap.xsd")))
    root = etree.parse(str(sitemap))
    assert schema.validate(root), schema.error_log
    locs = {e.text for e in root.iter(f"{SM}loc")}
    base = "https://taxonomy.example.org/"
    assert {base + "tags/chips/page/2.html", base + "archive/page/2.html",
            base + "lists/page/2.html"} <= locs
    assert base + "tags/chips/page/3.html" not in locs


def test_the_pdf_keeps_every_list_whole(make_app, tmp_path):
    app = make_app("latex", srcdir=taxonomy_site(tmp_path, size=1))
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    lists = tex[tex.index("All"):tex.index("Chips since July")]
    assert all(title in lists for title in ("Gamma", "Beta cloud", "Alpha chips"))
    assert "Next page" not in tex


def _head_and_body(outdir: Path) -> dict[str, str]:
    """Every page's body and its prev/next links (what a clean build must match)."""
    pages = html_tree(outdir)
    for name in pages:
        soup = BeautifulSoup((outdir / name).read_text("utf-8"), "html.parser")
        pages[name] += repr(sorted(head_links(soup).items()))
    return pages


def _retag(path: Path, tags: str) -> None:
    text = path.read_text("utf-8")
    path.write_text(re.sub(r"^tags: .*$", f"tags: {tags}", text, count=1, flags=re.M), "utf-8")


def test_a_term_that_shrinks_leaves_no_page_behind(make_app, tmp_path):
    src = taxonomy_site(tmp_path, size=1)
    first = make_app("html", srcdir=src)
    first.build()
    out = Path(first.outdir)
    assert (out / "tags/chips/page/3.html").is_file()
    _retag(src / "news/a.md", "[Nvidia]")  # Chips loses one article: 3 pages -> 2
    again = make_app("html", srcdir=src)
    again.build()
    assert not (out / "tags/chips/page/3.html").exists()
    assert (out / "tags/chips/page/2.html").is_file()
    assert head_links(page(out, "tags/chips/page/2")) == {"prev": "../../chips.html"}
    clean = make_app("html", srcdir=_copy(src, tmp_path / "clean"), freshenv=True)
    clean.build()
    assert _head_and_body(out) == _head_and_body(Path(clean.outdir))
    assert (sorted(p.relative_to(out).as_posix() for p in out.rglob("page/*.html"))
            == sorted(p.relative_to(clean.outdir).as_posix()
                      for p in Path(clean.outdir).rglob("page/*.html")))
    assert (out / "sitemap.xml").read_bytes() == (Path(clean.outdir) / "sitemap.xml").read_bytes()
    # Growing back across the boundary writes the page again.
    _retag(src / "news/a.md", "[Nvidia, chips]")
    grown = make_app("html", srcdir=src)
    grown.build()
    assert (out / "tags/chips/page/3.html").is_file()


def test_a_term_that_disappears_takes_its_later_pages(make_app, tmp_path):
    src = taxonomy_site(tmp_path, size=1)
    make_app("html", srcdir=src).build()
    out = src / "_build" / "html"
    assert (out / "topics/cloud/page/2.html").is_file()
    for name in ("a", "b", "c", "d", "hostile"):
        path = src / "news" / f"{name}.md"
        path.write_text(re.sub(r"^topics: .*$", "topics: [Other]", path.read_text("utf-8"),
                               count=1, flags=re.M), "utf-8")
    make_app("html", srcdir=src).build()
    assert not (out / "topics/cloud.html").exists()
    assert not (out / "topics/cloud/page/2.html").exists()


def test_parallel_equals_serial_with_pages(make_app, tmp_path):
    src = taxonomy_site(tmp_path, size=1)
    serial = make_app("html", srcdir=_copy(src, tmp_path / "serial"), freshenv=True)
    serial.build()
    parallel = make_app("html", srcdir=_copy(src, tmp_path / "parallel"), freshenv=True,
                        parallel=2)
    parallel.build()
    assert _head_and_body(Path(parallel.outdir)) == _head_and_body(Path(serial.outdir))
    assert (Path(parallel.outdir) / "tags/chips/page/3.html").is_file()


def test_a_term_of_5000_articles_is_split(make_app, tmp_path):
    """A generated site: one tag on 5,000 articles makes 100 pages of 50, not one page."""
    src = tmp_path / "big"
    (src / "news").mkdir(parents=True)
    (src / "conf.py").write_text(
        'extensions = ["sphinx_newsroom"]\nproject = "Big"\nhtml_theme = "basic"\n'
        "newsroom_feeds = False\nnewsroom_related = 0\nnewsroom_auto_meta = False\n"
        "newsroom_sitemap = False\nnewsroom_news_sitemap = False\n", "utf-8")
    (src / "index.md").write_text("# Big\n\n```{tag-index}\n```\n", "utf-8")
    for i in range(5000):
        day, minute = divmod(i, 1440)
        (src / "news" / f"a{i:04d}.md").write_text(
            f"---\ntitle: Story {i}\ndate: 2025-{1 + day // 28:02d}-{1 + day % 28:02d}T"
            f"{minute // 60:02d}:{minute % 60:02d}:00+00:00\norphan: true\ntags: [AI]\n---\n\n"
            f"Body {i}.\n", "utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    out = Path(app.outdir)
    pages = ["tags/ai", *(f"tags/ai/page/{n}" for n in range(2, 101))]
    counts = [len(page(out, name).select("ul.news-article-list > li")) for name in pages]
    assert counts == [50] * 100
    assert not (out / "tags/ai/page/101.html").exists()
    assert titles(page(out, "tags/ai"))[0] == "Story 4999"
    assert titles(page(out, "tags/ai/page/100"))[-1] == "Story 0"
    assert len(page(out, "archive/page/100").select("ul.news-archive a.reference")) == 50


def _copy(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("_build"))
    return dest


def test_a_project_page_in_the_way_of_a_later_page_wins(make_app, tmp_path):
    src = taxonomy_site(tmp_path, size=1)
    (src / "tags" / "chips" / "page").mkdir(parents=True)
    (src / "tags/chips/page/2.md").write_text("---\norphan: true\n---\n# Mine\n\nOwn page.\n",
                                               "utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    assert "Own page." in html(app, "tags/chips/page/2").get_text()
    assert any("tags/chips/page/2" in w and "newsroom.page" in w for w in warnings_of(app))
    assert (Path(app.outdir) / "tags/chips/page/3.html").is_file()
