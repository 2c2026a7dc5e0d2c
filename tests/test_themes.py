"""The example site in five themes, as a reader sees it in headless Chromium.

For each theme the site is built, served on loopback, and an article, a term
page, the archive and the bibliography are opened: the panel sits between
the title and the lede inside the content column, a tag leads to a term page
listing the article, a footnote's bibliography link lands on its entry and the
entry's link returns, the pages log no console error and no failed request,
scroll no wider than the screen at 375 and 1280 px, and the panel's text and
badges keep the WCAG AA contrast ratio, in the dark colour scheme too where the
theme has one. Screenshots go to the artefact folder (``NEWSROOM_ARTEFACTS``,
else the test's temporary folder).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
from io import StringIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import REPO, needs_browser, warnings_of

pytestmark = [needs_browser, pytest.mark.browser]

ARTICLE = "articles/openai-tpu.html"
ARTICLE_TITLE = "OpenAI转向TPU：重塑AI算力版图的战略棋局"

#: Theme -> whether it follows ``prefers-color-scheme: dark``.
THEMES = {
    "alabaster": False,
    "furo": True,
    "pydata_sphinx_theme": True,
    "sphinx_book_theme": True,
    "sphinx_rtd_theme": False,
}

#: A theme's own elements that are wider than a 375 px screen, with or
#: without the extension: PyData's header button for the page's table of
#: contents sticks out by 5 px on every page that has one (its genindex and
#: search pages, which have none, do not scroll). The off-canvas sidebar is
#: hidden. Not the extension's to mend; anything else overflowing fails.
THEME_OVERFLOW = {"pydata_sphinx_theme": ".secondary-toggle, .bd-sidebar-secondary"}

#: WCAG 2.1 AA: 4.5 for text of normal size.
AA = 4.5

_WIDTHS = (375, 1280)


def artefacts(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("NEWSROOM_ARTEFACTS") or
                  tmp_path_factory.getbasetemp() / "artefacts") / "themes"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The example site built once per theme, all served by one loopback server."""
    from sphinx.testing.util import SphinxTestApp

    root = tmp_path_factory.mktemp("themes")
    src = root / "src"
    shutil.copytree(REPO / "example_site", src, ignore=shutil.ignore_patterns("_build"))
    site = root / "site"
    warnings = {}
    for theme in THEMES:
        overrides: dict = {"html_theme": theme}
        if theme in ("pydata_sphinx_theme", "sphinx_book_theme"):
            # Their documented default, written out: unset, the script logs an
            # error on a reader's first visit ("Got invalid theme mode").
            overrides["html_context"] = {"default_mode": "auto"}
        if theme == "pydata_sphinx_theme":
            # The site's ten top-level documents would wrap the sticky header to
            # three lines (170 px), over the entry a link lands on; a site sets
            # how many header links show before "More" (docs/themes.md).
            overrides["html_theme_options"] = {"header_links_before_dropdown": 2}
        app = SphinxTestApp("html", srcdir=src, builddir=root / f"build-{theme}", freshenv=True,
                            confoverrides=overrides,
                            status=StringIO(), warning=StringIO())
        try:
            app.build()
            warnings[theme] = warnings_of(app)
        finally:
            app.cleanup()
        shutil.copytree(Path(app.outdir), site / theme)
    # Browsers ask the server's root for an icon by themselves; the site has none.
    (site / "favicon.ico").write_bytes(b"")
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", warnings
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                 "--window-size=1280,1000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    yield driver
    driver.quit()


class Reader:
    """One theme's site in the browser, with the page's logs read after each visit."""

    def __init__(self, driver, base: str, theme: str) -> None:
        self.driver, self.base, self.theme = driver, base, theme
        self.problems: list[str] = []

    def url(self, page: str) -> str:
        return f"{self.base}/{self.theme}/{page}"

    def open(self, page: str, width: int = 1280, dark: bool = False) -> None:
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
            {"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
        self.flush()
        self.problems = []
        self.driver.get(self.url(page))
        self.settle()

    def settle(self) -> None:
        """Wait for the load, the theme's scripts and web fonts."""
        self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "const fonts = document.fonts ? document.fonts.ready : Promise.resolve();"
            "fonts.then(() => requestAnimationFrame(() => requestAnimationFrame(done)));")

    def flush(self) -> None:
        self.driver.get_log("browser")
        self.driver.get_log("performance")

    def read_logs(self, where: str) -> None:
        for entry in self.driver.get_log("browser"):
            if entry["level"] == "SEVERE":
                self.problems.append(f"{where}: console: {entry['message']}")
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message["method"] == "Network.loadingFailed" and not params.get("canceled"):
                self.problems.append(f"{where}: failed request: {params.get('errorText')}")
            elif message["method"] == "Network.responseReceived":
                response = params["response"]
                if response["status"] >= 400:
                    self.problems.append(f"{where}: {response['status']} {response['url']}")

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)


