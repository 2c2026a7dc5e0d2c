"""Open Graph, Twitter card and schema.org NewsArticle metadata of article pages."""

from __future__ import annotations

import importlib.util
import json
import shutil
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import html, warnings_of

from sphinx_newsroom.domain import get_domain
from sphinx_newsroom.html.seo import HEADLINE_LENGTH, headline, og_locale, script_json

SITE = "https://news.example.org/"
TITLE = "OpenAI转向TPU：重塑AI算力版图的战略棋局"
SUMMARY = "OpenAI首次大规模采用谷歌TPU芯片，旨在降低推理成本。"
HOSTILE = '</script><script>alert(1)</script> & "quotes"'
#: Keys this extension (or sphinxext-opengraph) may write; the theme's own are not checked.
OURS = ("og:", "article:", "twitter:", "description", "robots")
#: Open Graph arrays: the same property once per value.
REPEATABLE = {"article:author", "article:tag"}


def variant(rootdir: Path, tmp_path: Path, extra_conf: str) -> Path:
    """A copy of the seo root whose conf.py ends with ``extra_conf``."""
    src = tmp_path / "seo-variant"
    shutil.copytree(rootdir / "test-seo", src)
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\n" + extra_conf + "\n")
    return src


def metas(page) -> list[tuple[str, str]]:
    """(property or name, content) of every <meta> in the head, in order."""
    return [(m.get("property") or m.get("name"), m.get("content"))
            for m in page.head.find_all("meta") if m.get("property") or m.get("name")]


def meta(page, key: str) -> str | None:
    values = [content for name, content in metas(page) if name == key]
    assert len(values) <= 1, f"{key} repeated: {values}"
    return values[0] if values else None


def ld_scripts(page):
    return page.find_all("script", type="application/ld+json")


def json_ld(page) -> dict:
    scripts = ld_scripts(page)
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def assert_no_duplicates(page) -> None:
    tags = [tag for tag in metas(page) if tag[0].startswith(OURS)]
    counts = Counter(name for name, _ in tags if name not in REPEATABLE)
    assert [name for name, n in counts.items() if n > 1] == []
    pairs = Counter(tag for tag in tags if tag[0] in REPEATABLE)
    assert [tag for tag, n in pairs.items() if n > 1] == []


@pytest.fixture
def site(build_copy):
    return build_copy("seo")


def test_open_graph_and_twitter_tags(site):
    page = html(site, "news/tpu")
    image = f"{SITE}_images/cover%20tpu.png"
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:title") == TITLE
    assert meta(page, "og:description") == SUMMARY
    assert meta(page, "og:url") == f"{SITE}news/tpu.html"
    assert meta(page, "og:image") == image
    assert meta(page, "og:locale") == "zh_CN"
    assert meta(page, "og:site_name") == "Compute Watch"
    assert meta(page, "article:published_time") == "2025-07-02T15:40:04+08:00"
    assert meta(page, "article:modified_time") == "2025-07-03T09:00:00+08:00"
    tags = metas(page)
    assert [c for n, c in tags if n == "article:author"] == ["张三", "李四"]
    assert [c for n, c in tags if n == "article:tag"] == ["OpenAI", "Google TPU", "算力"]
    assert meta(page, "article:section") == "算力与芯片"
    assert meta(page, "twitter:card") == "summary_large_image"
    assert meta(page, "twitter:title") == meta(page, "og:title")
    assert meta(page, "twitter:description") == meta(page, "og:description")
    assert meta(page, "twitter:image") == image
    # Open Graph uses property=, Twitter uses name=.
    assert page.head.find("meta", property="og:title")
    assert page.head.find("meta", attrs={"name": "twitter:card"})
    assert_no_duplicates(page)  # setup_seo ran twice: still one set of tags
    assert warnings_of(site) == []


