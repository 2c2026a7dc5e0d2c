"""Real posts from public sites, built as one Sphinx site: what a reader sees (issue 15).

``tests/corpus/<site>/<path>`` holds posts byte for byte as their sites publish
them (``tests/corpus/MANIFEST.json`` says where each came from, at which commit,
under which licence). The whole corpus is built once to HTML and once to LaTeX;
every check runs once per post so that each failure names its post.

A check that fails with today's code is listed in ``KNOWN_FAILURES`` with the
precise reason and runs as a strict xfail: the fix that makes it pass turns it
into an XPASS failure, and the fixer deletes the entry.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import re
import shutil
import subprocess
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from conftest import built, needs_tex, run_latexmk, warnings_of

CORPUS = Path(__file__).parent / "corpus"
MANIFEST = json.loads((CORPUS / "MANIFEST.json").read_text("utf-8"))
#: Suffixes Sphinx would not read as MyST: the post is built from a ``.md`` copy.
RENAMED_SUFFIXES = (".Rmd", ".Rmarkdown", ".markdown")

CONF = """\
extensions = ["sphinx_newsroom"]
project = "Real posts"
language = "en"
html_baseurl = "https://corpus.example.org/"
latex_engine = "xelatex"
latex_documents = [("index", "corpus.tex", "Real posts", "Corpus", "manual")]
"""
INDEX = """\
# Real posts

