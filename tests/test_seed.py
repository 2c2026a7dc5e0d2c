"""The first real article, published through a real Sphinx build."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import (
    book_index_of,
    build_root,
    html,
    index_text,
    label_pages,
    needs_tex,
    pdf_text,
    read_back_index,
    run_latexmk,
    save_pages,
    tex_log_problems,
    warnings_of,
)


@pytest.mark.sphinx("html", testroot="seed", freshenv=True)
def test_seed_html_page(app):
    app.build()
    page = html(app, "articles/openai-tpu")
    article = page.select_one("div.body > section")
    assert article.h1.get_text(strip=True).rstrip("¶") == "OpenAI转向TPU：重塑AI算力版图的战略棋局"
    assert page.title.get_text().startswith("OpenAI转向TPU：重塑AI算力版图的战略棋局")
    # The panel sits right under the title.
    panel = article.h1.find_next_sibling()
    assert "news-meta" in panel["class"] and "sd-card" in panel["class"]
    time = panel.select_one(".news-meta-date time")
    assert time["datetime"] == "2025-07-02T15:40:04+08:00"
    assert time.get_text() == "2025年7月2日"
    reading = panel.select_one(".news-meta-reading-time").get_text(" ", strip=True)
    assert reading == "阅读时间 约 6 分钟"
    tags = panel.select(".news-meta-tags a.news-term")
    assert [t.get_text() for t in tags][:3] == ["OpenAI", "Google TPU", "Nvidia"]
    assert len(tags) == 9 and all(t["rel"] == ["tag"] for t in tags)
    topics = panel.select(".news-meta-topics a.news-term")
    assert [t.get_text() for t in topics] == ["算力与芯片", "产业生态与商业版图", "前沿模型与算法"]
    summary = panel.select_one(".news-meta-summary").get_text()
    assert summary.count("OpenAI首次大规模采用谷歌TPU芯片") == 1
    # The featured image does not exist in this root: no broken <img>.
    assert page.select("img") == []
    # Lede, five sections, then the references section with all three sources.
    lede = panel.find_next_sibling()
    assert lede.name == "blockquote" and "news-lede" in lede["class"]
    sections = article.find_all("section", recursive=False)
    assert [s.h2.get_text(strip=True).rstrip("¶") for s in sections] == [
        "技术格局的深层变迁", "谷歌的战略机遇与TPU十年磨砺", "英伟达的产能之困与市场韧性",
        "亚马逊AWS的缺席与自研芯片挑战", "前瞻：算力多元化与AI生态新平衡", "引用"]
    references = sections[-1]
    assert "news-references" in references["class"]
    notes = references.select("aside.footnote")
    assert [n.select_one(".label").get_text().strip("[]") for n in notes] == ["1", "2", "3"]
    assert "华尔街见闻" in notes[0].get_text() and "新浪财经" in notes[1].get_text()
    # Backlinks of the four citations of [1] are intact.
    assert len(notes[0].select("a[role=doc-backlink]")) == 4
    # Nothing is left after the article: no loose footnotes, no separator.
    assert page.select("div.body > hr") == [] and page.select("div.body > aside") == []


@pytest.mark.sphinx("html", testroot="seed", freshenv=True)
def test_seed_warnings_only_the_missing_image(app):
    app.build()
    warnings = warnings_of(app)
    assert len(warnings) == 1, warnings
    assert "openai-tpu.md:5: WARNING: featured image" in warnings[0]
    assert "not found" in warnings[0] and "[newsroom.image]" in warnings[0]


@pytest.mark.sphinx("html", testroot="seed", freshenv=True)
def test_seed_is_one_document_title_in_the_toctree(app):
    app.build()
    title = "OpenAI转向TPU：重塑AI算力版图的战略棋局"
    assert app.env.titles["articles/openai-tpu"].astext() == title
    index = html(app, "index")
    assert index.select(".toctree-wrapper a")[0].get_text() == \
        "OpenAI转向TPU：重塑AI算力版图的战略棋局"


@pytest.mark.sphinx("latex", testroot="seed", freshenv=True)
def test_seed_latex(app):
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    body = tex[tex.index(r"\chapter{OpenAI转向TPU"):]
    # One chapter: the sections stay sections.
    assert body.count(r"\chapter{") == 1
    assert body.count(r"\section{") == 6
    panel = body[body.index(r"\begin{sphinxnewsroommeta}"):body.index(r"\end{sphinxnewsroommeta}")]
    assert r"\textbf{发布于} 2025年7月2日" in panel
    assert "AI芯片" in panel and "算力与芯片" in panel
    refs = body[body.index(r"\section{引用}"):]
    assert refs.count(r"\sphinxstylestrong{{[}") == 3
    assert r"\begin{footnote}" not in body
    assert (Path(app.outdir) / "sphinxnewsroom.sty").is_file()


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory) -> Path:
    """The seed built to LaTeX and compiled, as a user would: its output folder."""
    app = build_root(tmp_path_factory, "seed", "latex")
    outdir = Path(app.outdir)
    app.cleanup()
    run = run_latexmk(outdir, "seed.tex")
    assert run.returncode == 0, run.stdout[-3000:]
    return outdir


@needs_tex
@pytest.mark.pdf
def test_seed_pdf_reads_like_a_book(seed_pdf):
    log = (seed_pdf / "seed.log").read_text("utf-8", errors="replace")
    assert tex_log_problems(log) == []
    assert "undefined references" not in log
    pdf = seed_pdf / "seed.pdf"
    text = pdf_text(pdf, "-layout")
    assert "标签 OpenAI, Google TPU, Nvidia, AWS" in text
    tex = (seed_pdf / "seed.tex").read_text("utf-8")
    pages = label_pages((seed_pdf / "seed.aux").read_text("utf-8"))
    for title, after in (("标签索引", "主题索引"), ("主题索引", None)):
        entries = book_index_of(tex, title)
        assert entries and all(len(labels) == 1 for _term, labels in entries)
        found = read_back_index(index_text(pdf, title, after), [t for t, _ in entries])
        # One line per term, with the page the article starts on.
        assert found == {t: [[pages[labels[0]]]] for t, labels in entries}
    sheets = pdf_text(pdf).split("\f")
    first = next(i for i, sheet in enumerate(sheets) if "CHAPTER" in sheet)
    saved = save_pages(pdf, seed_pdf / "pages", {"seed-article": first + 1})
    assert saved[0].stat().st_size > 5000


@pytest.mark.sphinx("text", testroot="seed", freshenv=True)
def test_seed_text(app):
    app.build()
    text = (Path(app.outdir) / "articles/openai-tpu.txt").read_text("utf-8")
    assert "发布于: 2025年7月2日" in text
    assert "标签: OpenAI, Google TPU, Nvidia" in text


@pytest.mark.parametrize("builder", ["man", "texinfo", "xml", "pseudoxml", "epub", "singlehtml",
                                     "dirhtml", "gettext", "changes", "dummy"])
def test_other_builders_do_not_crash(make_app, rootdir, tmp_path, builder):
    import shutil
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-seed", src)
    app = make_app(builder, srcdir=src)
    app.build()
    assert "Traceback" not in app.warning.getvalue()


@pytest.mark.sphinx("html", testroot="seed", freshenv=True)
def test_seed_sources_are_read_fully_right(app):
    """The three footnotes of the seed, as the build reads them: every field right."""
    import datetime

    from sphinx_newsroom.domain import get_domain

    app.build()
    (article,) = [a for a in get_domain(app.env).articles.values() if a.sources]
    day, read = datetime.date(2025, 6, 30), datetime.date(2025, 7, 2)
    title = "OpenAI转向TPU，这对谷歌、英伟达和亚马逊意味着什么？"
    got = [(s.citation.title, s.citation.publisher, s.citation.author, s.citation.date,
            s.citation.date_precision, s.citation.accessed, s.citation.url)
           for s in article.sources]
    assert got == [
        (title, "华尔街见闻", "许超", day, "day", read, ""),
        (title, "新浪财经", "", day, "day", read, ""),
        ("OpenAI转向TPU：这对谷歌意味着什么？", "moomoo 社区", "", day, "day", read, ""),
    ]
