"""The seed article as a reader sees it, in headless Chromium."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import needs_browser

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
pytestmark = [needs_browser, pytest.mark.browser]


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1200,1600"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory):
    from conftest import REPO
    from sphinx.testing.util import SphinxTestApp

    src = tmp_path_factory.mktemp("browser") / "src"
    shutil.copytree(REPO / "example_site", src, ignore=shutil.ignore_patterns("_build"))
    app = SphinxTestApp("html", srcdir=src)
    try:
        app.build()
        yield Path(app.outdir)
    finally:
        app.cleanup()


def box(driver, selector: str) -> dict:
    return driver.execute_script(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
        "return {top: r.top, bottom: r.bottom, left: r.left, width: r.width, height: r.height};",
        selector)


def test_panel_sits_under_the_title_and_reads_well(browser, seed_site):
    browser.get((seed_site / "articles/openai-tpu.html").as_uri())
    title, panel, lede = box(browser, "h1"), box(browser, ".news-meta"), box(browser, ".news-lede")
    assert title["bottom"] <= panel["top"] < lede["top"]
    assert panel["height"] > 100 and panel["width"] > 300
    # Tags are visible badges; the text-only separators take no room on screen.
    badges = browser.find_elements("css selector", ".news-meta-tags a.news-term")
    assert len(badges) == 9 and all(b.is_displayed() and b.size["width"] > 20 for b in badges)
    sep = box(browser, ".news-meta .news-sep")
    assert sep["width"] <= 1 and sep["height"] <= 1
    # The featured image loaded and fits the panel.
    loaded = browser.execute_script(
        "const i = document.querySelector('.news-meta img');"
        "return i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().width;")
    assert loaded and loaded <= panel["width"]
    # The date is shown in Chinese, as written on the page.
    assert browser.find_element("css selector", ".news-meta-date time").text == "2025年7月2日"


def test_panel_follows_a_dark_theme(browser, seed_site):
    """Colours come from the theme: under a dark page the panel text is light."""
    browser.get((seed_site / "articles/openai-tpu.html").as_uri())
    colour = browser.execute_script(
        "document.body.style.background = '#111'; document.body.style.color = '#eee';"
        "document.querySelectorAll('div.body, div.document, div.bodywrapper, div.documentwrapper')"
        ".forEach(e => { e.style.background = '#111'; e.style.color = '#eee'; });"
        "return getComputedStyle(document.querySelector('.news-meta-summary')).color;")
    assert colour == "rgb(238, 238, 238)"


def test_term_link_leads_to_its_page(browser, seed_site):
    browser.get((seed_site / "articles/openai-tpu.html").as_uri())
    browser.find_element("css selector", ".news-meta-tags a.news-term").click()
    assert browser.find_element("css selector", "h1").text.startswith("标签: OpenAI")
    items = browser.find_elements("css selector", ".news-article-list > li")
    assert len(items) >= 2
