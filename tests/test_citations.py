"""Tests for sphinx_newsroom.citations: parsing, keys, styles, export."""

# The seed footnotes are copied verbatim from the first real article, full-width
# punctuation included; escaping them would hide exactly what is being parsed.

from __future__ import annotations

import dataclasses
import datetime
import itertools
import json
import re
import time

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_newsroom.citations.bibliography import collect
from sphinx_newsroom.citations.export import to_bibtex, to_csl_json
from sphinx_newsroom.citations.keys import citation_key
from sphinx_newsroom.citations.model import Citation, Mark, Segment, Written
from sphinx_newsroom.citations.notes import classify, linked_documents
from sphinx_newsroom.citations.parse import parse_citation, url_spans
from sphinx_newsroom.citations.parse_zh import is_chinese_reference
from sphinx_newsroom.citations.styles import STYLES, format_citation
from sphinx_newsroom.model.article import Article, Source

D = datetime.date

SEED_1 = (
    "OpenAI转向TPU，这对谷歌、英伟达和亚马逊意味着什么？"
    "·华尔街见闻·许超（2025/6/30）·检索日期2025/7/2"
)
SEED_2 = (
    "OpenAI转向TPU，这对谷歌、英伟达和亚马逊意味着什么？ - 新浪财经"
    "·新浪财经·（2025/6/30）·检索日期2025/7/2"
)
SEED_3 = (
    "OpenAI转向TPU：这对谷歌意味着什么？ - moomoo 社区·moomoo 社区·（2025/6/30）·检索日期2025/7/2"
)
TITLE_1 = "OpenAI转向TPU，这对谷歌、英伟达和亚马逊意味着什么？"

ENGLISH = (
    'Xu Chao, "OpenAI Turns to TPUs," Wall Street CN, June 30, 2025. '
    "https://example.com/a (accessed July 2, 2025)."
)


def fields(citation: Citation) -> tuple[object, ...]:
    return (
        citation.title,
        citation.publisher,
        citation.author,
        citation.date,
        citation.accessed,
        citation.url,
    )


def plain(citation: Citation, style: str = "default") -> str:
    return "".join(segment.text for segment in format_citation(citation, style))


def squash_ws(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------
# Seeds from the first real article
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SEED_1, (TITLE_1, "华尔街见闻", "许超", D(2025, 6, 30), D(2025, 7, 2), "")),
        # The site suffix repeats the publisher, so it is no part of the title.
        (SEED_2, (TITLE_1, "新浪财经", "", D(2025, 6, 30), D(2025, 7, 2), "")),
        (
            SEED_3,
            (
                "OpenAI转向TPU：这对谷歌意味着什么？",
                "moomoo 社区",
                "",
                D(2025, 6, 30),
                D(2025, 7, 2),
                "",
            ),
        ),
    ],
)
def test_seed_sources(text: str, expected: tuple[object, ...]) -> None:
    citation = parse_citation(text)
    assert citation.raw == text
    assert citation.structured
    assert fields(citation) == expected
    assert citation.language == "zh"


# ---------------------------------------------------------------------------
# Shape 1: the Chinese newsroom form
# ---------------------------------------------------------------------------

ZH_EXPECTED = ("标题", "出版方", "作者", D(2025, 6, 30), D(2025, 7, 2), "")


@pytest.mark.parametrize(
    "text",
    [
        "标题·出版方·作者（2025/6/30）·检索日期2025/7/2",
        "标题 · 出版方 · 作者 （2025/6/30） · 检索日期2025/7/2",
        "标题・出版方・作者（2025/6/30）・检索日期2025/7/2",
        "标题•出版方•作者(2025/6/30)•检索日期2025/7/2",
        "标题·出版方·作者（2025-06-30）·检索日期2025/7/2",
        "标题·出版方·作者（2025.6.30）·检索日期2025/7/2",
        "标题·出版方·作者（2025年6月30日）·检索日期2025/7/2",
        "标题·出版方·作者（2025/6/30）·检索日期：2025/7/2",
        "标题·出版方·作者（2025/6/30）·访问日期 2025-07-02",
        "标题·出版方·作者（2025/6/30）·访问于2025年7月2日",
        "  标题·出版方·作者（2025/6/30）·检索日期2025/7/2。\n",
    ],
)
def test_zh_form_variants(text: str) -> None:
    citation = parse_citation(text)
    assert citation.structured
    assert fields(citation) == ZH_EXPECTED


@pytest.mark.parametrize(
    "text",
    [
        "https://example.com/a 标题·出版方·作者（2025/6/30）·检索日期2025/7/2",
        "标题·出版方·https://example.com/a·作者（2025/6/30）·检索日期2025/7/2",
        "标题·出版方·作者（2025/6/30）https://example.com/a·检索日期2025/7/2",
        "标题·出版方·作者（2025/6/30）·检索日期2025/7/2 https://example.com/a",
        "标题·出版方·作者（2025/6/30）·检索日期2025/7/2·https://example.com/a。",
    ],
)
def test_zh_form_url_anywhere(text: str) -> None:
    assert fields(parse_citation(text)) == (*ZH_EXPECTED[:5], "https://example.com/a")


def test_zh_form_title_keeps_inner_separators() -> None:
    citation = parse_citation("埃隆·马斯克：特斯拉·SpaceX·新华社·记者（2025/6/30）")
    assert fields(citation) == (
        "埃隆·马斯克：特斯拉·SpaceX",
        "新华社",
        "记者",
        D(2025, 6, 30),
        None,
        "",
    )