```{toctree}
:glob:
:maxdepth: 1

posts/**
```
"""

#: Sphinx's smartquotes turn ' and " into curly quotes: the same title to a reader.
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def typographic(text: str) -> str:
    """``text`` with its whitespace collapsed and its quotes straightened, for comparison."""
    return " ".join(text.translate(_QUOTES).split())


_DATE_IN_PATH = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_ZOLA_PATH_DATE = re.compile(r"^(\d{4})/(\d{2})/(\d{2})/")


@dataclass(frozen=True)
class Post:
    site: str
    path: str
    language: str
    #: Its bibliography files (paths in its repository), for Pandoc citations.
    bib: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        stem = Path(self.path)
        name = stem.parent.name if stem.stem in {"index", "_index"} else stem.stem
        return f"{self.site}/{name}"

    @property
    def source(self) -> Path:
        return CORPUS / self.site / self.path

    @property
    def docname(self) -> str:
        return f"posts/{self.site}/{Path(self.path).with_suffix('').as_posix()}"

    @cached_property
    def text(self) -> str:
        return self.source.read_text("utf-8")

    @cached_property
    def split(self) -> tuple[dict, str]:
        """(front matter, body) of the source: YAML between ``---``, TOML between ``+++``."""
        text = self.text.lstrip("\ufeff")
        for fence, load in (("---", yaml.safe_load), ("+++", tomllib.loads)):
            match = re.match(rf"\A\s*{re.escape(fence)}[ \t]*\n(.*?)\n{re.escape(fence)}[ \t]*\n",
                             text, re.S)
            if match:
                return load(match.group(1)) or {}, text[match.end():]
        return {}, text

    @property
    def front_matter(self) -> dict:
        return self.split[0]

    @property
    def body(self) -> str:
        return self.split[1]

    @property
    def title(self) -> str:
        return typographic(str(self.front_matter["title"]))

    @property
    def date(self) -> dt.date | dt.datetime:
        """The post's date: front matter, else Zola's ``path``, else the file name."""
        value = self.front_matter.get("date")
        if isinstance(value, dt.datetime | dt.date):
            return value
        if isinstance(value, str):
            return dt.datetime.fromisoformat(value.strip())
        zola = _ZOLA_PATH_DATE.match(str(self.front_matter.get("path", "")))
        match = zola or _DATE_IN_PATH.search(self.path)
        assert match, f"{self.id}: no date in front matter or path"
        return dt.date(*(int(part) for part in match.groups()))


POSTS = [Post(entry["site"], entry["path"], entry["language"],
              tuple(bib["path"] for bib in entry["bib"])) for entry in MANIFEST]
assert len({post.id for post in POSTS}) == len(POSTS), "post ids must be unique"

# -- what today's code gets wrong ---------------------------------------------------------

#: (post id, check) -> why it fails today, one strict xfail each; see the module
#: docstring. Checks: title, h1, nothing_before_h1, no_source_text, images, embeds,
#: code, date, reading_time, latex_chapter, citations.
KNOWN_FAILURES: dict[tuple[str, str], str] = {}

CHECKS = ("title", "h1", "nothing_before_h1", "no_source_text", "images", "embeds", "code",
          "date", "reading_time", "latex_chapter", "citations")


def cases(check: str) -> list:
    params = []
    for post in POSTS:
        reason = KNOWN_FAILURES.get((post.id, check))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(post, id=post.id, marks=marks))
    return params


def test_known_failures_name_real_posts_and_checks():
    ids = {post.id for post in POSTS}
    stale = [key for key in KNOWN_FAILURES if key[0] not in ids or key[1] not in CHECKS]
    assert not stale


def test_corpus_is_as_fetched():
    """Every post is the manifest's file, byte for byte; enough posts from enough sites."""
    import hashlib

    for entry in MANIFEST:
        data = (CORPUS / entry["site"] / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["path"]
        assert entry["licence"] and entry["commit"]
        for bib in entry["bib"]:
            data = (CORPUS / entry["site"] / bib["path"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == bib["sha256"], bib["path"]
    assert len(MANIFEST) >= 60
    assert len({entry["repository"] for entry in MANIFEST}) >= 8


# -- builds ---------------------------------------------------------------------------------


def _source_tree(root: Path) -> Path:
    src = root / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF, "utf-8")
    (src / "index.md").write_text(INDEX, "utf-8")
    for post in POSTS:
        dest = src / f"{post.docname}.md"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(post.source, dest)
    for entry in MANIFEST:
        # A post's bibliography keeps its place in the site beside the post.
        for bib in entry["bib"]:
            dest = src / "posts" / entry["site"] / bib["path"]
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(CORPUS / entry["site"] / bib["path"], dest)
    return src


def _build(root: Path, builder: str):
    return built(builder, _source_tree(root))


@pytest.fixture(scope="module")
def html_build(tmp_path_factory):
    app = _build(tmp_path_factory.mktemp("real-posts-html"), "html")
    return Path(app.outdir), warnings_of(app)


@pytest.fixture(scope="module")
def latex_build(tmp_path_factory):
    app = _build(tmp_path_factory.mktemp("real-posts-latex"), "latex")
    return Path(app.outdir), warnings_of(app)


def page(html_build, post: Post) -> BeautifulSoup:
    outdir, _ = html_build
    path = outdir / f"{post.docname}.html"
    assert path.exists(), f"{post.docname}.html was not written"
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def body_of(soup: BeautifulSoup) -> Tag:
    body = soup.select_one("div.body")
    assert body is not None, "no div.body"
    return body


def visible_text(body: Tag, separator: str = " ") -> str:
    """What a reader reads in the main content, code and rendered math left out.

    With ``separator=""`` text split over several nodes reads as one string
    (``{{`` in one node and ``<gh 1 >`` in the next is ``{{<gh 1 >``).
    """
    body = BeautifulSoup(str(body), "html.parser")
    for node in body.select("pre, code, script, style, .math, math"):
        node.decompose()
    return body.get_text(separator)


# -- the source as its author meant it ------------------------------------------------------

_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,})[^\n]*\n.*?^\1\2[ \t]*$", re.S | re.M)
_INLINE_CODE = re.compile(r"(`+).+?\1", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ESCAPED_SHORTCODE = re.compile(r"\{\{<\s*/\*.*?\*/\s*>\}\}|\{\{%\s*/\*.*?\*/\s*%\}\}", re.S)


def prose_source(post: Post, inline_code: bool = False) -> str:
    """The body without code blocks, comments or escaped (literal) shortcodes.

    Inline code is dropped too, unless ``inline_code``: then only its backticks go.
    """
    text = _FENCE.sub("", post.body)
    text = _COMMENT.sub("", text)
    text = _ESCAPED_SHORTCODE.sub("", text)
    return _INLINE_CODE.sub(lambda m: m.group(0).strip("`") if inline_code else "", text)


_FENCE_PARTS = re.compile(r"^([ \t]*)(`{3,}|~{3,})([^\n]*)\n(.*?)^\1\2[ \t]*$", re.S | re.M)
#: knitr chunk options that keep the code from the reader.
_HIDDEN_CHUNK = re.compile(r"\b(?:include|echo)\s*=\s*F(?:ALSE)?\b")


def code_blocks(post: Post) -> list[str]:
    """The first line of each code block a reader of the original site sees.

    R Markdown chunks (```` ```{r} ````) count unless ``echo``/``include`` is false;
    Pandoc raw blocks (```` ```{=html} ````) are markup, not code.
    """
    firsts = []
    for match in _FENCE_PARTS.finditer(_COMMENT.sub("", post.body)):
        info, code = match.group(3).strip(), match.group(4)
        if info.startswith("{=") or _HIDDEN_CHUNK.search(info):
            continue
        line = next((line.strip() for line in code.splitlines() if line.strip()), "")
        if line and not line.startswith("#|"):
            firsts.append(line)
    return firsts


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
_HTML_IMAGE = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)", re.I)
_FIGURE = re.compile(r"\{\{[<%]\s*figure\b[^}]*?\bsrc\s*=\s*\"?([^\"\s}]+)")
_REMOTE = re.compile(r"^(https?:)?//", re.I)


