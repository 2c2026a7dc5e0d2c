"""Versions of one article in other languages: panel links, hreflang, sitemap, warnings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOTS, html, warnings_of
from lxml import etree

from sphinx_newsroom.model.translations import (
    Version,
    is_language_tag,
    language_name,
    resolve_target,
    versions,
)

SCHEMAS = Path(__file__).parent / "schemas"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
BASE = "https://world.example.org/"


def hreflang(page) -> list[tuple[str, str]]:
    return [(link["hreflang"], link["href"])
            for link in page.select('head link[rel="alternate"][hreflang]')]


def json_ld(page) -> dict:
    return json.loads(page.select_one('script[type="application/ld+json"]').string)


def meta(page, key: str) -> list[str]:
    return [m["content"] for m in page.select(f'meta[property="{key}"]')]


@pytest.fixture
def site(make_app, tmp_path):
    def build(extra: dict[str, str] | None = None, **overrides):
        src = tmp_path / f"src-{len(list(tmp_path.iterdir()))}"
        shutil.copytree(ROOTS / "test-translations", src)
        for name, text in (extra or {}).items():
            (src / name).write_text(text, "utf-8")
        app = make_app("html", srcdir=src, freshenv=True, confoverrides=overrides)
        app.build()
        return app
    return build


AI = [("en", BASE + "news/ai.html"), ("zh-Hans", BASE + "news/ai-zh.html"),
      ("x-default", BASE + "news/ai.html")]


def test_versions_link_each_other_reciprocally(site):
    app = site()
    assert warnings_of(app) == []
    english, chinese = html(app, "news/ai"), html(app, "news/ai-zh")
    # Every version lists every version, itself included, and x-default (English).
    assert hreflang(english) == AI == hreflang(chinese)
    also = english.select_one(".news-meta-translations")
    assert also.select_one(".news-meta-label").get_text() == "Also in"
    link = also.select_one("a")
    assert link.get_text() == "中文 (简体)" and link["href"] == "ai-zh.html#ai"
    assert chinese.select_one(".news-meta-translations a").get_text() == "English"
    # A translations: mapping (a path relative to the article, one from the source root).
    assert hreflang(html(app, "news/chips")) == [
        ("en", BASE + "news/chips.html"), ("zh", BASE + "news/chips-zh.html"),
        ("x-default", BASE + "news/chips.html")]
    assert hreflang(html(app, "news/chips-zh")) == hreflang(html(app, "news/chips"))
    alone = html(app, "news/alone")
    assert hreflang(alone) == [] and alone.select_one(".news-meta-translations") is None


def test_the_language_shows_in_html_lang_json_ld_and_open_graph(site):
    app = site()
    chinese, english = html(app, "news/ai-zh"), html(app, "news/ai")
    assert chinese.html["lang"] == "zh-Hans" and english.html["lang"] == "en"
    assert json_ld(chinese)["inLanguage"] == "zh-Hans"
    assert json_ld(english)["inLanguage"] == "en"
    assert meta(chinese, "og:locale") == ["zh_CN"]
    assert meta(chinese, "og:locale:alternate") == ["en_US"]
    assert meta(english, "og:locale:alternate") == ["zh_CN"]
    feed = json.loads((Path(app.outdir) / "feed.json").read_text("utf-8"))
    schema = json.loads((SCHEMAS / "jsonfeed-1.1.schema.json").read_text("utf-8"))
    jsonschema.validate(feed, schema, format_checker=jsonschema.FormatChecker())
    by_url = {item["url"]: item for item in feed["items"]}
    assert by_url[BASE + "news/ai-zh.html"]["language"] == "zh-Hans"
    assert "language" not in by_url[BASE + "news/ai.html"]  # the feed's own: en


def test_the_sitemap_lists_every_version_of_each_url(site):
    app = site()
    root = etree.parse(str(Path(app.outdir) / "sitemap.xml"))
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap-with-xhtml.xsd")))
    assert schema.validate(root), schema.error_log
    links = {url.findtext(f"{SM}loc"): [(link.get("hreflang"), link.get("href"))
                                        for link in url.iter(f"{XHTML}link")]
             for url in root.iter(f"{SM}url")}
    assert links[BASE + "news/ai.html"] == AI == links[BASE + "news/ai-zh.html"]
    assert links[BASE + "news/alone.html"] == []


def test_no_x_default_unless_configured(site):
    app = site(newsroom_hreflang_default="")
    assert [tag for tag, _ in hreflang(html(app, "news/ai"))] == ["en", "zh-Hans"]


ONE_WAY = """---
title: One way
date: 2025-07-04
translations:
  fr: one-way-fr