def test_zh_form_without_author_date_segment_needs_another_anchor() -> None:
    assert fields(parse_citation("标题·出版方·检索日期2025/7/2")) == (
        "标题",
        "出版方",
        "",
        None,
        D(2025, 7, 2),
        "",
    )
    assert fields(parse_citation("标题·出版方·https://example.com/a")) == (
        "标题",
        "出版方",
        "",
        None,
        None,
        "https://example.com/a",
    )


def test_zh_form_date_time_suffix_is_part_of_the_date() -> None:
    citation = parse_citation("标题·出版方·作者（2025/6/30 08:15）")
    assert (citation.author, citation.date) == ("作者", D(2025, 6, 30))


def test_zh_form_title_only_before_date() -> None:
    citation = parse_citation("标题·（2025/6/30）")
    assert fields(citation) == ("标题", "", "", D(2025, 6, 30), None, "")


# ---------------------------------------------------------------------------
# Shape 2: English quoted form
# ---------------------------------------------------------------------------


def test_english_full() -> None:
    citation = parse_citation(ENGLISH)
    assert fields(citation) == (
        "OpenAI Turns to TPUs",
        "Wall Street CN",
        "Xu Chao",
        D(2025, 6, 30),
        D(2025, 7, 2),
        "https://example.com/a",
    )
    assert citation.language == "en"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jane Doe, “Chips Are Down,” The Verge, Jun. 30, 2025.",
            ("Chips Are Down", "The Verge", "Jane Doe", D(2025, 6, 30), None, ""),
        ),
        (
            '"Chips Are Down," The Verge, 30 June 2025.',
            ("Chips Are Down", "The Verge", "", D(2025, 6, 30), None, ""),
        ),
        (
            '"Chips Are Down," The Verge, 2025-06-30. https://theverge.com/x',
            ("Chips Are Down", "The Verge", "", D(2025, 6, 30), None, "https://theverge.com/x"),
        ),
        (
            '"Chips Are Down," The Verge, Sept. 3rd, 2025. Retrieved on 4 September 2025.',
            ("Chips Are Down", "The Verge", "", D(2025, 9, 3), D(2025, 9, 4), ""),
        ),
        (
            "许超，《OpenAI转向TPU》，华尔街见闻，2025年6月30日。",
            ("OpenAI转向TPU", "华尔街见闻", "许超", D(2025, 6, 30), None, ""),
        ),
    ],
)
def test_english_variants(text: str, expected: tuple[object, ...]) -> None:
    citation = parse_citation(text)
    assert citation.structured
    assert fields(citation) == expected


def test_quote_inside_prose_is_not_a_citation() -> None:
    text = 'He said "hello" to me on June 30, 2025 and left'
    assert not parse_citation(text).structured


# ---------------------------------------------------------------------------
# Shape 3: period form
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "OpenAI turns to Google TPUs. Reuters. 2025-06-30. https://www.reuters.com/x",
            (
                "OpenAI turns to Google TPUs",
                "Reuters",
                "",
                D(2025, 6, 30),
                None,
                "https://www.reuters.com/x",
            ),
        ),
        (
            "OpenAI turns to Google TPUs. Reuters. June 30, 2025.",
            ("OpenAI turns to Google TPUs", "Reuters", "", D(2025, 6, 30), None, ""),
        ),
        (
            "OpenAI turns to Google TPUs. Reuters. 2025年6月30日",
            ("OpenAI turns to Google TPUs", "Reuters", "", D(2025, 6, 30), None, ""),
        ),
        (
            "OpenAI turns to Google TPUs. Reuters. https://www.reuters.com/x",
            ("OpenAI turns to Google TPUs", "Reuters", "", None, None, "https://www.reuters.com/x"),
        ),
        (
            "U.S. chip curbs widen. Reuters. 2025.6.30. Accessed 2025-07-02.",
            ("U.S. chip curbs widen", "Reuters", "", D(2025, 6, 30), D(2025, 7, 2), ""),
        ),
        (
            "What now? Reuters. 2025-06-30",
            ("What now?", "Reuters", "", D(2025, 6, 30), None, ""),
        ),
        (
            "埃隆·马斯克访华. 新华社. 2025-06-30",
            ("埃隆·马斯克访华", "新华社", "", D(2025, 6, 30), None, ""),
        ),
        (
            "Markets rally, Reuters, 2025-06-30",
            ("Markets rally", "Reuters", "", D(2025, 6, 30), None, ""),
        ),
    ],
)
def test_period_form(text: str, expected: tuple[object, ...]) -> None:
    citation = parse_citation(text)
    assert citation.structured
    assert fields(citation) == expected


# ---------------------------------------------------------------------------
# Shape 4: Markdown link
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # No site named: the URL's host is credited.
            "[OpenAI turns to TPUs](https://example.com/a)",
            ("OpenAI turns to TPUs", "example.com", "", None, None, "https://example.com/a"),
        ),
        (
            "[OpenAI turns to TPUs](https://example.com/a) · Reuters",
            ("OpenAI turns to TPUs", "Reuters", "", None, None, "https://example.com/a"),
        ),
        (
            "[OpenAI turns to TPUs](https://example.com/a), Reuters, 2025-06-30",
            ("OpenAI turns to TPUs", "Reuters", "", D(2025, 6, 30), None, "https://example.com/a"),
        ),
        (
            "Reuters: [OpenAI turns to TPUs](https://example.com/a), June 30, 2025.",
            ("OpenAI turns to TPUs", "Reuters", "", D(2025, 6, 30), None, "https://example.com/a"),
        ),
        (
            "[标题](https://example.com/a)·华尔街见闻·许超（2025/6/30）·检索日期2025/7/2",
            ("标题", "华尔街见闻", "许超", D(2025, 6, 30), D(2025, 7, 2), "https://example.com/a"),
        ),
        (
            "[标题](https://example.com/a)·新浪财经·（2025/6/30）",
            ("标题", "新浪财经", "", D(2025, 6, 30), None, "https://example.com/a"),
        ),
        (
            "[Wiki](https://en.wikipedia.org/wiki/TPU_(chip)) · Wikipedia",
            ("Wiki", "Wikipedia", "", None, None, "https://en.wikipedia.org/wiki/TPU_(chip)"),
        ),
    ],
)
def test_markdown_link(text: str, expected: tuple[object, ...]) -> None:
    citation = parse_citation(text)
    assert citation.structured
    assert fields(citation) == expected


