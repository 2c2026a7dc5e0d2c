"""The example newsroom builds without a single warning, to HTML and to PDF."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import (
    REPO,
    book_index_of,
    html,
    index_text,
    label_pages,
    needs_tex,
    pdf_text,
    read_back_index,
    save_pages,
    tex_log_problems,
    warnings_of,
)


@pytest.fixture(scope="module")
def example_src(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("example") / "src"
    shutil.copytree(REPO / "example_site", src, ignore=shutil.ignore_patterns("_build"))
    return src


def test_example_site_html_has_no_warnings(make_app, example_src):
    app = make_app("html", srcdir=example_src, freshenv=True)
    app.build()
    assert warnings_of(app) == []
    page = html(app, "articles/openai-tpu")
    img = page.select_one(".news-meta img")
    assert img is not None
    assert (Path(app.outdir) / "articles" / unquote(img["src"])).is_file()
    # The R Markdown-style article: its citations link to the entries of its .bib.
    papers = html(app, "articles/tpu-papers").select_one("div.body")
    assert [(a.get_text(), a["href"]) for a in papers.select("a.news-citation")][:2] == [
        ("Jouppi et al. 2017", "#ref-jouppi2017"), ("Jouppi et al. 2017", "#ref-jouppi2017")]
    assert papers.select_one("section.news-references #ref-jouppi2023") is not None
    # Crawlers find both sitemaps through robots.txt; the site's articles are listed.
    robots = (Path(app.outdir) / "robots.txt").read_text("utf-8")
    assert "Sitemap: https://compute-watch.example.org/sitemap.xml" in robots
    sitemap = (Path(app.outdir) / "sitemap.xml").read_text("utf-8")
    assert "https://compute-watch.example.org/articles/openai-tpu.html" in sitemap
    syndicated = html(app, "articles/azure-openai-multicloud")
    assert syndicated.select_one('link[rel="canonical"]')["href"].startswith(
        "https://wire.example.com/")
    assert "azure-openai-multicloud" not in sitemap
    paywalled = html(app, "articles/hbm-supply-crunch")
    assert len(paywalled.select(".news-paywalled")) == 1
    feed = json.loads((Path(app.outdir) / "feed.json").read_text("utf-8"))
    assert feed["hubs"] == [{"type": "WebSub", "url": "https://pubsubhubbub.appspot.com/"}]
    # The 10-K footnote's publisher is written with the cite-source role: the
    # bibliography shows it, not the "Microsoft Investor Relations (mirror)" parsed.
    sources = html(app, "sources").select_one("ol.news-bibliography").get_text()
    assert "Microsoft Corporation" in sources and "(mirror)" not in sources
    # The same sources split by month: the months, newest first, each a page of its own.
    months = [(a.get_text(), a["href"]) for a in
              html(app, "sources-by-month").select("li.news-bibliography-part a")]
    assert months == [("2025年8月", "sources-by-month/2025-08.html"),
                      ("2025年7月", "sources-by-month/2025-07.html")]
    july = html(app, "sources-by-month/2025-07").select("ol.news-bibliography > li")
    august = html(app, "sources-by-month/2025-08").select("ol.news-bibliography > li")
    assert len(july) + len(august) == len(html(app, "sources").select_one(
        "ol.news-bibliography").find_all("li", recursive=False))
    azure = html(app, "articles/azure-openai-multicloud").get_text()
    assert "Microsoft Investor Relations (mirror)" in azure and "cite-source" not in azure
    # Two authors with entries (authors.yml) and pages; bylines link to them.
    dana = html(app, "authors/dana-whitfield")
    assert "hyperscaler earnings" in dana.select_one(".news-author-bio").get_text()
    assert len(dana.select(".news-article-list > li")) == 2
    zhou = html(app, "authors/周知远")
    assert "TPU" in zhou.select_one(".news-author-bio").get_text()
    capex = html(app, "articles/hyperscaler-capex-q2")
    assert capex.select_one(".news-meta-authors a")["href"] == "../authors/dana-whitfield.html"
    # The corrected article: its notice, its JSON-LD, the site's corrections page.
    notice = capex.select(".news-corrections .news-notice time")
    assert [t["datetime"] for t in notice] == ["2025-08-02T11:00:00+00:00",
                                               "2025-08-05T08:00:00+00:00"]
    data = json.loads(capex.select_one('script[type="application/ld+json"]').string)
    assert data["dateModified"] == "2025-08-05T08:00:00+00:00"
    assert [c["@type"] for c in data["correction"]] == ["CorrectionComment"]
    listed = html(app, "corrections").select(".news-corrections-list > li")
    assert [li.select_one("strong").get_text() for li in listed] == ["更新", "更正"]
    # An English and Chinese pair: each links the other, both carry the same hreflang set.
    chinese = html(app, "articles/google-tpu-external-customers")
    english = html(app, "articles/en/google-tpu-external-customers")
    base = "https://compute-watch.example.org/articles/"
    pair = [("en", base + "en/google-tpu-external-customers.html"),
            ("zh-CN", base + "google-tpu-external-customers.html"),
            ("x-default", base + "google-tpu-external-customers.html")]
    for page in (chinese, english):
        assert [(link["hreflang"], link["href"]) for link in
                page.select('head link[rel="alternate"][hreflang]')] == pair
    assert english.html["lang"] == "en" and chinese.html["lang"] == "zh-CN"
    assert chinese.select_one(".news-meta-translations a").get_text() == "English"
    assert english.select_one(".news-meta-translations a").get_text() == "中文"
    assert 'hreflang="en"' in sitemap
    # newsroom_page_size = 4: the Google TPU tag (five articles) continues on a page 2.
    tpu = html(app, "tags/google-tpu/page/2")
    assert len(tpu.select("ul.news-article-list > li")) == 1
    assert tpu.select_one('head link[rel="prev"]')["href"] == "../../google-tpu.html"
    assert tpu.select_one("nav.news-pagination")["aria-label"] == "分页"
    assert "https://compute-watch.example.org/tags/google-tpu/page/2.html" in sitemap


@needs_tex
@pytest.mark.pdf
def test_example_site_pdf(example_pdf):
    outdir, warnings = example_pdf
    assert warnings == []
    log = (outdir / "compute-watch.log").read_text("utf-8", errors="replace")
    assert "Missing character" not in log, "a glyph is missing from the fonts (tofu)"
    assert "undefined references" not in log
    text = subprocess.run(["pdftotext", "-layout", str(outdir / "compute-watch.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    seed = text[text.index("OpenAI 转向 TPU：重塑 AI 算力版图的战略棋局\n\n"):]
    assert "发布于 2025 年 7 月 2 日" in seed
    assert "标签 OpenAI, Google TPU, Nvidia, AWS" in seed
    for heading in ["技术格局的深层变迁", "前瞻：算力多元化与 AI 生态新平衡", "引用"]:
        assert heading in seed
    assert "[2] OpenAI 转向 TPU，这对谷歌、英伟达和亚马逊意味着什么？" in seed
    # Each published article is one chapter (nine, the English version of one of them
    # included; the draft is in no toctree), plus the topics, sources and corrections
    # pages; the front page's lists (latest, archive, topics, tags) are the book's
    # opening page, where they are left out: no chapter of their own after the
    # sources. An article's sections are numbered within its chapter.
    assert text.count("CHAPTER") == 9 + 3
    assert "CHAPTER 13" not in text
    opening = text[:text.index("CHAPTER")]
    assert "(The draft, articles/datacenter-power-policy, is in no toctree" in opening
    numbers = [line.split()[0] for line in seed.splitlines()
               if line.strip().endswith(("技术格局的深层变迁", "引用")) and line[:1].isdigit()]
    assert numbers[:2] == ["7.1", "7.6"]
    assert "绿电直连与算力券" not in text  # the draft
    capex = " ".join(text[text.index("Hyperscalers Raise the Stakes"):].split())
    assert "更正 2025 年 8 月 2 日: An earlier version put Meta" in capex
    papers = " ".join(text[text.index("读论文看 TPU：谷歌自研芯片的三次自述\n\n"):].split())
    assert "每瓦性能高出 30 到 80 倍 (Jouppi et al. 2017, p. 1)" in papers
    assert "[1] In-Datacenter Performance Analysis of a Tensor Processing Unit." in papers
    # The taxonomy indexes, with the articles' page numbers.
    reading_order = pdf_text(outdir / "compute-watch.pdf")
    flat = "".join(reading_order.split())
    assert "主题索引" in flat[flat.index("标签索引A"):]
    # The bibliography is a chapter of its own, entries numbered and linked.
    sources = flat[flat.index("信息来源Sources"):]
    assert "[1]OpenAI转向TPU，这对谷歌、英伟达和亚马逊意味着什么？华尔街见闻.许超." in sources


@needs_tex
@pytest.mark.pdf
def test_example_site_pdf_log_shows_no_missing_glyph_and_no_wide_line(example_pdf):
    outdir, _warnings = example_pdf
    log = (outdir / "compute-watch.log").read_text("utf-8", errors="replace")
    assert tex_log_problems(log) == []
    tex = (outdir / "compute-watch.tex").read_text("utf-8")
    # The article with emoji sets them as images, and its invisible break hint is gone.
    assert "\\sphinxnewsroomemoji{1f680}" in tex and "\\usepackage{twemojis}" in tex
    assert "\u200b" not in tex
    assert "\\usepackage{xurl}" not in tex  # (loaded by the style file, not the preamble)
    assert "xurl.sty" in (outdir / "compute-watch.fls").read_text("utf-8")


#: Each index of the example PDF, the next heading after it, and its number of terms.
INDEXES = [("标签索引", "主题索引", 14), ("主题索引", None, 3)]


@needs_tex
@pytest.mark.pdf
@pytest.mark.parametrize(("title", "after", "count"), INDEXES)
def test_example_site_pdf_indexes_print_each_term_once_with_its_pages(example_pdf, title,
                                                                      after, count):
    """Read back from the PDF: one line per term, then its articles' page numbers."""
    outdir, _warnings = example_pdf
    tex = (outdir / "compute-watch.tex").read_text("utf-8")
    pages = label_pages((outdir / "compute-watch.aux").read_text("utf-8"))
    entries = book_index_of(tex, title)
    assert len(entries) == count
    found = read_back_index(index_text(outdir / "compute-watch.pdf", title, after),
                            [term for term, _labels in entries])
    for term, labels in entries:
        # Each article starts on the page its label is on; sub-entries in book order.
        expected = [pages[label] for label in labels]
        assert found[term] == [expected], term
        assert expected == sorted(expected)
    if title == "标签索引":
        google = dict(entries)["Google TPU"]  # five, with an English version
        assert len(google) == 5 and all(label.startswith("articles/") for label in google)


@needs_tex
@pytest.mark.pdf
def test_example_site_pdf_pages_are_kept_for_a_reader(example_pdf):
    """An article page and the first index page, as PNG images of the test run."""
    outdir, _warnings = example_pdf
    sheets = pdf_text(outdir / "compute-watch.pdf").split("\f")
    seed = next(i for i, p in enumerate(sheets) if "CHAPTER" in p and "2025 年 7 月 2 日" in p)
    index = next(i for i, p in enumerate(sheets) if p.lstrip().startswith("标签索引\n\nA"))
    saved = save_pages(outdir / "compute-watch.pdf", outdir / "pages",
                       {"article": seed + 1, "tag-index": index + 1})
    assert all(p.stat().st_size > 5000 for p in saved)