@pytest.fixture(scope="module", params=list(THEMES))
def reader(request, served, browser):
    base, warnings = served
    assert warnings[request.param] == []
    return Reader(browser, base, request.param)


BOX = """
const r = arguments[0].getBoundingClientRect();
return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right,
        width: r.width, height: r.height};
"""

#: The content column: the theme's main article element around the panel.
COLUMN = """
const panel = document.querySelector('.news-meta');
return panel.closest('article, [role=main], div.body, main');
"""


def test_panel_sits_between_title_and_lede_in_the_content_column(reader, tmp_path_factory):
    reader.open(ARTICLE)
    panel = reader.driver.find_element("css selector", ".news-meta")
    assert panel.is_displayed()
    title = reader.js("return arguments[0].closest('section').querySelector('h1')", panel)
    lede = reader.driver.find_element("css selector", ".news-lede")
    column = reader.js(COLUMN)
    assert title is not None and column is not None
    t, p, le, c = (reader.js(BOX, e) for e in (title, panel, lede, column))
    assert title.text.startswith(ARTICLE_TITLE)
    assert t["bottom"] <= p["top"] + 1 and p["bottom"] <= le["top"] + 1
    assert c["left"] - 1 <= p["left"] and p["right"] <= c["right"] + 1
    assert p["width"] >= 0.5 * c["width"] and p["height"] > 80
    badges = reader.driver.find_elements("css selector", ".news-meta-tags a.news-term")
    assert len(badges) == 9 and all(b.is_displayed() for b in badges)
    reader.driver.save_screenshot(str(artefacts(tmp_path_factory) / f"{reader.theme}-article.png"))
    reader.read_logs(ARTICLE)
    assert reader.problems == []


def test_a_tag_leads_to_a_term_page_listing_the_article(reader):
    reader.open(ARTICLE)
    badge = reader.driver.find_element("css selector", ".news-meta-tags a.news-term")
    name = badge.text.strip()
    reader.js("arguments[0].click()", badge)
    reader.settle()
    assert urlsplit(reader.driver.current_url).path.startswith(f"/{reader.theme}/tags/")
    heading = reader.driver.find_element("css selector", "section.news-term-page h1")
    assert name in heading.text
    # The term's list may run over pages (the site sets newsroom_page_size):
    # its "next" link leads on, and every page is in the theme too.
    titles: list[str] = []
    for _ in range(20):
        titles += [a.text for a in reader.driver.find_elements(
            "css selector", ".news-article-list .news-list-title a")]
        following = reader.driver.find_elements("css selector", "a.news-page-next[rel=next]")
        if ARTICLE_TITLE in titles or not following:
            break
        reader.js("arguments[0].click()", following[0])
        reader.settle()
        assert "/page/" in urlsplit(reader.driver.current_url).path
    assert ARTICLE_TITLE in titles
    reader.read_logs("term page")
    assert reader.problems == []


def test_a_footnote_reaches_its_entry_and_back(reader):
    reader.open(ARTICLE)
    link = reader.driver.find_element("css selector", "a.news-source-link")
    fragment = unquote(urlsplit(link.get_attribute("href")).fragment)
    reader.js("arguments[0].click()", link)
    reader.settle()
    assert urlsplit(reader.driver.current_url).path == f"/{reader.theme}/sources.html"
    entry = reader.js("return document.getElementById(arguments[0])", fragment)
    assert entry is not None
    # The entry is on screen, below any sticky header of the theme.
    seen = reader.js(
        "const li = arguments[0].closest('li'); const r = li.getBoundingClientRect();"
        "const hit = document.elementFromPoint(r.left + 4, r.top + 4);"
        "return r.top >= 0 && r.top < innerHeight / 2 && li.contains(hit);", entry)
    assert seen, "the bibliography entry is hidden (off screen or under a header)"
    back = reader.js("return arguments[0].closest('li').querySelector('.news-cited-by a')", entry)
    assert back is not None
    reader.js("arguments[0].click()", back)
    reader.settle()
    assert urlsplit(reader.driver.current_url).path == f"/{reader.theme}/{ARTICLE}"
    reader.read_logs("bibliography")
    assert reader.problems == []