def test_markdown_with_publisher_on_both_sides_stays_unstructured() -> None:
    text = "Reuters · [Title](https://example.com/a) · AP"
    citation = parse_citation(text)
    assert not citation.structured
    assert citation.title == text


# ---------------------------------------------------------------------------
# Shape 5: bare URL
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "url", "publisher", "accessed"),
    [
        ("https://www.example.com/news/1", "https://www.example.com/news/1", "example.com", None),
        (
            "  http://news.sina.com.cn/a.html.\n",
            "http://news.sina.com.cn/a.html",
            "news.sina.com.cn",
            None,
        ),
        ("<https://example.com/a>", "https://example.com/a", "example.com", None),
        (
            "https://user@www.example.com:8080/a?b=1",
            "https://user@www.example.com:8080/a?b=1",
            "example.com",
            None,
        ),
        (
            "https://example.com/a (accessed 2025-07-02)",
            "https://example.com/a",
            "example.com",
            D(2025, 7, 2),
        ),
        (
            "https://example.com/a 检索日期2025/7/2",
            "https://example.com/a",
            "example.com",
            D(2025, 7, 2),
        ),
    ],
)
def test_bare_url(text: str, url: str, publisher: str, accessed: D | None) -> None:
    citation = parse_citation(text)
    assert citation.structured
    assert (citation.title, citation.url, citation.publisher, citation.accessed) == (
        "",
        url,
        publisher,
        accessed,
    )
    assert citation.language == "und"


# ---------------------------------------------------------------------------
# Anything else: unstructured, never dropped
# ---------------------------------------------------------------------------


MERCURY = "https://en.wikipedia.org/wiki/Mercury_(planet)"


@pytest.mark.parametrize(
    ("text", "url"),
    [
        # A balanced ")" belongs to the URL, whatever follows it.
        (MERCURY, MERCURY),
        (f"{MERCURY}.", MERCURY),
        (f"Mercury. Wikipedia. 2025-01-01. {MERCURY}", MERCURY),
        (f"Mercury. Wikipedia. 2025-01-01. {MERCURY}.", MERCURY),
        (f"Mercury·Wikipedia·（2025/1/1）·{MERCURY}", MERCURY),
        (f"[Mercury]({MERCURY}) Wikipedia, 2025-01-01", MERCURY),
        # A URL inside parentheses: the unbalanced ")" closes the sentence's bracket.
        (f"({MERCURY})", MERCURY),
        (f"Mercury. Wikipedia. 2025-01-01. ({MERCURY}).", MERCURY),
        ("Mercury. Wikipedia. 2025-01-01. (https://x.org/a).", "https://x.org/a"),
        ("https://x.org/a)", "https://x.org/a"),
        ("https://x.org/a_(b)_c)", "https://x.org/a_(b)_c"),
        ("https://x.org/a]", "https://x.org/a"),
        ("https://x.org/a[1]", "https://x.org/a[1]"),
    ],
)
def test_url_keeps_balanced_brackets_and_drops_unbalanced_ones(text: str, url: str) -> None:
    assert parse_citation(text).url == url


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "See the company's annual report.",
        "据知情人士透露",
        "埃隆·马斯克",  # a transliterated name, not title·publisher
        "标题·出版方",  # no date, accessed date or URL to anchor the split
        "标题·出版方·作者（2025/13/40）",  # not a real date
        "Title. Publisher. 2025-06-30. And then some commentary.",
        "[link](not-a-url)",
        "\x00\x1f\u200b",
    ],
)
def test_unstructured(text: str) -> None:
    citation = parse_citation(text)
    assert citation == Citation(raw=text, title=text.strip(), language=citation.language)
    assert not citation.structured


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (SEED_1, "zh"),
        (SEED_3, "zh"),
        (ENGLISH, "en"),
        ("Interview with 许超. Reuters. 2025-06-30", "en"),
        ("東京のニュース·朝日新聞·（2025/6/30）", "und"),
        ("12345", "und"),
        ("See the company's annual report.", "en"),
        ("据知情人士透露", "zh"),
    ],
)
def test_language(text: str, language: str) -> None:
    assert parse_citation(text).language == language


# ---------------------------------------------------------------------------
# Dedupe keys
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.com/news/1",
        "http://example.com/news/1",
        "HTTPS://WWW.EXAMPLE.COM/news/1/",
        "https://example.com/news/1?utm_source=x&utm_medium=y",
        "https://example.com/news/1#comments",
        "https://example.com:443/news/1",
    ],
)
def test_url_key_normalisation(url: str) -> None:
    assert citation_key(parse_citation(url)) == "url:example.com/news/1"


def test_url_key_keeps_meaningful_differences() -> None:
    urls = [
        "https://example.com/news/1",
        "https://example.com/news/2",
        "https://example.com/News/1",
        "https://example.com/news/1?id=2",
        "https://example.com/news/1?id=3&utm_source=x",
        "https://example.org/news/1",
    ]
    keys = {citation_key(parse_citation(url)) for url in urls}
    assert len(keys) == len(urls)
    assert citation_key(parse_citation(urls[4])) == "url:example.com/news/1?id=3"


