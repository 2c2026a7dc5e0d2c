"""Tag and topic indexes: term pages, directives, roles, drafts, hostile terms."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import html, warnings_of

from sphinx_newsroom.domain import get_domain


@pytest.fixture
def site(build_copy):
    return build_copy("taxonomy")


def titles(items) -> list[str]:
    return [i.select_one(".news-list-title strong").get_text() for i in items]


def test_terms_collapse_case_width_space_and_aliases(site):
    terms = get_domain(site.env).terms
    chips = terms["tags"]["chips"]
    # "Chips", "chips" and "  Chips " are one term, shown with its most common spelling.
    assert chips.name == "Chips" and chips.docnames == ("news/c", "news/b", "news/a")
    assert terms["tags"]["ai"].name == "AI" and terms["tags"]["ai"].docnames == ("news/b", "news/d")
    # 英伟达 is an alias of Nvidia.
    assert terms["tags"]["nvidia"].docnames == ("news/c", "news/a")
    assert "英伟达" not in {t.name for t in terms["tags"].values()}


def test_term_page(site):
    page = html(site, "tags/chips")
    assert page.h1.find(string=True) == "Tag: Chips"  # (then the heading's permalink)
    assert page.select_one(".news-count").get_text().startswith("3 articles")
    items = page.select(".news-article-list > li")
    assert titles(items) == ["Gamma 算力", "Beta cloud", "Alpha chips"]  # newest first
    assert items[0].select_one("time")["datetime"] == "2025-08-01T00:00:00+00:00"
    # Each article shows its other terms, not the page's own.
    others = [a.get_text() for a in items[0].select(".news-list-terms a.news-term")]
    assert "Chips" not in others and {"Nvidia", "算力", "Hardware", "Cloud"} <= set(others)
    link = items[0].select_one(".news-list-title a")["href"].split("#")[0]  # (to the title)
    outdir = Path(site.outdir)
    assert (outdir / "tags" / link).resolve() == (outdir / "news/c.html").resolve()
    assert page.select_one("link[href*='basic.css']")  # rendered by the site's theme


def test_overview_page(site):
    page = html(site, "tags/index")
    cloud = page.select(".news-cloud a.news-term")
    assert {a.get_text() for a in cloud} >= {"Chips", "Nvidia", "AI", "云计算", "算力"}
    weights = {a.get_text(): next(c for c in a["class"] if c.startswith("news-weight-"))
               for a in cloud}
    assert weights["Chips"] == "news-weight-5" and weights["云计算"] == "news-weight-1"
    letters = [h.get_text() for h in page.select(".news-az .rubric")]
    assert page.select_one(".news-az #letter-S").get_text() == "S"  # tags/index.html#letter-S
    assert letters == sorted(letters, key=lambda x: (x not in "#", x != "0-9", x))
    # Chinese sorted by pinyin: 算力 (suanli) under S, 云计算 (yunjisuan) under Y.
    groups = {h.get_text(): [a.get_text() for a in h.find_next("ul").select("a")]
              for h in page.select(".news-az .rubric")}
    assert "算力" in groups["S"] and "云计算" in groups["Y"]


def test_panel_links_reach_term_pages(site):
    page = html(site, "news/b")
    for link in page.select(".news-meta a.news-term"):
        assert link["rel"] == ["tag"]
        assert (Path(site.outdir) / "news" / unquote(link["href"])).resolve().is_file()


def test_article_list_filters(site):
    page = html(site, "lists")
    lists = page.select("ul.news-article-list")
    hostile = "<script>alert('title')</script> Hostile"  # shown as text, from front matter
    # Newest first; the undated article last.
    assert titles(lists[0].select(":scope > li")) == [
        "Gamma 算力", "Beta cloud", "Alpha chips", hostile, "Delta undated opt-in"]
    # :tags: chips :since: 2025-07-01
    assert titles(lists[1].select(":scope > li")) == ["Gamma 算力", "Beta cloud"]
    # :sort: date (oldest first, undated before dated) :limit: 2
    assert titles(lists[2].select(":scope > li")) == ["Delta undated opt-in", hostile]
    cards = page.select(".news-cards .news-card")
    assert cards[0].select_one("strong").get_text() == "Alpha chips"
    assert len(cards) == 2


def test_term_indexes_and_roles(site):
    page = html(site, "lists")
    index = page.select("ul.news-term-list")[0]
    entries = [li.get_text(" ", strip=True) for li in index.select("li")]
    assert "Chips (3)" in entries and "Nvidia (2)" in entries
    az = page.select_one(".news-az")
    letters = [r.get_text() for r in az.select(".rubric")]
    assert letters == ["#", "A", "C", "N", "S", "Y"]  # A-Z, whatever the sort
    groups = {r.get_text(): r.find_next("ul") for r in az.select(".rubric")}
    # Within a letter, by count: Chips (3) before CON (1).
    assert [li.get_text(" ", strip=True) for li in groups["C"].select("li")][:2] == [
        "Chips (3)", "CON (1)"]
    topics = page.select(".news-cloud a.news-term")
    assert {a.get_text() for a in topics} >= {"Hardware", "Cloud"}
    roles = page.select("section#lists > p a.news-term, p a.news-term")
    texts = [a.get_text() for a in roles]
    assert "CHIPS" in texts and "the chip tag" in texts and "英伟达" in texts
    hrefs = {a.get_text(): a["href"] for a in roles}
    assert hrefs["CHIPS"] == hrefs["the chip tag"] == "tags/chips.html"
    assert hrefs["英伟达"] == "tags/nvidia.html"


def test_drafts_and_future_articles_appear_nowhere(site):
    outdir = Path(site.outdir)
    for path in outdir.rglob("*"):
        # Not even the unpublished pages themselves are written (or their sources).
        assert path.stem.split(".")[0] not in {"secret-draft", "future"}, path
        if not path.is_file():
            continue
        if path.suffix in {".html", ".js", ".txt", ".json", ".xml"}:
            text = path.read_text("utf-8", errors="replace")
            assert "Secret draft headline" not in text, path
            assert "Embargoed future headline" not in text, path
            assert "draftonlytag" not in text and "futureonlytag" not in text, path
    assert not (outdir / "tags/draftonlytag.html").exists()
    assert get_domain(site.env).terms["tags"]["chips"].docnames == ("news/c", "news/b", "news/a")


def test_show_drafts_publishes_them(build_copy):
    app = build_copy("taxonomy", confoverrides={"newsroom_show_drafts": True})
    assert (Path(app.outdir) / "tags/draftonlytag.html").is_file()
    assert "Secret draft headline" in (Path(app.outdir) / "lists.html").read_text("utf-8")


def test_hostile_terms_are_escaped_and_contained(site):
    outdir = Path(site.outdir).resolve()
    written = {p.resolve() for p in outdir.parent.rglob("*")}
    assert all(p.is_relative_to(outdir.parent) for p in written)
    slugs = {t.slug for t in get_domain(site.env).terms["tags"].values()}
    assert {"escape", "con-term", "a-b", "a-b-2"} <= slugs
    assert all(".." not in s and "/" not in s and "\\" not in s for s in slugs)
    for path in outdir.rglob("*.html"):
        text = path.read_text("utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text and "<b>bold" not in text
    page = html(site, "news/hostile")
    assert "<script>alert(\u2018title\u2019)</script> Hostile" in page.h1.get_text()
    assert not [w for w in warnings_of(site) if "hostile" in w]


def test_no_warnings(site):
    assert warnings_of(site) == []


@pytest.mark.sphinx("latex", testroot="taxonomy", freshenv=True)
def test_latex_lists_and_term_links(app):
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    assert r"\renewcommand{\indexname}{Tag index}" in tex
    # A term link reaches the term's own entry in the index.
    link = re.search(r"\\sphinxnewsroomterm\{\\detokenize\{(newsroom-tags-[0-9a-f]+)\}\}\{CHIPS\}",
                     tex)
    assert link is not None
    assert f"\\sphinxnewsroomindexterm{{\\detokenize{{{link.group(1)}}}}}{{Chips}}" in tex
    lists = tex[tex.index(r"\section{Chips since July}"):]
    assert lists.index("Gamma") < lists.index("Beta") < lists.index(r"\end{itemize}")
    assert r"\hyperref[\detokenize{news/c:gamma}]" in lists


USER_PAGES = {
    # A project page that lists articles replaces the generated one without a word.
    "tags/index.md": "# Our tags\n\nHand-picked.\n\n```{tag-index}\n:format: cloud\n```\n",
    # Pages that list nothing keep their place too, with a warning.
    "topics/index.md": "# Our topics\n\nWritten by hand.\n",
    "archive.md": "# Our archive\n\nComing soon.\n",
}


def with_user_pages(build_copy, tmp_path, pages: dict[str, str], first_without=False):
    """Build the taxonomy root with ``pages`` added (``first_without``: after a build
    without them, in the same output folder)."""
    src = tmp_path / "taxonomy"
    shutil.copytree(Path(__file__).parent / "roots" / "test-taxonomy", src)
    if first_without:
        build_copy("taxonomy", src=src)
    for name, text in pages.items():
        (src / name).parent.mkdir(exist_ok=True)
        (src / name).write_text(text, "utf-8")
    index = src / "index.md"
    docnames = "".join(f"{name.removesuffix('.md')}\n" for name in pages)
    index.write_text(index.read_text("utf-8").replace("sources\n", f"sources\n{docnames}"),
                     "utf-8")
    return build_copy("taxonomy", src=src)


def test_project_pages_win_over_generated_ones(build_copy, tmp_path):
    app = with_user_pages(build_copy, tmp_path, USER_PAGES)
    tags = html(app, "tags/index")
    assert tags.h1.get_text().startswith("Our tags")
    # The generated list is there, through the directive.
    assert tags.select_one(".news-cloud a.news-term[rel=tag]") is not None
    assert html(app, "topics/index").h1.get_text().startswith("Our topics")
    assert html(app, "archive").h1.get_text().startswith("Our archive")
    assert html(app, "tags/chips").select_one(".news-article-list") is not None  # others stay
    warnings = warnings_of(app)
    claims = [w for w in warnings if "takes the place of the generated page" in w]
    assert len(claims) == 2, warnings
    assert any("topics/index.md" in w and "[newsroom.page]" in w for w in claims)
    assert any("archive.md" in w and "[newsroom.page]" in w for w in claims)


def test_project_page_added_at_a_term_slug_is_kept(build_copy, tmp_path):
    # The term moves to a suffixed slug; the incremental build must not delete the
    # project's page as the term's old one.
    app = with_user_pages(build_copy, tmp_path, {"tags/chips.md": "# About chips\n"},
                          first_without=True)
    assert (Path(app.outdir) / "tags/chips.html").is_file()
    assert html(app, "tags/chips").h1.get_text().startswith("About chips")
    assert html(app, "tags/chips-2").select_one(".news-article-list") is not None