def remote_images(post: Post) -> list[str]:
    """Remote images the post shows (local ones are not in the corpus: a warning is right)."""
    prose = prose_source(post)
    found = _MD_IMAGE.findall(prose) + _HTML_IMAGE.findall(prose) + _FIGURE.findall(prose)
    return sorted({url for url in found if _REMOTE.match(url)})


_YOUTUBE = re.compile(r"\{\{[<%]\s*(?:youtube|vimeo)\s+(?:id=)?\"?([\w-]+)")
_IFRAME = re.compile(r"<iframe\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)", re.I)


def embeds(post: Post) -> list[str]:
    prose = prose_source(post)
    return sorted(set(_YOUTUBE.findall(prose) + _IFRAME.findall(prose)))


# Money, not math: $5, $10, US$3, $1,000.50, $$30 (a doubled sign before a number).
_MONEY = re.compile(r"(?:[A-Z]{1,3})?\$+\s?\d[\d,.]*(?:\s?(?:[kKmMbB]|million|billion)\b)?")
_INLINE_MATH = re.compile(r"\$(?=[^\s$])[^$\n]{1,200}?(?<=[^\s$])\$")
_HTML_SOURCE = re.compile(r"<[a-zA-Z/!][^>]*>")
_LITERALS = ("{{<", "{{%", "{%", "^[", ":::", "<!--")


#: A tag the author escaped (``\\<del\\>``): Markdown prints it, as the author means.
_ESCAPED_TAG = re.compile(r"\\<([^<>\n]*?)\\>")


def escaped_tags(post: Post) -> set[str]:
    """The tags the post's prose prints on purpose, as a reader reads them."""
    return {typographic(f"<{tag}>") for tag in _ESCAPED_TAG.findall(prose_source(post))}


def source_leaks(text: str, joined: str, printed: set[str] = frozenset()) -> list[str]:
    """Markup a reader should never see printed: HTML, shortcodes, Liquid, math source.

    ``text`` has its nodes apart, ``joined`` together (for literals split over nodes);
    ``printed`` holds the tags the author escaped to show them.
    """
    found = [m.group(0)[:60] for m in _HTML_SOURCE.finditer(text)
             if typographic(m.group(0)) not in printed]
    found += [literal for literal in _LITERALS if literal in joined]
    no_money = _MONEY.sub(" ", text)
    if "$$" in no_money:
        found.append("$$")
    found += [m.group(0)[:60] for m in _INLINE_MATH.finditer(no_money)]
    return found


_BIB_ENTRY = re.compile(r"^\s*@\w+\s*\{\s*([^,\s]+)\s*,", re.M)
#: A Pandoc citation key after its ``@`` (trailing punctuation is no part of it).
_CITE_KEY = re.compile(r"(?<![\w@/])-?@(\w(?:\w|[:.#$%&\-+?<>~/](?=\w))*)")