def test_url_key_wins_over_title() -> None:
    a = parse_citation("[Title A](https://example.com/a) · Reuters")
    b = parse_citation("标题B·新华社·https://www.example.com/a/")
    assert citation_key(a) == citation_key(b) == "url:example.com/a"


def test_title_publisher_key_collapses_spacing_and_punctuation() -> None:
    variants = [
        "OpenAI转向TPU，这对谷歌意味着什么？·华尔街见闻·许超（2025/6/30）",
        "OpenAI 转向 TPU, 这对谷歌意味着什么? · 华尔街见闻 · 许超 (2025-06-30)",
        # Full-width Latin letters, as some CMSes emit them.
        "\uff2f\uff50\uff45\uff4e\uff21\uff29转向\uff34\uff30\uff35这对谷歌意味着什么・华尔街见闻・（2025/6/30）",
        "OpenAI转向TPU：这对谷歌意味着什么！·华尔 街见闻·（2025年6月30日）·检索日期2025/7/9",
    ]
    keys = {citation_key(parse_citation(text)) for text in variants}
    assert keys == {"tp:openai转向tpu这对谷歌意味着什么::华尔街见闻"}


def test_title_publisher_key_ignores_case_and_quotes() -> None:
    a = parse_citation('"OpenAI Turns to TPUs," Reuters, June 30, 2025.')
    b = parse_citation("OpenAI turns to TPUs. Reuters. 2025-06-30.")
    assert citation_key(a) == citation_key(b) == "tp:openaiturnstotpus::reuters"


def test_keys_differ_for_different_sources() -> None:
    texts = [
        SEED_1,
        SEED_2,
        SEED_3,
        "Another title·华尔街见闻·（2025/6/30）",
        "See the annual report.",
    ]
    keys = [citation_key(parse_citation(text)) for text in texts]
    assert len(set(keys)) == len(keys)


def test_site_suffix_repeating_the_publisher_is_one_source_with_the_bare_title() -> None:
    bare = "OpenAI转向TPU，这对谷歌、英伟达和亚马逊意味着什么？·新浪财经·（2025/6/30）"
    assert citation_key(parse_citation(bare)) == citation_key(parse_citation(SEED_2))


def test_title_and_publisher_boundary_is_part_of_the_key() -> None:
    a = Citation(raw="a", title="ab", publisher="c", structured=True)
    b = Citation(raw="b", title="a", publisher="bc", structured=True)
    assert citation_key(a) != citation_key(b)


def test_raw_key_for_unstructured() -> None:
    a = parse_citation("See the annual report.")
    b = parse_citation("  see the annual  report ")
    assert citation_key(a) == citation_key(b) == "raw:seetheannualreport"
    assert citation_key(parse_citation("")) == "raw:"


def test_key_survives_malformed_url() -> None:
    assert citation_key(Citation(raw="x", url="http://[::1", structured=True)).startswith("url:")


# ---------------------------------------------------------------------------
# Formatting
# ---------------------------------------------------------------------------

SEED_1_RENDERED = {
    "default": f"{TITLE_1} 华尔街见闻. 许超. 2025-06-30. 检索日期 2025-07-02.",
    "gbt7714": f"许超. {TITLE_1}[N/OL]. 华尔街见闻, 2025-06-30[2025-07-02].",
    "apa": f"许超. (2025, June 30). {TITLE_1} 华尔街见闻.",
}
ENGLISH_RENDERED = {
    "default": (
        "OpenAI Turns to TPUs. Wall Street CN. Xu Chao. 2025-06-30. "
        "https://example.com/a (accessed 2025-07-02)."
    ),
    "gbt7714": (
        "Xu Chao. OpenAI Turns to TPUs[N/OL]. Wall Street CN, 2025-06-30[2025-07-02]. "
        "https://example.com/a."
    ),
    "apa": "Xu Chao. (2025, June 30). OpenAI Turns to TPUs. Wall Street CN. https://example.com/a",
}


@pytest.mark.parametrize("style", STYLES)
def test_format_seed(style: str) -> None:
    assert plain(parse_citation(SEED_1), style) == SEED_1_RENDERED[style]


@pytest.mark.parametrize("style", STYLES)
def test_format_english(style: str) -> None:
    assert plain(parse_citation(ENGLISH), style) == ENGLISH_RENDERED[style]


def test_format_segments_mark_title_and_url() -> None:
    assert format_citation(parse_citation(ENGLISH)) == [
        Segment("title", "OpenAI Turns to TPUs"),
        Segment("text", ". Wall Street CN. Xu Chao. 2025-06-30. "),
        Segment("url", "https://example.com/a"),
        Segment("text", " (accessed 2025-07-02)."),
    ]


def test_format_default_accessed_without_url() -> None:
    en = Citation(raw="x", title="T", accessed=D(2025, 7, 2), language="en", structured=True)
    zh = Citation(raw="x", title="标题", accessed=D(2025, 7, 2), language="zh", structured=True)
    assert plain(en) == "T. Accessed 2025-07-02."
    assert plain(zh) == "标题. 检索日期 2025-07-02."


def test_format_avoids_doubled_punctuation() -> None:
    citation = Citation(
        raw="x",
        title="Is it over?",
        publisher="Example Inc.",
        author="Smith J.",
        date=D(2025, 6, 30),
        structured=True,
    )
    assert plain(citation) == "Is it over? Example Inc. Smith J. 2025-06-30."
    assert plain(citation, "apa") == "Smith J. (2025, June 30). Is it over? Example Inc."
    assert plain(citation, "gbt7714") == "Smith J. Is it over?[N]. Example Inc., 2025-06-30."