---

Text.
"""
ONE_WAY_FR = """---
title: Sens unique
date: 2025-07-04
language: fr
---

Texte.
"""
DANGLING = """---
title: Dangling
date: 2025-07-05
translations:
  de: nowhere.md
---

Text.
"""
TO_DRAFT = """---
title: Public side
date: 2025-07-06
translation_key: drafted
---

Text.
"""
DRAFT = """---
title: 草稿
date: 2025-07-06
draft: true
orphan: true
language: zh
translation_key: drafted
translations:
  en: to-draft
---

草稿。
"""
POINTS_AT_DRAFT = """---
title: Points at the draft
date: 2025-07-07
translations:
  zh: draft-zh
---

Text.
"""
BAD_LANGUAGE = """---
title: Bad language
date: 2025-07-08
language: English (UK)
---

Text.
"""


def test_one_way_dangling_and_unpublished_targets_are_located_warnings(site):
    index = (ROOTS / "test-translations" / "index.md").read_text("utf-8").replace(
        "news/alone\n", "news/alone\nnews/one-way\nnews/one-way-fr\nnews/dangling\n"
        "news/to-draft\nnews/points\nnews/bad\n")
    app = site({"index.md": index, "news/one-way.md": ONE_WAY, "news/one-way-fr.md": ONE_WAY_FR,
                "news/dangling.md": DANGLING, "news/to-draft.md": TO_DRAFT,
                "news/draft-zh.md": DRAFT, "news/points.md": POINTS_AT_DRAFT,
                "news/bad.md": BAD_LANGUAGE})
    warnings = [w.split("/news/", 1)[-1] for w in warnings_of(app)]
    assert sorted(warnings) == sorted([
        "bad.md:4: WARNING: 'language': 'English (UK)' is no BCP 47 language tag (such as "
        "'en', 'zh-Hans' or 'pt-BR'); the article is read in the site's language "
        "[newsroom.translation]",
        "dangling.md:4: WARNING: 'translations': de: 'nowhere.md' names no document; "
        "not linked [newsroom.translation]",
        "one-way.md:4: WARNING: 'translations': fr: 'news/one-way-fr' does not name this "
        "article among its translations (give both the same translation_key, or list each "
        "in the other's translations) [newsroom.translation]",
        "points.md:4: WARNING: 'translations': zh: 'news/draft-zh' is a draft or embargoed; "
        "not linked until it is published [newsroom.translation]",
    ])
    # A one-way link still links both (the reader is better served), with the warning.
    assert [t for t, _ in hreflang(html(app, "news/one-way-fr"))] == ["en", "fr", "x-default"]
    # No trace of the draft anywhere: not in a public version's head, panel, or sitemap.
    out = Path(app.outdir)
    for name in ("news/to-draft", "news/points", "news/dangling"):
        page = html(app, name)
        assert hreflang(page) == [] and page.select_one(".news-meta-translations") is None
    public = [p for p in out.rglob("*.html") if p.name != "draft-zh.html"]
    assert not [p for p in public if "draft-zh" in p.read_text("utf-8")]
    assert "draft-zh" not in (out / "sitemap.xml").read_text("utf-8")
    assert json_ld(html(app, "news/bad"))["inLanguage"] == "en"


def test_an_incremental_translation_edit_equals_a_clean_build(make_app, tmp_path):
    from test_pagination import _copy, _head_and_body

    src = _copy(ROOTS / "test-translations", tmp_path / "src")
    make_app("html", srcdir=src).build()
    # The Chinese version leaves the group: both pages lose their links.
    zh = src / "news/ai-zh.md"
    zh.write_text(zh.read_text("utf-8").replace("translation_key: ai-chips\n", ""), "utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    english = html(app, "news/ai")
    assert hreflang(english) == [] and english.select_one(".news-meta-translations") is None
    clean = make_app("html", srcdir=_copy(src, tmp_path / "clean"), freshenv=True)
    clean.build()
    assert _alternates(Path(app.outdir)) == _alternates(Path(clean.outdir))
    assert _head_and_body(Path(app.outdir)) == _head_and_body(Path(clean.outdir))
    assert (Path(app.outdir) / "sitemap.xml").read_bytes() == \
        (Path(clean.outdir) / "sitemap.xml").read_bytes()


def _alternates(outdir: Path) -> dict[str, list[tuple[str, str]]]:
    from bs4 import BeautifulSoup

    return {p.relative_to(outdir).as_posix(): hreflang(BeautifulSoup(p.read_text("utf-8"),
                                                                     "html.parser"))
            for p in sorted(outdir.rglob("*.html"))}


# --- The model ---------------------------------------------------------------


@pytest.mark.parametrize("tag", ["en", "zh-Hans", "zh-Hant-TW", "pt-BR", "es-419", "sr-Latn",
                                 "de-CH-1996", "x-klingon", "en-US-x-twain"])
def test_well_formed_tags(tag):
    assert is_language_tag(tag)


@pytest.mark.parametrize("tag", ["", "english", "en_", "zh-", "e", "en--US", "12", "en US",
                                 "zh-Hans-CN-", "<script>"])
def test_malformed_tags(tag):
    assert not is_language_tag(tag)


def test_a_language_name_is_read_as_its_tag():
    from sphinx_newsroom.model.translations import tag_for_name

    assert [tag_for_name(n) for n in ("English", " english ", "Chinese", "中文", "Deutsch",
                                      "English (UK)", "Klingonish")] == [
        "en", "en", "zh", "zh", "de", "", ""]


def test_languages_by_their_own_names():
    assert [language_name(t) for t in ("en", "zh", "zh-Hant", "fr", "ja", "xx-unknown")] == [
        "English", "中文", "中文 (繁體)", "Français", "日本語", "xx-unknown"]


def test_targets_resolve_relative_to_the_article_or_the_root():
    docs = {"news/a", "news/zh/a", "index"}
    assert resolve_target("zh/a.md", "news/a", docs) == "news/zh/a"
    assert resolve_target("../a", "news/zh/a", docs) == "news/a"
    assert resolve_target("/news/a", "news/zh/a", docs) == "news/a"
    assert resolve_target("news/zh/a", "news/a", docs) == "news/zh/a"
    assert resolve_target("../../etc/passwd", "news/a", docs) is None
    assert resolve_target("", "news/a", docs) is None


def test_x_default_names_the_configured_language():
    group = [Version("a", "en-GB", True, "k"), Version("b", "zh-CN", True, "k")]
    for wanted, default in (("zh_CN", "b"), ("en", "a"), ("en-GB", "a"), ("fr", None)):
        links = dict(versions(group, {"a", "b"}, x_default=wanted)[0]["a"])
        assert links.get("x-default") == default, wanted


def test_a_group_in_two_versions_of_one_language_keeps_the_first():
    found, problems = versions([Version("a", "en", True, "k"), Version("b", "en", True, "k"),
                                Version("c", "de", True, "k")], {"a", "b", "c"})
    assert found["a"] == found["c"] == (("de", "c"), ("en", "a"))
    assert "b" not in found
    assert [(d, p.message.split(";")[0]) for d, p in problems] == [
        ("b", "'language': 'a' is already the 'en' version of this article")]
