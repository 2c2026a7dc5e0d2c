"""The bad-input matrix: every case builds, warns where it is, and loses nothing else.

One site holds every hostile or broken article at once, next to a healthy
one; the build must finish, each problem must be a located ``newsroom``
warning, and the healthy article must be published with all its lists.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import html, warnings_of

XSS = "<script>alert(1)</script>"
CASES: dict[str, str] = {
    "healthy": "---\ntitle: Healthy article\ndate: 2025-07-01T08:00:00+08:00\n"
               "tags: [Chips]\ntopics: [Cloud]\n---\n\nBody.[^1]\n\n## References\n\n"
               "[^1]: Chip wars·Tech Daily·（2025/5/30）\n",
    "malformed-yaml": "---\ntitle: [unclosed\ndate: 2025-01-01\n---\n\nText survives.\n",
    "not-a-mapping": "---\n- just\n- a list\n---\n\nText survives.\n",
    "alias-bomb": "---\na: &a [1,1,1,1,1,1,1,1,1]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi",
                                                                    strict=True))
    + "date: 2025-01-01\n---\n\nText survives.\n",
    "huge": "---\ntitle: Huge\ndate: 2025-01-01\nsummary: " + "x" * 70_000 + "\n---\n\nText.\n",
    "toml": '+++\ntitle = "TOML article"\ndate = 2025-03-04\n+++\n\nTOML body.\n',
    "wrong-types": "---\ntitle: {a: 1}\ndate: [2025]\nlastmod: true\ndraft: 3\n"
                   "summary: [x]\nauthors: {x: 1}\ntags: {a: b}\nfeatured_image: 5\n---\n\nBody.\n",
    "dates-hugo": "---\ntitle: Hugo date\ndate: 2025-07-02T15:40:04+08:00\n---\n\nx\n",
    "dates-dateonly": "---\ntitle: Date only\ndate: 2019-02-06\n---\n\nx\n",
    "dates-loose": "---\ntitle: Loose\ndate: '2019-2-06'\n---\n\nx\n",
    "dates-nocolon": "---\ntitle: No colon\ndate: 2025-07-15T10:00:00-0500\n---\n\nx\n",
    "dates-onedigit": "---\ntitle: One digit hour\ndate: 2025-07-15 9:05\n---\n\nx\n",
    "dates-millis": "---\ntitle: Millis\ndate: 2025-07-15T10:00:00.000Z\n---\n\nx\n",
    "dates-chinese": "---\ntitle: 中文日期\ndate: 2021年10月01日\n---\n\nx\n",
    "dates-bad": "---\ntitle: Bad date\ndate: 'next tuesday'\narticle: true\n---\n\nx\n",
    "tags-string": "---\ntitle: Tags string\ndate: 2025-01-01\ntags: 'a, b，c'\n---\n\nx\n",
    "tags-null": "---\ntitle: Tags null\ndate: 2025-01-01\ntags: ~\n---\n\nx\n",
    "tags-numbers": "---\ntitle: Tags numbers\ndate: 2025-01-01\ntags: [2025, 3.5]\n---\n\nx\n",
    "hostile": f"---\ntitle: \"{XSS} & co\"\ndate: 2025-02-01\nsummary: \"{XSS}\"\n"
               f"tags: [\"{XSS}\", \"../../etc/passwd\", \"CON\", \"\\\\\\\\server\\\\x\"]\n"
               f"topics: [\"<img src=x onerror=alert(2)>\"]\nauthors: [\"{XSS}\"]\n---\n\n"
               f"Body.[^1]\n\n## References\n\n[^1]: {XSS}·<b>Pub</b>·（2025/1/1）\n",
    "crlf": "---\r\ntitle: CRLF article\r\ndate: 2025-04-01\r\ntags: [crlf]\r\n---\r\n\r\n"
            "### Section\r\n\r\nWindows line endings.\r\n",
    "zero-width": "---\ntitle: \"Zero\u200bwidth\"\ndate: 2025-04-02\n"
                  "tags: [\"Ch\u200bips\", \"\u200b\"]\n---\n\nx\n",
    "no-front-matter": "# Plain page\n\nNo front matter at all.\n",
    "only-front-matter": "---\ntitle: Only front matter\ndate: 2025-04-03\n---\n",
    "word-labels": "---\ntitle: Word labels\ndate: 2025-04-04\n---\n\nA[^reuters] B[^ap].\n\n"
                   "## Sources\n\n[^ap]: AP·AP News·（2025/4/1）\n"
                   "[^reuters]: Reuters·Reuters·（2025/4/2）\n",
    "many-tags": "---\ntitle: Three hundred tags\ndate: 2025-04-05\ntags: ["
                 + ", ".join(f"tag{i}" for i in range(300)) + "]\n---\n\nx\n",
    "image-escape": "---\ntitle: Image escape\ndate: 2025-04-06\n"
                    "featured_image: ../../../../etc/hostname\n---\n\nx\n",
    "image-ftp": "---\ntitle: Image ftp\ndate: 2025-04-07\n"
                 "featured_image: ftp://files.example.org/cover.png\n---\n\nx\n",
    "image-data": "---\ntitle: Image data\ndate: 2025-04-08\nfeatured_image: "
                  "'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg=='\n---\n\nx\n",
    "image-file": "---\ntitle: Image file\ndate: 2025-04-09\n"
                  "featured_image: file:///etc/hostname\n---\n\nx\n",
}
#: case -> (warning subtype, line) expected for it (all must be located).
EXPECTED = {
    "malformed-yaml": ("frontmatter", 3),
    "not-a-mapping": ("frontmatter", 2),
    "alias-bomb": ("frontmatter", 2),
    "huge": ("frontmatter", 1),
    "wrong-types": ("field", 2),
    "dates-bad": ("date", 3),
    "zero-width": ("term", 4),
    "image-escape": ("image", 4),
    "image-ftp": ("image", 4),
    "image-data": ("image", 4),
    "image-file": ("image", 4),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from sphinx.testing.util import SphinxTestApp

    src = tmp_path_factory.mktemp("bad") / "src"
    (src / "news").mkdir(parents=True)
    (src / "conf.py").write_text(
        'extensions = ["sphinx_newsroom"]\nproject = "Bad input"\n'
        'html_baseurl = "https://bad.example.org/"\nnewsroom_term_feeds = True\n', "utf-8")
    names = "\n".join(f"news/{name}" for name in CASES)
    (src / "index.md").write_text(
        f"# Bad input\n\n```{{toctree}}\n{names}\nlists\n```\n", "utf-8")
    (src / "lists.md").write_text(
        "# Lists\n\n```{article-list}\n```\n\n```{tag-index}\n```\n\n"
        "```{news-bibliography}\n```\n\n```{article-archive}\n```\n", "utf-8")
    for name, text in CASES.items():
        (src / "news" / f"{name}.md").write_bytes(text.encode("utf-8"))
    before = {p for p in src.parent.rglob("*")}
    app = SphinxTestApp("html", srcdir=src)
    try:
        app.build()
        yield app, src, before
    finally:
        app.cleanup()


def test_build_completes_and_everything_is_published(site):
    app = site[0]
    for name in CASES:
        # draft: 3 is neither true nor false: a draft, so nothing is published by mistake.
        written = (Path(app.outdir) / "news" / f"{name}.html").is_file()
        assert written == (name != "wrong-types"), name
    lists = html(app, "lists")
    assert "Healthy article" in lists.select_one("ul.news-article-list").get_text()
    assert "Chip wars" in lists.select_one("ol.news-bibliography").get_text()
    assert "Text survives." in html(app, "news/malformed-yaml").get_text()


def test_each_problem_is_a_located_newsroom_warning(site):
    app, _, _ = site
    warnings = warnings_of(app)
    for name, (subtype, line) in EXPECTED.items():
        located = [w for w in warnings if f"news/{name}.md:{line}: WARNING:" in w
                   and f"[newsroom.{subtype}]" in w]
        assert located, (name, [w for w in warnings if name in w])
    # Every warning of ours names its file (and line, except config warnings).
    for warning in warnings:
        if "[newsroom." in warning:
            assert re.search(r"\.md:\d+: WARNING", warning), warning


@pytest.mark.parametrize(("name", "reason"), [
    ("image-ftp", "browsers cannot load ftp: images"),
    ("image-data", "data: URIs are not shown"),
    ("image-file", "only http: and https: URLs are shown"),
])
def test_an_image_url_that_cannot_be_shown_is_refused_saying_why(site, name, reason):
    app = site[0]
    said = [w for w in warnings_of(app) if f"news/{name}.md:4: WARNING:" in w]
    assert len(said) == 1 and reason in said[0] and "[newsroom.image]" in said[0], said
    assert html(app, f"news/{name}").select(".news-meta img") == []
    assert "x" in html(app, f"news/{name}").select_one("div.body").get_text()


def test_dates_in_every_real_form(site):
    from sphinx_newsroom.domain import get_domain

    articles = get_domain(site[0].env).articles
    expected = {
        "dates-hugo": "2025-07-02T15:40:04+08:00",
        "dates-dateonly": "2019-02-06T00:00:00+00:00",
        "dates-loose": "2019-02-06T00:00:00+00:00",
        "dates-nocolon": "2025-07-15T10:00:00-05:00",
        "dates-onedigit": "2025-07-15T09:05:00+00:00",
        "dates-millis": "2025-07-15T10:00:00+00:00",
        "dates-chinese": "2021-10-01T00:00:00+00:00",
    }
    for name, iso in expected.items():
        assert articles[f"news/{name}"].date.isoformat() == iso, name
    assert articles["news/dates-bad"].date is None


def test_term_forms(site):
    from sphinx_newsroom.domain import get_domain

    articles = get_domain(site[0].env).articles
    assert articles["news/tags-string"].terms_of("tags") == ("a", "b", "c")
    assert articles["news/tags-null"].terms_of("tags") == ()
    assert articles["news/tags-numbers"].terms_of("tags") == ("2025", "3.5")
    assert articles["news/zero-width"].terms_of("tags") == ("Chips",)
    assert articles["news/zero-width"].title == "Zero\u200bwidth"
    assert len(articles["news/many-tags"].terms_of("tags")) == 300
    assert articles["news/crlf"].title == "CRLF article"
    assert [s.label for s in articles["news/word-labels"].sources] == ["reuters", "ap"]
    assert articles["news/only-front-matter"].title == "Only front matter"


def test_nothing_unescaped_reaches_any_output(site):
    app, _, _ = site
    outdir = Path(app.outdir)
    for path in outdir.rglob("*"):
        if path.suffix == ".html":
            text = path.read_text("utf-8")
            assert XSS not in text and "<img src=x" not in text and "<b>Pub" not in text, path
            soup = BeautifulSoup(text, "html.parser")
            for script in soup.select('script[type="application/ld+json"]'):
                data = json.loads(script.string)
                assert "</script" not in script.string
                assert isinstance(data, dict)
        elif path.suffix == ".xml":
            import xml.etree.ElementTree as ET

            ET.fromstring(path.read_bytes())  # well-formed, whatever the titles held
    hostile = html(app, "news/hostile")
    assert XSS in hostile.h1.get_text()  # shown as text, not run


def test_nothing_is_written_outside_the_output_folder(site):
    app, src, before = site
    after = {p for p in src.parent.rglob("*")}
    build = Path(app.outdir).parent
    new = {p for p in after - before if not p.is_relative_to(build)}
    assert new == set(), sorted(map(str, new))[:5]
    for path in Path(app.outdir).rglob("*"):
        assert path.resolve().is_relative_to(Path(app.outdir).resolve())


def test_hostile_terms_have_safe_pages(site):
    from sphinx_newsroom.domain import get_domain

    terms = get_domain(site[0].env).terms["tags"]
    for term in terms.values():
        assert ".." not in term.slug and "/" not in term.slug and "\\" not in term.slug
        page = Path(site[0].outdir) / f"{term.page}.html"
        assert page.resolve().is_relative_to(Path(site[0].outdir).resolve())


@pytest.mark.parametrize("builder", ["latex", "text"])
def test_other_formats_survive_hostile_input(site, make_app, tmp_path, builder):
    import shutil

    src = tmp_path / "src"
    shutil.copytree(site[1], src, ignore=shutil.ignore_patterns("_build"))
    app = make_app(builder, srcdir=src)
    app.build()
    if builder == "latex":
        tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
        assert r"\textless{}script\textgreater{}alert(1)" in tex