def cited_keys(post: Post) -> list[str]:
    """Keys of the post's bibliography files that its prose cites, ``[@key]`` or ``@key``."""
    keys = {key for bib in post.bib
            for key in _BIB_ENTRY.findall((CORPUS / post.site / bib).read_text("utf-8"))}
    return sorted(set(_CITE_KEY.findall(prose_source(post))) & keys)


_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_FOOTNOTE_DEF = re.compile(r"^\[\^[^\]]+\]:.*(?:\n(?:[ \t]+.*|[ \t]*))*", re.M)
_LINK_DEF = re.compile(r"^[ \t]*\[[^\]]+\]:[ \t]*\S+.*$", re.M)
_MARKUP = re.compile(r"\{\{[<%][^\n]*?[%>]\}\}|\{%[^\n]*?%\}|<[^>\n]+>|\]\([^)\n]*\)")


def reading_counts(post: Post) -> tuple[int, int]:
    """(words, CJK characters) of the prose a reader reads: no code, markup or footnotes."""
    text = _FOOTNOTE_DEF.sub("", prose_source(post, inline_code=True))
    text = _MARKUP.sub(" ", _LINK_DEF.sub("", text))
    cjk = len(_CJK.findall(text))
    return len(_WORD.findall(_CJK.sub(" ", text))), cjk


# -- the checks -----------------------------------------------------------------------------


@pytest.mark.parametrize("post", cases("title"))
def test_page_title_is_the_front_matter_title(html_build, post):
    title = page(html_build, post).title
    assert title is not None
    assert typographic(title.get_text()).startswith(post.title)


@pytest.mark.parametrize("post", cases("h1"))
def test_one_h1_and_it_is_the_title(html_build, post):
    h1s = body_of(page(html_build, post)).find_all("h1")
    texts = [typographic(h.get_text(" ").replace("¶", "")) for h in h1s]
    assert texts == [post.title]


@pytest.mark.parametrize("post", cases("nothing_before_h1"))
def test_nothing_but_the_title_section(html_build, post):
    body = body_of(page(html_build, post))
    h1 = body.find("h1")
    assert h1 is not None, "no h1"
    section = h1.find_parent("section")
    outside = [child for child in body.children if isinstance(child, Tag) and child is not section
               and (child.get_text(strip=True) or child.find(["img", "iframe"]))]
    outside += [str(child).strip() for child in body.children
                if not isinstance(child, Tag) and str(child).strip()]
    before = [s.strip() for s in h1.find_all_previous(string=True)
              if s.strip() and body in s.parents]
    assert not outside and not before, (outside[:3], before[:3])


@pytest.mark.parametrize("post", cases("no_source_text"))
def test_no_source_markup_in_visible_text(html_build, post):
    body = body_of(page(html_build, post))
    assert source_leaks(visible_text(body), visible_text(body, ""), escaped_tags(post)) == []


@pytest.mark.parametrize("post", cases("images"))
def test_remote_images_are_shown(html_build, post):
    shown = {img.get("src") for img in body_of(page(html_build, post)).find_all("img")}
    assert [url for url in remote_images(post) if url not in shown] == []


@pytest.mark.parametrize("post", cases("embeds"))
def test_embeds_are_an_iframe_or_a_link(html_build, post):
    body = body_of(page(html_build, post))
    targets = [tag.get("src", "") for tag in body.find_all("iframe")]
    targets += [tag.get("href", "") for tag in body.find_all("a")]
    missing = [ref for ref in embeds(post) if not any(ref in target for target in targets)]
    assert missing == []


@pytest.mark.parametrize("post", cases("code"))
def test_code_blocks_are_shown_as_code(html_build, post):
    shown = [" ".join(pre.get_text().split()) for pre in
             body_of(page(html_build, post)).find_all("pre")]
    missing = [line for line in code_blocks(post)
               if not any(" ".join(line.split()) in block for block in shown)]
    assert missing == []


_OFFSET = re.compile(r"(Z|[+-]\d\d:?\d\d)$")