def test_format_minimal_citation() -> None:
    citation = Citation(raw="x", title="T", structured=True)
    assert [plain(citation, style) for style in STYLES] == ["T.", "T[EB].", "T. (n.d.)."]


@pytest.mark.parametrize(
    ("citation", "code"),
    [
        (
            Citation(raw="x", title="T", publisher="P", url="https://e.com/", structured=True),
            "[N/OL]",
        ),
        (Citation(raw="x", title="T", publisher="P", structured=True), "[N]"),
        (Citation(raw="x", title="T", url="https://e.com/", structured=True), "[EB/OL]"),
        (Citation(raw="x", title="T", accessed=D(2025, 7, 2), structured=True), "[EB/OL]"),
        (Citation(raw="x", title="T", structured=True), "[EB]"),
    ],
)
def test_gbt7714_type_code(citation: Citation, code: str) -> None:
    assert plain(citation, "gbt7714").startswith(f"T{code}.")


def test_format_apa_without_author_leads_with_title() -> None:
    citation = parse_citation("OpenAI turns to Google TPUs. Reuters. 2025-06-30. https://r.com/x")
    assert plain(citation, "apa") == (
        "OpenAI turns to Google TPUs. (2025, June 30). Reuters. https://r.com/x"
    )


def test_format_bare_url_uses_host_in_title_position() -> None:
    citation = parse_citation("https://www.example.com/a")
    assert plain(citation) == "example.com. https://www.example.com/a"
    assert plain(citation, "gbt7714") == "example.com[N/OL]. https://www.example.com/a."


@pytest.mark.parametrize("style", STYLES)
def test_format_unstructured_is_raw_text(style: str) -> None:
    text = "  See the annual report, p. 4.  "
    assert format_citation(parse_citation(text), style) == [Segment("text", text.strip())]
    assert format_citation(parse_citation(""), style) == []


def test_format_unknown_style() -> None:
    with pytest.raises(ValueError, match="chicago"):
        format_citation(parse_citation(SEED_1), "chicago")
    with pytest.raises(ValueError):
        format_citation(parse_citation("unstructured"), "chicago")


# ---------------------------------------------------------------------------
# CSL-JSON
# ---------------------------------------------------------------------------

# A strict subset of the official CSL-JSON 1.0 input schema
# (https://resource.citationstyles.org/schema/v1.0/input/json/csl-data.json):
# the full type list, the variables this module emits, and
# additionalProperties false so that a misspelt key fails.
CSL_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "type": {
                "type": "string",
                "enum": [
                    "article", "article-journal", "article-magazine", "article-newspaper",
                    "bill", "book", "broadcast", "chapter", "classic", "collection", "dataset",
                    "document", "entry", "entry-dictionary", "entry-encyclopedia", "event",
                    "figure", "graphic", "hearing", "interview", "legal_case", "legislation",
                    "manuscript", "map", "motion_picture", "musical_score", "pamphlet",
                    "paper-conference", "patent", "performance", "periodical",
                    "personal_communication", "post", "post-weblog", "regulation", "report",
                    "review", "review-book", "software", "song", "speech", "standard",
                    "thesis", "treaty", "webpage",
                ],
            },
            "id": {"type": ["string", "number"]},
            "language": {"type": "string"},
            "title": {"type": "string"},
            "container-title": {"type": "string"},
            "URL": {"type": "string"},
            "author": {"type": "array", "items": {"$ref": "#/definitions/name-variable"}},
            "issued": {"$ref": "#/definitions/date-variable"},
            "accessed": {"$ref": "#/definitions/date-variable"},
        },
        "required": ["type", "id"],
        "additionalProperties": False,
    },
    "definitions": {
        "name-variable": {
            "type": "object",
            "properties": {
                "family": {"type": "string"},
                "given": {"type": "string"},
                "literal": {"type": "string"},
            },
            "additionalProperties": False,
            "minProperties": 1,
        },
        "date-variable": {
            "type": "object",
            "properties": {
                "date-parts": {
                    "type": "array",
                    "items": {
                        "type": "array",
                        "items": {"type": "integer"},
                        "minItems": 1,
                        "maxItems": 3,
                    },
                    "minItems": 1,
                    "maxItems": 2,
                },
            },
            "required": ["date-parts"],
            "additionalProperties": False,
        },
    },
}  # fmt: skip

VALIDATOR = jsonschema.Draft7Validator(CSL_SCHEMA)


def test_csl_seed_item() -> None:
    assert to_csl_json([("fn1", parse_citation(SEED_1))]) == [
        {
            "id": "fn1",
            "type": "article-newspaper",
            "title": TITLE_1,
            "container-title": "华尔街见闻",
            "author": [{"literal": "许超"}],
            "issued": {"date-parts": [[2025, 6, 30]]},
            "accessed": {"date-parts": [[2025, 7, 2]]},
            "language": "zh-CN",
        }
    ]


def test_csl_omits_absent_fields() -> None:
    assert to_csl_json([("u", parse_citation("https://example.com/a"))]) == [
        {
            "id": "u",
            # The host stands in for the publisher: a web page of that site.
            "type": "webpage",
            "container-title": "example.com",
            "URL": "https://example.com/a",
        }
    ]
    assert to_csl_json([("r", parse_citation("据知情人士透露"))]) == [
        {"id": "r", "type": "webpage", "title": "据知情人士透露", "language": "zh-CN"}
    ]