@pytest.mark.parametrize("page", [ARTICLE, "tags/openai.html", "archive.html", "sources.html"])
@pytest.mark.parametrize("width", _WIDTHS)
def test_no_horizontal_scroll(reader, page, width, tmp_path_factory):
    reader.open(page, width=width)
    wide = reader.js(
        "const w = document.documentElement.clientWidth;"
        "return [...document.querySelectorAll('.news-meta *, .news-article-list *, "
        ".news-bibliography *, .news-archive *, .news-related *, .news-term-page *')]"
        ".filter(e => e.getBoundingClientRect().right > w + 1)"
        ".map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 60));")
    scroll = reader.js("return [document.documentElement.scrollWidth,"
                       " document.documentElement.clientWidth]")
    chrome = THEME_OVERFLOW.get(reader.theme)
    if chrome and width == 375:
        # The theme's own header is wider than a phone on pages with a page
        # table of contents; nothing else may be.
        others = reader.js(
            "const w = document.documentElement.clientWidth;"
            "return [...document.querySelectorAll('body *')]"
            ".filter(e => e.getBoundingClientRect().right > w + 1"
            " && getComputedStyle(e).position !== 'fixed' && !e.closest(arguments[0]))"
            ".map(e => e.tagName + '.' + (e.getAttribute('class') || ''));", chrome)
        assert others == []
        scroll[0] = min(scroll[0], scroll[1])
    if width == 375:
        name = page.replace("/", "-").removesuffix(".html")
        reader.driver.save_screenshot(
            str(artefacts(tmp_path_factory) / f"{reader.theme}-{name}-375.png"))
    assert scroll[0] <= scroll[1] + 1, wide[:5]
    assert wide == []
    reader.read_logs(page)
    assert reader.problems == []


CONTRAST = """
function rgba(text) {
  const m = text.match(/rgba?\\(([^)]+)\\)/);
  if (!m) return [0, 0, 0, 0];
  const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
}
function over(top, bottom) {  // top composited over an opaque bottom
  const a = top[3];
  return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
}
function background(el) {
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] >= 1) break;
  }
  let colour = [255, 255, 255, 1];
  for (const layer of layers.reverse()) colour = over(layer, colour);
  return colour;
}
function luminance(c) {
  const [r, g, b] = c.slice(0, 3).map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function opacity(el) {
  let o = 1;
  for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
  return o;
}
const out = [];
for (const el of document.querySelectorAll(arguments[0])) {
  if (!el.textContent.trim() || !el.getClientRects().length) continue;
  const back = background(el);
  const fore = rgba(getComputedStyle(el).color);
  const seen = over([fore[0], fore[1], fore[2], fore[3] * opacity(el)], back);
  const [a, b] = [luminance(seen), luminance(back)].sort((x, y) => y - x);
  out.push([el.className || el.tagName, (a + 0.05) / (b + 0.05),
            el.textContent.trim().slice(0, 30)]);
}
return out;
"""

#: What a reader reads in the panel: the labels, dates, summary and the badges.
PANEL_TEXT = (".news-meta .news-meta-label, .news-meta time, .news-meta-summary, "
              ".news-meta a.news-term, .news-meta-reading-time")


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_panel_text_and_badges_keep_aa_contrast(reader, dark, tmp_path_factory):
    reader.open(ARTICLE, dark=dark)
    if dark and not THEMES[reader.theme]:
        # A theme with no dark scheme stays light, and so does the panel in it.
        page = reader.js(CONTRAST.split("const out")[0] +
                         "return background(document.querySelector('.news-meta'));")
        assert sum(page[:3]) > 600, page
    elif dark:
        # The theme did switch: its page background is dark.
        page = reader.js(CONTRAST.split("const out")[0] +
                         "return background(document.querySelector('.news-meta').parentElement);")
        assert sum(page[:3]) < 200, page
    ratios = reader.js(CONTRAST, PANEL_TEXT)
    assert len(ratios) >= 12
    low = [(cls, round(ratio, 2), text) for cls, ratio, text in ratios if ratio < AA]
    scheme = "dark" if dark else "light"
    reader.driver.save_screenshot(
        str(artefacts(tmp_path_factory) / f"{reader.theme}-article-{scheme}.png"))
    assert low == []
    reader.read_logs(f"{scheme} article")
    assert reader.problems == []


def test_search_finds_an_article(reader):
    """The theme's search page finds a Chinese article (and breaks on no script)."""
    reader.open("search.html?q=TPU")
    found = []
    for _ in range(40):
        found = reader.js("return [...document.querySelectorAll('#search-results li a')]"
                          ".map(a => a.textContent)")
        if found:
            break
        reader.driver.implicitly_wait(0)
        reader.js("return new Promise(r => setTimeout(r, 250))")
    assert any(ARTICLE_TITLE in title for title in found), found
    reader.read_logs("search")
    assert reader.problems == []


#: The theme's own accent colour, where it names one, that the badges take.
ACCENT = {"furo": "--color-brand-content", "pydata_sphinx_theme": "--pst-color-primary",
          "sphinx_book_theme": "--pst-color-primary"}


def test_badges_take_the_theme_accent(reader):
    # A theme that names no accent colour gets sphinx-design's.
    name = ACCENT.get(reader.theme, "--sd-color-primary")
    reader.open(ARTICLE)
    badge, accent = reader.js(
        "const probe = document.createElement('span');"
        "probe.style.color = `var(${arguments[0]})`;"
        "document.querySelector('.news-meta').appendChild(probe);"
        "const accent = getComputedStyle(probe).color; probe.remove();"
        "return [getComputedStyle(document.querySelector('.news-meta a.news-term')).color,"
        " accent];", name)
    assert badge == accent