@pytest.mark.parametrize("post", cases("date"))
def test_panel_date_has_an_offset_and_is_the_posts_date(html_build, post):
    panel = body_of(page(html_build, post)).select_one(".news-meta")
    assert panel is not None, "no metadata panel"
    time = panel.find("time", attrs={"datetime": True})
    assert time is not None, "no <time datetime> in the panel"
    stamp = time["datetime"]
    assert _OFFSET.search(stamp), f"{stamp!r} has no offset"
    shown = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    expected = post.date
    if isinstance(expected, dt.datetime) and expected.tzinfo is not None:
        assert shown == expected
    elif isinstance(expected, dt.datetime):
        assert shown.replace(tzinfo=None) == expected
    else:
        assert shown.date() == expected


_MINUTES = re.compile(r"(\d+)\s*min")


@pytest.mark.parametrize("post", cases("reading_time"))
def test_reading_time_matches_the_prose(html_build, post):
    panel = body_of(page(html_build, post)).select_one(".news-meta")
    assert panel is not None, "no metadata panel"
    match = _MINUTES.search(panel.get_text(" "))
    assert match, f"no reading time in {panel.get_text(' ')!r}"
    shown = int(match.group(1))
    words, cjk = reading_counts(post)
    expected = words / 230 + cjk / 400  # newsroom_words_per_minute, newsroom_cjk_chars_per_minute
    # Minutes are whole, rounded up (at least 1): right if a count within 25% of this
    # one gives them.
    low, high = max(1, math.ceil(0.75 * expected)), max(1, math.ceil(1.25 * expected))
    assert low <= shown <= high, (shown, round(expected, 2), words, cjk)


@pytest.mark.parametrize("post", cases("citations"))
def test_pandoc_citations_link_to_their_entries(html_build, post):
    """A key of the post's bibliography is no longer printed: it links to its entry."""
    from docutils.nodes import make_id

    body = body_of(page(html_build, post))
    keys = cited_keys(post)
    text = visible_text(body)
    assert [key for key in keys if f"@{key}" in text] == []
    references = body.select_one("section.news-references")
    for key in keys:
        anchor = make_id(f"ref-{key}")
        entry = body.find(id=anchor)
        assert entry is not None and references in entry.parents, key
        assert body.find("a", class_="news-citation", href=f"#{anchor}"), key


def _latex_title(title: str) -> str:
    """A title as it appears in ``\\chapter{...}`` after escaping, for a loose match."""
    return re.sub(r"[^\w\u4e00-\u9fff]+", "", title)


@pytest.fixture(scope="module")
def chapters(latex_build) -> list[str]:
    outdir, _ = latex_build
    tex = (outdir / "corpus.tex").read_text("utf-8")
    heads = re.findall(r"^\\chapter\*?\{(.*)\}\s*$", tex, re.M)
    return [_latex_title(re.sub(r"\\[a-zA-Z]+\{?|[{}]", "", head)) for head in heads]


@pytest.mark.parametrize("post", cases("latex_chapter"))
def test_one_chapter_per_article(chapters, post):
    wanted = _latex_title(post.title)
    assert chapters.count(wanted) == 1, (wanted, [c for c in chapters if c[:6] == wanted[:6]])


def _chapter_heads(layout: str) -> list[str]:
    """The title under each "CHAPTER" head of ``pdftotext -layout``'s text.

    The head is "CHAPTER", the number spelt out ("ONE"), then the title's
    lines up to the next blank line.
    """
    lines = [line.strip() for line in layout.splitlines()]
    heads = []
    for at, line in enumerate(lines):
        if line == "CHAPTER":
            rest = iter(lines[at + 1:])
            next(w for w in rest if w)  # the number
            head = [next(w for w in rest if w)]
            head += itertools.takewhile(bool, rest)
            heads.append(" ".join(head))
    return heads


def _letters(text: str) -> str:
    """Letters and digits only, case folded: a title however TeX cased and broke it."""
    return re.sub(r"[\W_]+", "", text).casefold()


@pytest.mark.pdf
@needs_tex
def test_corpus_pdf_compiles_one_chapter_per_article(latex_build):
    outdir, _ = latex_build
    run = run_latexmk(outdir, "corpus.tex")
    assert run.returncode == 0, run.stdout[-3000:]
    pdf = outdir / "corpus.pdf"
    layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                            text=True, check=True).stdout
    assert sorted(map(_letters, _chapter_heads(layout))) == \
        sorted(_letters(post.title) for post in POSTS)