def test_csl_splits_authors() -> None:
    citation = Citation(raw="x", title="T", author="许超、李四 and Jane Doe", structured=True)
    assert to_csl_json([("a", citation)])[0]["author"] == [
        {"literal": "许超"},
        {"literal": "李四"},
        {"literal": "Jane Doe"},
    ]


def test_csl_validates_against_schema() -> None:
    texts = [SEED_1, SEED_2, SEED_3, ENGLISH, "https://example.com/a", "据知情人士透露", ""]
    items = to_csl_json([(f"fn{i}", parse_citation(t)) for i, t in enumerate(texts)])
    VALIDATOR.validate(items)
    # CSL processors read JSON, so the items must survive a round trip.
    assert json.loads(json.dumps(items, ensure_ascii=False)) == items


def test_schema_subset_rejects_bad_items() -> None:
    assert not VALIDATOR.is_valid([{"id": "x", "type": "news"}])
    assert not VALIDATOR.is_valid([{"id": "x", "type": "webpage", "issued": {"date-parts": [[]]}}])
    assert not VALIDATOR.is_valid([{"type": "webpage"}])


# ---------------------------------------------------------------------------
# BibTeX
# ---------------------------------------------------------------------------


def test_bibtex_seed_entry() -> None:
    assert to_bibtex([("fn1", parse_citation(SEED_1))]) == (
        "@article{fn1,\n"
        f"  title = {{{TITLE_1}}},\n"
        "  author = {{许超}},\n"
        "  journal = {华尔街见闻},\n"
        "  date = {2025-06-30},\n"
        "  urldate = {2025-07-02},\n"
        "  language = {chinese}\n"
        "}\n"
    )


def test_bibtex_misc_with_url() -> None:
    citation = parse_citation("[Title](https://example.com/a_b%20c) (accessed 2025-07-02)")
    assert to_bibtex([("x", citation)]) == (
        "@misc{x,\n"
        "  title = {Title},\n"
        "  publisher = {example.com},\n"
        "  url = {https://example.com/a_b%20c},\n"
        "  urldate = {2025-07-02},\n"
        "  language = {english}\n"
        "}\n"
    )


def test_bibtex_escapes_hostile_text() -> None:
    hostile = "50% off {deals} & $5 #1 a_b ^ ~ \\o/"
    citation = Citation(raw=hostile, title=hostile, publisher="A&B}", author="{x", structured=True)
    entry = to_bibtex([("k", citation)])
    assert (
        "  title = {50\\% off \\textbraceleft{}deals\\textbraceright{} \\& \\$5 \\#1 a\\_b "
        "\\textasciicircum{} \\textasciitilde{} \\textbackslash{}o/},\n"
    ) in entry
    assert "  journal = {A\\&B\\textbraceright{}}\n" in entry
    assert "  author = {{\\textbraceleft{}x}},\n" in entry
    assert_braces_balanced(entry)


def test_bibtex_url_keeps_verbatim_but_balanced() -> None:
    citation = Citation(raw="x", title="T", url="https://e.com/{a}\\b c", structured=True)
    assert "  url = {https://e.com/%7Ba%7D%5Cb%20c}" in to_bibtex([("k", citation)])


def test_bibtex_strips_control_characters_and_line_breaks() -> None:
    citation = Citation(raw="x", title="a\x00b\nc\td", structured=True)
    assert "  title = {ab c d}" in to_bibtex([("k", citation)])


def test_bibtex_keys_are_sanitised_and_unique() -> None:
    citation = Citation(raw="x", title="T", structured=True)
    out = to_bibtex([("fn:1", citation), ("fn 1", citation), ("注释", citation), ("", citation)])
    assert re.findall(r"^@misc\{([^,]*),", out, re.MULTILINE) == ["fn_1", "fn_1-2", "__", "ref"]


def test_bibtex_empty_citation() -> None:
    assert to_bibtex([("e", parse_citation(""))]) == "@misc{e}\n"
    assert to_bibtex([]) == ""


def assert_braces_balanced(bibtex: str) -> None:
    # BibTeX counts every brace, escaped or not, so escaping must keep them paired.
    depth = 0
    for char in bibtex:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

# Fragments that steer random text into the parser's interesting paths.
FRAGMENTS = [
    "·", "・", "•", " · ", "（", "）", "(", ")", "[", "](", "]", "“", "”", '"', "《", "》",
    "，", "：", ". ", ", ", "?", "？", "\n", "\u3000", "\x00", "\u200b",
    "2025/6/30", "2025-06-30", "2025.6.30", "2025年6月30日", "June 30, 2025", "30 Jun. 2025",
    "2025/13/40", "检索日期", "检索日期：", "访问于", "accessed ", "(accessed July 2, 2025)",
    "https://example.com/a", "http://www.example.com/b?utm_source=x#f", "https://", "标题",
    "华尔街见闻", "许超", "Reuters", "Title", "{", "}", "\\", "%", "&", "$", "#", "_", "^", "~",
]  # fmt: skip
hostile_text = st.one_of(
    st.text(),
    st.lists(
        st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)),
        max_size=25,
    ).map("".join),
)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_parse_never_raises_and_keeps_raw(text: str) -> None:
    citation = parse_citation(text)
    assert citation.raw == text
    assert citation.language in {"zh", "en", "und"}
    if not citation.structured:
        assert citation.title == text.strip()
        assert (citation.publisher, citation.author, citation.url) == ("", "", "")
        assert (citation.date, citation.accessed) == (None, None)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_structured_fields_come_from_the_input(text: str) -> None:
    citation = parse_citation(text)
    if citation.structured:
        haystack = squash_ws(text)
        for value in (citation.title, citation.publisher, citation.author, citation.url):
            assert squash_ws(value) in haystack
            assert value == value.strip()
        # An anchor is what makes a split trustworthy, or a Chinese reference form
        # (a GB/T code, an author before 《》 or ．, a publisher…), or the one
        # English form without either: the whole text is "Authors. Title."
        # ("Daniel. J. Bernstein. Faster Square Roots in Annoying Finite Fields.").
        authors_title = (citation.author and not citation.publisher
                         and squash_ws(text).strip(" .") == squash_ws(
                             f"{citation.author}. {citation.title}"))
        assert (citation.date or citation.accessed or citation.url
                or is_chinese_reference(text) or authors_title)


