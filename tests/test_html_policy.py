"""The raw-HTML policy (``model/html_policy``): what it keeps, what it says it removed.

Pure (no Sphinx build), so the mutation run (docs/testing.md) uses it; the
builds of articles with raw HTML are in ``test_rawhtml.py``.
"""

from __future__ import annotations

import re

import pytest

from sphinx_newsroom.model.html_policy import (
    CONTENT_REMOVED,
    EMBED_SANDBOX,
    SLOT_ATTR,
    SLOT_TAG,
    Element,
    parse_sanitized,
    removed_by_policy,
    sanitize,
    url_scheme,
)


@pytest.mark.parametrize("tag", sorted(CONTENT_REMOVED - {"plaintext"}))
def test_code_like_elements_are_removed_with_their_content(tag):
    assert sanitize(f"a<{tag}>secret</{tag}>b") == "ab"


def test_plaintext_takes_the_rest_of_the_fragment_with_it():
    assert sanitize("a<plaintext>secret</plaintext>b") == "a"


@pytest.mark.parametrize(("fragment", "clean"), [
    ('<a href="https://example.org">x</a>',
     '<a href="https://example.org" rel="noopener noreferrer">x</a>'),
    ('<a href="mailto:a@example.org">x</a>',
     '<a href="mailto:a@example.org" rel="noopener noreferrer">x</a>'),
    # Only http, https and mailto: other schemes lose the URL, keep the text.
    ('<a href="ftp://example.org">x</a>', '<a rel="noopener noreferrer">x</a>'),
    ('<a href="tel:123">x</a>', '<a rel="noopener noreferrer">x</a>'),
    ('<p class="x" style="color:red" lang="en" dir="rtl" title="t" align="center">a</p>',
     '<p class="x" style="color:red" lang="en" dir="rtl" title="t" align="center">a</p>'),
])
def test_what_the_policy_keeps_is_written_exactly(fragment, clean):
    assert sanitize(fragment) == clean


def test_a_video_embed_is_sandboxed_and_loaded_lazily():
    clean = sanitize('<iframe src="https://www.youtube.com/embed/abc"></iframe>')
    # nh3 writes the attributes in no fixed order.
    assert clean.startswith("<iframe ") and clean.endswith("></iframe>")
    assert dict(re.findall(r'([\w-]+)="([^"]*)"', clean)) == {
        "src": "https://www.youtube.com/embed/abc", "sandbox": EMBED_SANDBOX, "loading": "lazy"}


@pytest.mark.parametrize(("url", "scheme"), [
    ("https://example.org", "https"),
    ("jav\tascript:alert(1)", "javascript"),  # tabs and newlines anywhere are dropped
    ("java\nscript:x", "javascript"),
    ("\x01 javascript:x", "javascript"),  # leading controls and spaces too
    (" \x1f\x00HTTPS://x", "https"),
    ("!javascript:x", ""),  # but nothing else: this is a relative URL
    ("XMPP:x", "xmpp"),
    ("a.png", ""),
    ("/a:b", ""),
])
def test_a_url_scheme_is_read_as_a_browser_reads_it(url, scheme):
    assert url_scheme(url) == scheme


@pytest.mark.parametrize(("fragment", "removed"), [
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', ["javascript: URL"]),
    ('<span style="color:red;position:absolute">x</span>', ["style position"]),
    ('<div style="background: url(http://x.example/a.png)">x</div>', ["style background"]),
    ('<iframe src="https://evil.example"></iframe>',
     ["<iframe> (not a YouTube or Vimeo embed)"]),
    ("<iframe></iframe>", ["<iframe> (not a YouTube or Vimeo embed)"]),
    ('<img src="a.png" onerror="x"/>', ["onerror"]),  # a self-closing tag
    ('<img src="x" onerror="a"><img onerror="b">', ["onerror"]),  # each kind once
    ('<b onclick="x">a</b><script>y</script><i style="position:fixed">b</i>',
     ["onclick", "<script>", "style position"]),  # in the order met
    # Inside an element removed with its content nothing else is reported...
    ('<script><b onclick="x"></b></script>', ["<script>"]),
    # ... but after it, or after an element removed alone, everything is.
    ('<svg></svg><i onclick="x">i</i>', ["<svg>", "onclick"]),
    ('<svg/><b onclick="x">b</b>', ["<svg>", "onclick"]),
    ('<form><b onclick="x">b</b></form>', ["<form>", "onclick"]),
    (f'<p>a<{SLOT_TAG} {SLOT_ATTR}="1"></{SLOT_TAG}></p>', []),
])
def test_the_report_names_each_kind_of_removal_once_in_order(fragment, removed):
    assert removed_by_policy(fragment) == removed


def test_sanitized_html_is_written_back_escaped_only_where_html_needs_it():
    html = '<p>say "hi" &amp; \'bye\' <b>now</b></p><details open=""><summary>s</summary></details>'
    items = parse_sanitized(sanitize(html))
    assert [item.tag for item in items if isinstance(item, Element)] == ["p", "details"]
    assert "".join(item.html() for item in items if isinstance(item, Element)) == html
    assert items[1].attrs == {"open": ""}  # type: ignore[union-attr]


def test_the_text_of_html_keeps_blocks_and_line_breaks_apart_and_words_whole():
    items = parse_sanitized(sanitize(
        "<p>un<b>believ</b>able</p><ul><li>one</li><li>two</li></ul>x<br>y"))
    assert Element("", {}, items).text() == " unbelievable   one  two  x  y"
