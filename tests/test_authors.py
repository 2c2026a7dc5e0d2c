"""Author pages: a page per author, bylines linked to it, Persons in the metadata and feeds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOTS, html, warnings_of

from sphinx_newsroom.model.authors import (
    AuthorEntry,
    near_duplicates,
    read_authors_text,
    read_entries,
)
from sphinx_newsroom.model.terms import term_key

SITE = "https://bylines.example.org/"


@pytest.fixture
def site(build_copy):
    return build_copy("authors", freshenv=True)


def ld(page) -> dict:
    return json.loads(page.select_one('script[type="application/ld+json"]').string)


def test_each_published_author_has_a_page(site):
    out = Path(site.outdir)
    pages = sorted(p.name for p in (out / "authors").glob("*.html"))
    assert pages == ["index.html", "jane-doe.html", "jroe.html", "wei-zhang.html"]
    jane = html(site, "authors/jane-doe")
    assert jane.select_one("h1").get_text().rstrip("¶") == "Jane Doe"
    listed = [a.get_text() for a in jane.select(".news-article-list .news-list-title a")]
    # The embargoed article Jane Doe co-wrote is not listed.
    assert listed == ["Power prices climb", "Chip shortage eases"]
    # An author with no entry (Wei Zhang) still has a page; jroe is shown by the entry's name.
    assert html(site, "authors/wei-zhang").select_one("h1").get_text().rstrip("¶") == "Wei Zhang"
    assert html(site, "authors/jroe").select_one("h1").get_text().rstrip("¶") == "John Roe"
    overview = html(site, "authors/index")
    assert [a.get_text() for a in overview.select("a.news-author-link")] == [
        "Jane Doe", "John Roe", "Wei Zhang"]
    assert warnings_of(site) == []


def test_the_profile_is_escaped_and_safe(site):
    jane = html(site, "authors/jane-doe")
    profile = jane.select_one(".news-author-profile")
    assert profile.select_one("img.news-author-photo")["src"] == "../_static/jane.png"
    bio = profile.select_one(".news-author-bio")
    assert bio.get_text() == "Covers chips <b>and</b> cloud & power. <script>alert(1)</script>"
    assert bio.select("b, script") == []
    assert [(a.get_text(), a["href"]) for a in profile.select(".news-author-links a")] == [
        ("Website", "https://jane.example.com/")]


def test_drafts_and_embargoes_make_no_author_page(site):
    out = Path(site.outdir)
    assert not (out / "authors/secret-writer.html").exists()
    assert not (out / "authors/future-writer.html").exists()
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".js", ".txt"} \
                and "_sources" not in path.parts and path.name not in {
                    "draft.html", "future.html"}:
            text = path.read_text("utf-8", errors="replace")
            assert "Secret Writer" not in text and "Future Writer" not in text, path


def test_bylines_link_to_the_author_pages(site):
    page = html(site, "news/chips")
    links = page.select(".news-meta-authors a")
    assert [(a.get_text(), a["href"], a["rel"]) for a in links] == [
        ("Jane Doe", "../authors/jane-doe.html", ["author"]),
        ("John Roe", "../authors/jroe.html", ["author"])]


def test_json_ld_authors_are_persons_with_url_and_same_as(site):
    data = ld(html(site, "news/chips"))
    assert data["author"] == [
        {"@type": "Person", "name": "Jane Doe", "url": f"{SITE}authors/jane-doe.html",
         "image": f"{SITE}_static/jane.png",
         "sameAs": ["https://mastodon.example/@jane", "https://www.wikidata.org/wiki/Q42"]},
        {"@type": "Person", "name": "John Roe", "url": f"{SITE}authors/jroe.html"}]


def test_feeds_carry_the_author_page(site):
    out = Path(site.outdir)
    atom = (out / "atom.xml").read_text("utf-8")
    assert f"<name>John Roe</name>\n      <uri>{SITE}authors/jroe.html</uri>" in atom
    feed = json.loads((out / "feed.json").read_text("utf-8"))
    chips = next(i for i in feed["items"] if i["title"] == "Chip shortage eases")
    assert chips["authors"][0] == {"name": "Jane Doe", "url": f"{SITE}authors/jane-doe.html",
                                   "avatar": f"{SITE}_static/jane.png"}
    # Term feeds are on: each author has feeds of their own.
    own = json.loads((out / "authors/jane-doe.feed.json").read_text("utf-8"))
    assert [i["title"] for i in own["items"]] == ["Power prices climb", "Chip shortage eases"]
    sitemap = (out / "sitemap.xml").read_text("utf-8")
    assert f"{SITE}authors/jane-doe.html" in sitemap and f"{SITE}authors/index.html" in sitemap


def test_latex_bylines_are_plain_text(build_copy):
    app = build_copy("authors", "latex", freshenv=True)
    tex = (Path(app.outdir) / "bylines.tex").read_text("utf-8")
    assert r"\textbf{By} \DUrole{news-author}{Jane Doe, John Roe}\par" in tex
    assert r"\sphinxnewsroomterm{authors}" not in tex
    assert warnings_of(app) == []


def test_author_pages_can_be_turned_off(build_copy):
    app = build_copy("authors", freshenv=True, confoverrides={"newsroom_author_pages": False})
    assert not (Path(app.outdir) / "authors").exists()
    byline = html(app, "news/chips").select_one(".news-meta-authors .news-author")
    assert byline.select("a") == [] and byline.get_text() == "Jane Doe, John Roe"
    assert "url" not in ld(html(app, "news/chips"))["author"][0]


def variant(tmp_path: Path, conf: str = "", files: dict[str, str] | None = None) -> Path:
    src = tmp_path / f"authors-{len(list(tmp_path.iterdir()))}"
    shutil.copytree(ROOTS / "test-authors", src)
    with (src / "conf.py").open("a", encoding="utf-8") as handle:
        handle.write(conf)
    for name, text in (files or {}).items():
        (src / name).write_text(text, "utf-8")
    return src


def build(make_app, src: Path, builder: str = "html"):
    app = make_app(builder, srcdir=src, freshenv=True)
    app.build()
    return app


def test_a_mapping_in_conf_py_works_like_the_file(make_app, tmp_path):
    src = variant(tmp_path, 'newsroom_authors = {"Wei Zhang": {"name": "张伟", '
                  '"sameAs": "https://weizhang.example.org/"}}\n')
    app = build(make_app, src)
    assert html(app, "authors/wei-zhang").select_one("h1").get_text().rstrip("¶") == "张伟"
    assert ld(html(app, "news/markets"))["author"] == [
        {"@type": "Person", "name": "张伟", "url": f"{SITE}authors/wei-zhang.html",
         "sameAs": ["https://weizhang.example.org/"]}]
    assert warnings_of(app) == []


def test_an_authors_taxonomy_names_more_keys_of_the_field(make_app, tmp_path):
    src = variant(tmp_path, 'newsroom_taxonomies = {"tags": ["tags"], "authors": ["byline"]}\n',
                  {"news/markets.md": "---\ntitle: Markets steady\ndate: 2025-06-06\n"
                   "byline: Ann Lee\n---\n\nMarkets body.\n"})
    app = build(make_app, src)
    assert (Path(app.outdir) / "authors/ann-lee.html").is_file()
    assert warnings_of(app) == []


BROKEN_FILES = {
    "missing": ("newsroom_authors = 'nowhere.yml'\n", {},
                ["conf.py:1: WARNING: newsroom_authors: cannot read the authors file "
                 "'nowhere.yml'"]),
    "yaml": ("", {"authors.yml": "Jane Doe:\n  bio: [unclosed\n"},
             ["authors.yml:3: WARNING: the authors file is not valid YAML"]),
    "json": ("newsroom_authors = 'authors.json'\n", {"authors.json": '{"Jane Doe": {\n'},
             ["authors.json:2: WARNING: the authors file is not valid JSON"]),
    "types": ("", {"authors.yml": "Jane Doe:\n  bio: 7\n  photo: javascript:alert(1)\n"
                                  "  links: [ftp://files.example/, https://ok.example/]\n"
                                  "  sameAs: {a: b}\n  email: j@example.com\n"
                                  "jroe: just text\n"},
              ["authors.yml:1: WARNING: author 'Jane Doe': unknown key 'email' ignored",
               "authors.yml:1: WARNING: author 'Jane Doe': bio must be text, got int; ignored",
               "authors.yml:1: WARNING: author 'Jane Doe': photo 'javascript:alert(1)' is "
               "neither an http(s) URL nor a path in the site; ignored",
               "authors.yml:1: WARNING: author 'Jane Doe': link 'ftp://files.example/' is not "
               "an http(s) URL; ignored",
               "authors.yml:1: WARNING: author 'Jane Doe': sameAs must be a URL or a list of "
               "URLs, got dict; ignored",
               "authors.yml:7: WARNING: author 'jroe': expected a mapping of name, bio, photo, "
               "links, sameAs, got str; entry ignored"]),
    "not a mapping": ("", {"authors.yml": "- Jane Doe\n"},
                      ["authors.yml:1: WARNING: the authors must be a mapping of names to "
                       "entries, got list; ignored"]),
}


@pytest.mark.parametrize("case", sorted(BROKEN_FILES))
def test_authors_file_problems_are_located_warnings(make_app, tmp_path, case):
    conf, files, expected = BROKEN_FILES[case]
    app = build(make_app, variant(tmp_path, conf, files))
    got = warnings_of(app)
    assert len(got) == len(expected), got
    for line, start in zip(sorted(got), sorted(expected), strict=True):
        path, _, rest = start.partition(":")
        assert f"{path}:" in line and line.split(f"{path}:", 1)[1].startswith(rest), (line, start)
        assert "[newsroom.author]" in line
    # The rest publishes: every author still has a page.
    assert (Path(app.outdir) / "authors/jane-doe.html").is_file()
    page = (Path(app.outdir) / "authors/jane-doe.html").read_text("utf-8")
    assert "javascript:" not in page and "ftp://" not in page


def test_a_misspelt_author_is_a_located_warning(make_app, tmp_path):
    files = {
        "news/typo.md": "---\ntitle: Typo\ndate: 2025-06-08\ntags: [Chips]\n"
                        "author: Jane Deo\n---\n\nTypo body.\n",
        "news/case.md": "---\ntitle: Case\ndate: 2025-06-09\nauthors:\n  - jane doe\n---\n\n"
                        "Case body.\n",
        "news/accent1.md": "---\ntitle: Accent one\ndate: 2025-06-10\nauthor: José Díaz\n---\n"
                           "\nOne.\n",
        "news/accent2.md": "---\ntitle: Accent two\ndate: 2025-06-11\nauthor: José Díaz\n---\n"
                           "\nTwo.\n",
        "news/accent3.md": "---\ntitle: Accent three\ndate: 2025-06-12\nauthor: Jose Diaz\n"
                           "---\n\nThree.\n",
    }
    app = build(make_app, variant(tmp_path, "", files))
    got = sorted(warnings_of(app))
    assert len(got) == 3, got
    accent, case, typo = got
    assert "news/accent3.md:4: WARNING: author 'Jose Diaz' looks like a misspelling of " \
           "'José Díaz'" in accent
    assert "news/case.md:4: WARNING: author 'jane doe' is written 'Jane Doe' in 2 other " \
           "article(s); both are shown as 'Jane Doe'" in case
    assert "news/typo.md:5: WARNING: author 'Jane Deo' looks like a misspelling of " \
           "'Jane Doe'; it has a page of its own (authors/jane-deo)" in typo
    assert all("[newsroom.author]" in line for line in got)
    # A case difference is one author: one page, three articles.
    jane = html(app, "authors/jane-doe")
    assert len(jane.select(".news-article-list > li")) == 3


def test_two_people_with_entries_are_not_misspellings():
    counts = {term_key("Jon Smithe"): 3, term_key("John Smithe"): 1}
    assert near_duplicates(counts) == [(term_key("John Smithe"), term_key("Jon Smithe"))]
    assert near_duplicates(counts, known=counts) == []
    # Short names (Chinese ones above all) are not compared letter by letter.
    assert near_duplicates({"王伟": 2, "王玮": 1, "li na": 1, "li ma": 1}) == []
    # Accents are compared whatever the length.
    assert near_duplicates({"zoë": 1, "zoe": 3}) == [("zoë", "zoe")]
    # One transposition, one letter more: both one edit.
    assert near_duplicates({"jane doe": 3, "jane deo": 1, "jane does": 1}) == [
        ("jane deo", "jane doe"), ("jane does", "jane doe")]


def test_read_entries_keeps_good_values():
    entries, problems = read_entries({
        "Jane Doe": {"name": " Jane  Doe ", "photo": "img/jane.png",
                     "links": [{"title": "Site", "url": "https://j.example/"},
                               "https://www.mastodon.example/@j"],
                     "sameAs": "https://j.example/"},
        "": {"bio": "nameless"},
        "x": {"photo": "../../etc/passwd"},
        "y": {"photo": "data:image/png;base64,AAAA"},
    })
    assert entries[term_key("Jane Doe")] == AuthorEntry(
        name="Jane Doe", photo="/img/jane.png",
        links=(("Site", "https://j.example/"), ("mastodon.example", "https://www.mastodon.example/@j")),
        same_as=("https://j.example/",))
    assert entries["x"].photo == "" and entries["y"].photo == ""
    assert [p.message.split(":")[0] for p in problems] == ["author ''", "author 'x'",
                                                           "author 'y'"]


def test_read_authors_text_lines():
    data, lines, problems = read_authors_text("# people\nJane Doe:\n  bio: b\njroe: {}\n",
                                              "authors.yaml")
    assert problems == [] and lines == {"Jane Doe": 2, "jroe": 4}
    assert data == {"Jane Doe": {"bio": "b"}, "jroe": {}}
    data, lines, problems = read_authors_text('{\n  "Jane Doe": {},\n  "jroe": {}\n}',
                                              "authors.json")
    assert problems == [] and lines == {"Jane Doe": 2, "jroe": 3}
    assert data == {"Jane Doe": {}, "jroe": {}}


def test_an_author_page_paginates_like_a_term_page(build_copy):
    app = build_copy("authors", freshenv=True, confoverrides={"newsroom_page_size": 1})
    first = html(app, "authors/jane-doe")
    second = html(app, "authors/jane-doe/page/2")
    assert [a.get_text() for a in first.select(".news-list-title a")] == ["Power prices climb"]
    assert [a.get_text() for a in second.select(".news-list-title a")] == ["Chip shortage eases"]
    assert second.select_one("h1").get_text().rstrip("¶") == "Jane Doe (page 2)"
    assert second.select_one('head link[rel="prev"]')["href"] == "../../jane-doe.html"
    assert warnings_of(app) == []