def test_json_ld_matches_front_matter(site):
    data = json_ld(html(site, "news/tpu"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == TITLE
    assert data["datePublished"] == "2025-07-02T15:40:04+08:00"
    assert data["dateModified"] == "2025-07-03T09:00:00+08:00"
    # Each author links to their page here (authors/<slug>.html).
    assert data["author"] == [
        {"@type": "Person", "name": "张三", "url": f"{SITE}authors/%E5%BC%A0%E4%B8%89.html"},
        {"@type": "Person", "name": "李四", "url": f"{SITE}authors/%E6%9D%8E%E5%9B%9B.html"}]
    assert data["keywords"] == ["OpenAI", "Google TPU", "算力", "算力与芯片", "产业生态与商业版图"]
    assert data["articleSection"] == ["算力与芯片", "产业生态与商业版图"]
    assert data["description"] == SUMMARY
    assert data["inLanguage"] == "zh-CN"
    assert data["mainEntityOfPage"]["@id"] == f"{SITE}news/tpu.html"
    assert data["publisher"] == {
        "@type": "Organization", "name": "Compute Watch", "url": SITE,
        "logo": {"@type": "ImageObject", "url": f"{SITE}logo.png"},
    }
    [image] = data["image"]
    assert image.startswith(SITE)
    copied = Path(site.outdir) / unquote(urlsplit(image).path).lstrip("/")
    assert copied.is_file() and copied.read_bytes().startswith(b"\x89PNG")


def test_hostile_values_cannot_break_out(site):
    page = html(site, "news/hostile")
    raw = (Path(site.outdir) / "news/hostile.html").read_text("utf-8")
    head = raw[: raw.index("</head>")]
    [script] = ld_scripts(page)
    body = script.string
    assert "</script" not in body.lower() and "<!--" not in body and "&" not in body
    data = json.loads(body)
    assert data["headline"] == HOSTILE
    assert data["description"] == "</script><!-- <b>bold</b> & 'single'"
    assert data["author"] == [{"@type": "Person", "name": "</script>Eve",
                               "url": f"{SITE}authors/script-eve.html"}]
    assert data["image"] == ["https://cdn.example.com/a.png?x=1&y=</script>"]
    # Attribute values round-trip through an HTML parser unchanged.
    assert meta(page, "og:title") == HOSTILE and meta(page, "twitter:title") == HOSTILE
    assert meta(page, "og:image") == "https://cdn.example.com/a.png?x=1&y=</script>"
    # Only the theme's own script elements and ours: nothing injected.
    assert head.count("<script") == len(page.head.find_all("script"))
    assert "alert(1)</script>" not in head.replace("&lt;/script&gt;", "")
    # An English article on a Chinese site says so.
    assert meta(page, "og:locale") == "en_US" and data["inLanguage"] == "en"


@pytest.mark.parametrize(("tag", "expected"), [
    ("zh-CN", "zh_CN"), ("zh_CN", "zh_CN"), ("en", "en_US"), ("de", "de_DE"),
    ("zh-Hant", "zh_TW"), ("pt-PT", "pt_PT"), ("xx-unknown", "xx_unknown"),
])
def test_og_locale_is_language_and_territory(tag, expected):
    assert og_locale(tag) == expected


def test_script_json_escapes():
    text = script_json({"a": "</script>\u2028\u2029&<!--"})
    assert all(c not in text for c in "<>&\u2028\u2029")
    assert json.loads(text) == {"a": "</script>\u2028\u2029&<!--"}


def test_headline_is_truncated():
    long = "长" * 200
    assert len(headline(long)) == HEADLINE_LENGTH and headline(long).endswith("…")
    assert headline("short") == "short"


def test_non_article_pages_get_nothing(site):
    for docname in ("index", "about", "genindex"):
        page = html(site, docname)
        keys = {name for name, _ in metas(page)}
        assert not {k for k in keys if k.startswith(("og:", "article:", "twitter:"))}, docname
        assert ld_scripts(page) == []


def test_drafts_keep_metadata(build_copy):
    """Reviewed with newsroom_show_drafts (a production build writes no draft page)."""
    site = build_copy("seo", confoverrides={"newsroom_show_drafts": True})
    page = html(site, "news/draft")
    assert meta(page, "robots") == "noindex, nofollow"
    assert json_ld(page)["datePublished"] == "2025-06-01T10:00:00+02:00"
    assert meta(page, "twitter:card") == "summary"  # no image


def test_switched_off(build_copy):
    app = build_copy("seo", confoverrides={"newsroom_social_meta": False})
    page = html(app, "news/tpu")
    assert not [n for n, _ in metas(page) if n.startswith(("og:", "article:", "twitter:"))]
    assert ld_scripts(page) == []


def test_without_site_url(rootdir, tmp_path, make_app):
    src = variant(rootdir, tmp_path, 'html_baseurl = ""')
    app = make_app("html", srcdir=src)
    app.build()
    page = html(app, "news/tpu")
    assert meta(page, "og:url") is None and meta(page, "og:image") is None
    assert meta(page, "twitter:image") is None and meta(page, "twitter:card") == "summary"
    data = json_ld(page)
    assert "image" not in data and "mainEntityOfPage" not in data and "url" not in data
    assert meta(page, "og:title") and data["headline"]
    # A remote image is absolute already.
    hostile = html(app, "news/hostile")
    assert meta(hostile, "og:image") == "https://cdn.example.com/a.png?x=1&y=</script>"


def test_dirhtml_urls(build_copy):
    app = build_copy("seo", builder="dirhtml")
    page = html(app, "news/tpu/index")
    assert meta(page, "og:url") == f"{SITE}news/tpu/"
    image = json_ld(page)["image"][0]
    assert (Path(app.outdir) / unquote(urlsplit(image).path).lstrip("/")).is_file()


@pytest.mark.skipif(importlib.util.find_spec("sphinxext.opengraph") is None,
                    reason="sphinxext-opengraph is not installed")
@pytest.mark.parametrize("loaded_by", ["conf", "another extension"])
def test_coexists_with_sphinxext_opengraph(rootdir, tmp_path, make_app, loaded_by):
    if loaded_by == "conf":
        # Listed first so its html-page-context handler is registered before ours.
        load = 'extensions = ["sphinxext.opengraph", *extensions]'
    else:
        # A theme or bundle extension that sets opengraph up itself: it is
        # then in no ``extensions`` list, and must be found all the same.
        load = "\n".join([
            "import sys, pathlib",
            "sys.path.insert(0, str(pathlib.Path(__file__).parent))",
            'extensions = ["bundle_ext", *extensions]',
        ])
    src = variant(rootdir, tmp_path, "\n".join([
        load,
        f'ogp_site_url = "{SITE}"',
        "ogp_social_cards = {'enable': False}",
        # A tag our handler would also write: must not appear twice.
        'ogp_custom_meta_tags = [\'<meta name="twitter:card" content="summary" />\']',
    ]))
    (src / "bundle_ext.py").write_text(
        "def setup(app):\n"
        "    app.setup_extension('sphinxext.opengraph')\n"
        "    return {'parallel_read_safe': True}\n", encoding="utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    assert "sphinxext.opengraph" in app.extensions
    page = html(app, "news/tpu")
    assert_no_duplicates(page)
    assert meta(page, "og:title") and meta(page, "og:url") == f"{SITE}news/tpu.html"
    # sphinxext-opengraph writes the og: tags, fed with the article's type and
    # summary through per-page metadata (else it would describe the panel's labels).
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:description").startswith(
        get_domain(app.env).articles["news/tpu"].summary[:20])
    assert meta(page, "og:locale") is None  # no og:* of ours at all
    assert meta(page, "twitter:card") == "summary"  # the custom one, kept
    assert meta(page, "article:published_time") == "2025-07-02T15:40:04+08:00"
    assert meta(page, "twitter:image") == f"{SITE}_images/cover%20tpu.png"
    assert json_ld(page)["headline"] == TITLE
    for docname in ("news/hostile", "about"):
        assert_no_duplicates(html(app, docname))
    assert not (Path(app.outdir) / "news" / "draft.html").exists()
