"""TeX math in articles, prices as text: ``model/math_spans`` and real builds.

``tests/roots/test-math`` holds an article of math in the forms public Hugo,
Jekyll (kramdown) and Pandoc posts use (written anew, not copied: kramdown's
inline ``$$ \\LaTeX $$``, a ``$$`` block holding ``aligned``, Jekyll's
``\\\\( \\\\)``, Pandoc's ``\\( \\)`` and ``\\[ \\]``) and an article of prices.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import build_root, html, needs_tex, run_latexmk, warnings_of
from hypothesis import given
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from sphinx_newsroom.model.math_spans import convert_math, read_math

MONEY = [
    "Plans cost $5 and $10 a month.",
    "The bundle was $$30 for money.",
    "Abroad it costs US$3 and HK$20 and US$4.",
    "A coffee is $5.99 here.",
    "Repairs cost $1,000 to $2,000.",
    "Revenue rose to $4.2 billion from $3.9 billion.",
    "Escaped \\$5 and \\$6.",
    "Spaced $ 7 or 8 $.",
    "$5-$10 a head",
    "Only one $ sign.",
]
MATH = [
    ("Euler $e^{i\\pi} + 1 = 0$.", "Euler {math}`e^{i\\pi} + 1 = 0`."),
    ("$5 buys $n$ apples", "$5 buys {math}`n` apples"),
    ("US$3 plus $x$", "US$3 plus {math}`x`"),
    ("inline $$ \\LaTeX $$ too", "inline {math}`\\LaTeX` too"),
    ("Pandoc \\(x_1\\) here", "Pandoc {math}`x_1` here"),
    ("Jekyll \\\\( a^2 \\\\) here", "Jekyll {math}`a^2` here"),
    ("a `b`$c$", "a `b`{math}`c`"),
    ("$a`b$", "{math}``a`b``"),
]


@pytest.mark.parametrize("text", MONEY)
def test_money_stays_text(text):
    assert convert_math(text) == text


@pytest.mark.parametrize(("text", "expected"), MATH)
def test_inline_math_becomes_the_math_role(text, expected):
    assert convert_math(text) == expected


@pytest.mark.parametrize("text", [
    "`$x$` in code", "```\n$x$\n```", "~~~\n$$\nx\n$$\n~~~", "    $x$ indented code",
    "<div>\n$x$\n</div>", "no $math\n\nacross$ paragraphs",
])
def test_code_html_and_paragraph_breaks_are_left_alone(text):
    assert convert_math(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("a\n\n$$\nx\ny\n$$\n\nb", "a\n\n```{math}\nx\ny\n```\n\nb"),
    ("a\n\n$$x^2$$\n\nb", "a\n```{math} x^2\n```\n\nb"),
    ("a\n\n\\[ y \\]\n", "a\n```{math} y\n```\n"),
    ("a\n$$x$$\nb", "a\n{math}`x`\nb"),  # no room for a block: inline, lines kept
])
def test_displays_become_blocks_of_the_same_height(text, expected):
    assert convert_math(text) == expected


@pytest.mark.parametrize(("text", "displays"), [
    ("a\n$$x^2$$\nb", ("x^2",)),  # on its own line in a paragraph: a display after all
    ("a\n\\[ y \\]\nb", ("y",)),
    ("a\n$$\\begin{align}\nx &= 1\n\\end{align}$$\nb", ("\\begin{align} x &= 1 \\end{align}",)),
    ("inline $$ \\LaTeX $$ too", ()),  # inside a sentence: inline
    ("a\n\n$$x^2$$\n\nb", ()),  # a block
])
def test_displays_written_inline_are_listed(text, displays):
    assert read_math(text).displays == displays


@pytest.mark.parametrize(("text", "expected"), [
    ("$$N=`r f(a$b)`.$$", "{math}`N=` `r f(a$b)` {math}`.`"),
    ("$x = `r a$b`$ and", "{math}`x =` `r a$b` and"),
    ("$`r n`$", "`r n`"),
])
def test_knitr_inline_code_in_math_is_code(text, expected):
    assert convert_math(text) == expected


def test_front_matter_is_left_alone():
    text = "---\ntitle: $x$ costs $$\n---\n\n$y$\n"
    assert convert_math(text, 3) == "---\ntitle: $x$ costs $$\n---\n\n{math}`y`\n"


@given(st.lists(st.sampled_from(["$", "$$", "\\(", "\\)", "\\[", "\\]", "\\", "`", "x", "5",
                                 " ", "\n", "\n\n", "```", "-", ">"]), max_size=30))
def test_every_line_keeps_its_number(parts):
    text = "".join(parts)
    assert convert_math(text).count("\n") == text.count("\n")


# -- builds -----------------------------------------------------------------------


def _build(tmp_path_factory, builder: str, **overrides) -> SphinxTestApp:
    return build_root(tmp_path_factory, "math", builder, **overrides)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    app = _build(tmp_path_factory, "html")
    yield app
    app.cleanup()


def test_math_is_math_in_html(site):
    body = html(site, "news/math").find("section")
    inline = [s.get_text() for s in body.select("span.math")]
    assert inline == ["\\(e^{i\\pi} + 1 = 0\\)", "\\(\\LaTeX\\)", "\\(a^2 + b^2 = c^2\\)",
                      "\\(x_1 + x_2\\)", "\\(n\\)"]
    displays = [" ".join(d.get_text().split()) for d in body.select("div.math")]
    assert len(displays) == 3
    assert "\\begin{aligned}" in displays[0] and "\\frac{1}{2}" in displays[1]
    assert "E = mc^2" in displays[2]
    assert "$5 buys" in body.get_text() and "$HOME" in body.get_text()
    assert "$PATH costs $5" in body.find("pre").get_text()
    page = (Path(site.outdir) / "news/math.html").read_text("utf-8")
    assert "mathjax" in page.lower()
    assert not warnings_of(site) or all("site_url" in w for w in warnings_of(site))


def test_money_is_text_in_html(site):
    body = html(site, "news/money").find("section")
    assert not body.select(".math")
    text = " ".join(body.get_text().split())
    for line in ("Plans cost $5 and $10 a month.", "The bundle was $$30 for money",
                 "US$3 and HK$20", "$5.99", "$1,000 to $2,000", "$4.2 billion from $3.9",
                 "escaped $5", "$ 7 or 8 $"):
        assert line in text, line


def test_pages_that_are_not_articles_are_left_alone(site):
    page = html(site, "index")
    assert not page.select(".math") and "$x$ stays" in page.get_text()


def test_math_is_math_in_latex(tmp_path_factory):
    app = _build(tmp_path_factory, "latex")
    try:
        tex = (Path(app.outdir) / "math.tex").read_text("utf-8")
        assert "\\(e^{i\\pi} + 1 = 0\\)" in tex and "\\(x_1 + x_2\\)" in tex
        math = tex[tex.index("\\chapter{Math in posts}"):tex.index("\\chapter{Displays inside")]
        assert math.count("\\begin{equation*}") == 3
        assert "\\begin{aligned}" in tex and "\\frac{1}{2}" in tex
        assert "Plans cost \\$5 and \\$10 a month." in tex
        assert "Repairs cost \\$1,000 to \\$2,000" in tex
    finally:
        app.cleanup()


def test_mathjax_colours_are_xcolor_colours_in_latex(tmp_path_factory):
    # "#" is a macro parameter in TeX: \color{#FF4136} stopped xelatex.
    app = _build(tmp_path_factory, "latex")
    try:
        tex = (Path(app.outdir) / "math.tex").read_text("utf-8")
        chapter = tex[tex.index("\\chapter{Coloured math}"):]
        assert "{#" not in chapter[:chapter.index("\\chapter", 1)]
        assert "\\color[HTML]{FF4136} \\operatorname{do}(x)" in chapter
        assert "\\textcolor[HTML]{FF0000}{x}" in chapter
        assert "{\\color[HTML]{B10DC9} x}" in chapter
    finally:
        app.cleanup()


def test_mathjax_colours_stay_as_written_in_html(site):
    page = html(site, "news/colours")
    assert "\\color{#FF4136}" in page.get_text()


def test_math_can_be_turned_off(tmp_path_factory):
    app = _build(tmp_path_factory, "html", newsroom_math=False)
    try:
        body = html(app, "news/math").find("section")
        assert not body.select(".math") and "$e^{i\\pi} + 1 = 0$" in body.get_text()
    finally:
        app.cleanup()


# -- displays inside paragraphs, environments, knitr code (news/displays) ------------


def test_displays_inside_a_paragraph_are_displays_in_html(site):
    body = html(site, "news/displays").find("section")
    blocks = [(n.name, " ".join(n.get_text().split())) for n in body.find_all(["p", "div"])
              if n.name == "p" or "math" in n.get("class", [])]
    assert [name for name, _ in blocks] == ["p", "div", "p", "div", "p", "p", "div"]
    assert blocks[0][1] == "The probability that the sum stays below one is"
    assert blocks[1][1] == "\\[\\Pr(S_n<1)=1/n!\\]"
    assert blocks[2][1] == "for each \\(n\\ge1\\), and so"
    # A whole environment is left for MathJax as written, not inside \\[ \\].
    assert blocks[3][1].startswith("\\begin{align} E[N]") and blocks[3][1].endswith("\\end{align}")
    assert blocks[6][1] == "\\begin{gather*} a = b \\\\ c = d \\end{gather*}"
    knitr = body.find_all("p")[-1]
    assert knitr.find("code").get_text() == "r format(sol$N[100], big.mark = ',')"
    assert [m.get_text() for m in knitr.select("span.math")] == ["\\(N(100)=\\)", "\\(.\\)"]


@pytest.fixture(scope="module")
def displays_latex(tmp_path_factory):
    app = _build(tmp_path_factory, "latex", latex_engine="xelatex", latex_documents=[
        ("news/displays", "displays.tex", "Displays", "Newsroom", "manual")])
    app.cleanup()
    return Path(app.outdir)


def test_environments_are_not_wrapped_in_latex(displays_latex):
    tex = (displays_latex / "displays.tex").read_text("utf-8")
    assert "\\(\\begin{align}" not in tex and "\n\\begin{align} E[N]" in tex
    assert "\\begin{split}\\begin{gather*}" not in tex and "\n\\begin{gather*}" in tex
    assert "\\begin{split}\\Pr(S_n<1)=1/n!\\end{split}" in tex


@needs_tex
@pytest.mark.pdf
def test_displays_compile_and_stand_apart_in_the_pdf(displays_latex):
    run = run_latexmk(displays_latex, "displays.tex")
    assert run.returncode == 0, run.stdout[-3000:]
    text = subprocess.run(["pdftotext", "-layout", str(displays_latex / "displays.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    start = lines.index("The probability that the sum stays below one is")
    assert lines[start + 1].replace(" ", "") == "Pr(Sn<1)=1/n!"
    assert lines[start + 2] == "for each n ≥ 1, and so"
    assert "= e. (3)" in " ".join(" ".join(lines).split())
    assert "r format(sol$N[100], big.mark = ',')" in " ".join(lines)


# -- a summary's math (the text before <!--more-->, news/summary) ---------------------

SUMMARY_MATH = ["\\(i\\)", "\\(i\\ge 2\\)", "\\(1\\)", "\\(i-1\\)"]


def test_a_summary_shows_its_math_as_math(site):
    panel = html(site, "news/summary").select_one(".news-meta-summary")
    assert [m.get_text() for m in panel.select(".math")] == SUMMARY_MATH
    assert "a plan costs $5." in panel.get_text() and "$i$" not in panel.get_text()
    listing = html(site, "listing")
    summary = listing.select_one(".news-list-summary")
    assert [m.get_text() for m in summary.select(".math")] == SUMMARY_MATH
    assert "mathjax" in (Path(site.outdir) / "listing.html").read_text("utf-8").lower()


def test_a_summary_shows_its_math_in_latex(tmp_path_factory):
    app = _build(tmp_path_factory, "latex")
    try:
        tex = (Path(app.outdir) / "math.tex").read_text("utf-8")
        panel = tex[tex.index("\\chapter{A summary with math}"):]
        panel = panel[panel.index("\\begin{sphinxnewsroommeta}"):
                      panel.index("\\end{sphinxnewsroommeta}")]
        assert "(\\(i\\ge 2\\))" in panel and "costs \\$5." in panel
    finally:
        app.cleanup()


def test_a_summary_is_text_without_newsroom_math(tmp_path_factory):
    app = _build(tmp_path_factory, "html", newsroom_math=False)
    try:
        panel = html(app, "news/summary").select_one(".news-meta-summary")
        assert not panel.select(".math") and "point $i$ ($i\\ge 2$)" in panel.get_text()
    finally:
        app.cleanup()