def test_an_authors_title_pair_is_the_one_english_reference_without_an_anchor() -> None:
    """"Authors. Title." with nothing after it is a reference; a sentence that
    merely starts with two capitalised words is not."""
    pair = parse_citation("Daniel. J. Bernstein. Faster Square Roots in Annoying Finite Fields.")
    assert (pair.structured, pair.author, pair.title) == (
        True, "Daniel. J. Bernstein", "Faster Square Roots in Annoying Finite Fields")
    sentence = "See Also. This is explained in the second part, with more."
    assert not parse_citation(sentence).structured


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_downstream_never_raises(text: str) -> None:
    citation = parse_citation(text)
    for style in STYLES:
        segments = format_citation(citation, style)
        assert all(segment.text for segment in segments)
        kinds = [segment.kind for segment in segments]
        assert all(a != "text" or b != "text" for a, b in itertools.pairwise(kinds))
    assert citation_key(citation).startswith(("url:", "tp:", "raw:"))
    VALIDATOR.validate(to_csl_json([("id", citation)]))
    assert_braces_balanced(to_bibtex([("id", citation)]))


# Generated newsroom footnotes: the parser must give every part back exactly.
_name_chars = st.sampled_from("新闻标题中美芯片市场社区ABCxyz ")
_name = st.text(_name_chars, min_size=1, max_size=8).map(str.strip).filter(bool)
_title = (
    st.text(st.one_of(_name_chars, st.sampled_from("·，？！- ")), min_size=1, max_size=20)
    .map(lambda t: t.strip(" ·"))
    # A title of bare punctuation reads as a separator, not as a title.
    .filter(lambda t: any(c.isalpha() for c in t))
)
_date_format = st.sampled_from(
    [
        "{d.year}/{d.month}/{d.day}",
        "{d.year}-{d.month:02}-{d.day:02}",
        "{d.year}.{d.month}.{d.day}",
        "{d.year}年{d.month}月{d.day}日",
    ]
)
_dates = st.dates(min_value=D(1000, 1, 1), max_value=D(9999, 12, 31))


@settings(max_examples=300)
@given(
    title=_title,
    publisher=_name,
    author=st.one_of(st.just(""), _name),
    date=_dates,
    accessed=_dates,
    date_format=_date_format,
    accessed_format=_date_format,
    separator=st.sampled_from(["·", "・", "•", " · "]),
    brackets=st.sampled_from(["（）", "()"]),
    label=st.sampled_from(["检索日期", "检索日期：", "访问日期 ", "访问于"]),
)
def test_newsroom_form_round_trip(
    title: str,
    publisher: str,
    author: str,
    date: D,
    accessed: D,
    date_format: str,
    accessed_format: str,
    separator: str,
    brackets: str,
    label: str,
) -> None:
    text = separator.join(
        [
            title,
            publisher,
            f"{author}{brackets[0]}{date_format.format(d=date)}{brackets[1]}",
            label + accessed_format.format(d=accessed),
        ]
    )
    assert fields(parse_citation(text)) == (title, publisher, author, date, accessed, "")


# ---------------------------------------------------------------------------
# Adversarial input must stay linear
# ---------------------------------------------------------------------------

N = 100_000


@pytest.mark.parametrize(
    "text",
    [
        "·" * N,
        "a·" * (N // 2),
        "（" * N,
        "（2025/6/30" * (N // 10),
        "1" * N,
        "2025/" * (N // 5),
        "accessed" + " " * N,
        "检索日期：" * (N // 5),
        '"' * N,
        "“" * N,
        "《" * N,
        "[" * N,
        "[a](http://" * (N // 11),
        "[a](https://x/" + "(" * N,
        "https://" + "a" * N,
        "https://x/" + ")" * N,
        "a. " * (N // 3),
        "a, " * (N // 3),
        "June 30, " * (N // 9),
        "30 June " * (N // 8),
        " " * N,
        "a·" * (N // 4) + "2025/6/30" + "x" * (N // 2),
        'A, "' + "t" * N + '," P, June 30, 2025.',
        "https://x/" + "北" * N,
        "https://x/a " * (N // 11),
        '"a" ' * (N // 4),
        "we " * (N // 3),
    ],
    ids=lambda text: repr(text[:12]),
)
@pytest.mark.timing
def test_huge_adversarial_input_is_fast(text: str) -> None:
    start = time.process_time()
    citation = parse_citation(text)
    format_citation(citation, "gbt7714")
    citation_key(citation)
    classify(Written(text))
    linked_documents(Written(text), every=True)
    assert time.process_time() - start < 2.0
    assert citation.raw == text


def test_dates_keep_their_precision_in_every_style():
    """A bibliography file may give only the year or the month: no day is invented."""
    year = Citation(raw="", title="T", author="A", date=datetime.date(2015, 1, 1),
                    structured=True, date_precision="year")
    month = Citation(raw="", title="T", date=datetime.date(2015, 9, 1), structured=True,
                     date_precision="month")
    assert "".join(s.text for s in format_citation(year)) == "T. A. 2015."
    assert "".join(s.text for s in format_citation(year, "apa")) == "A. (2015). T."
    assert "".join(s.text for s in format_citation(month, "apa")) == "T. (2015, September)."
    assert "".join(s.text for s in format_citation(month, "gbt7714")) == "T[EB]. 2015-09."
    assert [item["issued"] for item in to_csl_json([("y", year), ("m", month)])] == \
        [{"date-parts": [[2015]]}, {"date-parts": [[2015, 9]]}]
    assert "  date = {2015}\n" in to_bibtex([("y", year)])


def test_a_year_agrees_with_any_date_of_that_year():
    """The same work cited by year (a .bib) and by day (a footnote) is no collision."""
    by_year = Citation(raw="", title="T", publisher="P", date=datetime.date(2015, 1, 1),
                       structured=True, date_precision="year")
    by_day = Citation(raw="", title="T", publisher="P", date=datetime.date(2015, 9, 30),
                      structured=True)
    other_year = Citation(raw="", title="T", publisher="P", date=datetime.date(2016, 9, 30),
                          structured=True)
    articles = [Article("a", "A", sources=(Source("1", "1", "a1", 1, by_year),)),
                Article("b", "B", sources=(Source("1", "1", "b1", 1, by_day),)),
                Article("c", "C", sources=(Source("1", "1", "c1", 1, other_year),))]
    entries, collisions = collect(articles)
    assert len(entries) == 1
    assert [c.docname for c in collisions] == ["c"]


# -- non-ASCII URLs (kept whole) and markup from the footnote ------------------------------

BEIJING = "https://zh.wikipedia.org/wiki/北京"


@pytest.mark.parametrize(("text", "url"), [
    (f"北京·维基百科·{BEIJING}·检索日期2025/7/2", BEIJING),
    (f"{BEIJING}市", BEIJING + "市"),
    (f"{BEIJING}大学。", BEIJING + "大学"),
    (f"{BEIJING}检索日期2025/7/2", BEIJING),
    (f"见 {BEIJING}，第二段", BEIJING),
    ("http://localhost:8080，默认用户名和密码分别为admin、admin。", "http://localhost:8080"),
    (f"北京（{BEIJING}）", BEIJING),
])
def test_urls_keep_their_non_ascii_characters(text: str, url: str) -> None:
    assert [found for _, _, found in url_spans(text)] == [url]


def test_urls_sharing_an_ascii_prefix_are_different_sources() -> None:
    keys = {citation_key(parse_citation(f"{BEIJING}{tail}")) for tail in ("", "市", "大学")}
    assert len(keys) == 3
    encoded = "https://zh.wikipedia.org/wiki/%E5%8C%97%E4%BA%AC"
    assert citation_key(parse_citation(encoded)) == citation_key(parse_citation(BEIJING))
    # Escapes of ASCII characters keep their meaning: %2F is not a slash.
    assert citation_key(parse_citation("https://x.org/a%2Fb")) != citation_key(
        parse_citation("https://x.org/a/b"))


def test_a_url_is_shown_readable_and_exported_encoded() -> None:
    citation = parse_citation("北京·维基百科·https://zh.wikipedia.org/wiki/%E5%8C%97%E4%BA%AC")
    assert [s.text for s in format_citation(citation) if s.kind == "url"] == [BEIJING]
    assert to_csl_json([("id", citation)])[0]["URL"] == \
        "https://zh.wikipedia.org/wiki/%E5%8C%97%E4%BA%AC"
    assert "url = {https://zh.wikipedia.org/wiki/%E5%8C%97%E4%BA%AC}" in to_bibtex(
        [("id", parse_citation(f"北京·维基百科·{BEIJING}"))])


def _with_marks(text: str, *marks: Mark) -> Citation:
    return dataclasses.replace(parse_citation(text), marks=marks)


def test_a_footnote_s_markup_is_rendered_and_its_link_syntax_never() -> None:
    text = "Smith (2016) Principles. PeerJ 2:e86. doi: [10.7717/p](https://doi.org/10.7717/p)."
    emphasis, opening, closing = text.index("PeerJ"), text.index("["), text.index("]")
    citation = _with_marks(text, Mark("emphasis", emphasis, emphasis + 5),
                           Mark("syntax", opening, opening + 1),
                           Mark("link", opening + 1, closing, "https://doi.org/10.7717/p"),
                           Mark("syntax", closing, text.rindex(")") + 1))
    segments = format_citation(citation)
    shown = "Smith (2016) Principles. PeerJ 2:e86. doi: 10.7717/p."
    assert "".join(s.text for s in segments) == shown
    assert [s for s in segments if s.inline or s.link] == [
        Segment("text", "PeerJ", ("emphasis",)),
        Segment("text", "10.7717/p", (), "https://doi.org/10.7717/p")]
    assert to_csl_json([("id", citation)])[0]["title"] == shown


def test_a_host_inside_a_link_s_url_is_plain_text() -> None:
    raw = "[this video](https://www.youtube.com/watch?v=x)"
    url = "https://www.youtube.com/watch?v=x"
    document = Citation(raw, title="this video", publisher="youtube.com", url=url,
                        structured=True, marks=(Mark("syntax", 0, 1), Mark("link", 1, 11, url),
                                                Mark("syntax", 11, len(raw))))
    assert plain(document) == "this video. youtube.com. https://www.youtube.com/watch?v=x"
    # The title links nowhere: the URL that follows is the same link.
    assert [s for s in format_citation(document) if s.link] == []
