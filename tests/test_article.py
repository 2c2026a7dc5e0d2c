"""The pure layer: front matter reading, normalisation, dates, reading time, headings."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_newsroom.config import DEFAULT_FIELDS, DEFAULT_TAXONOMIES
from sphinx_newsroom.model.article import is_article, normalise
from sphinx_newsroom.model.dates import DateError, parse_datetime
from sphinx_newsroom.model.frontmatter import read_front_matter
from sphinx_newsroom.model.headings import lift_headings
from sphinx_newsroom.model.reading_time import count_text, main_language, reading_minutes
from sphinx_newsroom.warnings_ import NewsroomWarning

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
SEED = (__import__("pathlib").Path(__file__).parent / "roots/test-seed/articles/openai-tpu.md")


def fields_of(text: str):
    return normalise(read_front_matter(text), DEFAULT_FIELDS, DEFAULT_TAXONOMIES, SHANGHAI)


def test_seed_front_matter_is_typed_and_located():
    fm = read_front_matter(SEED.read_text("utf-8"))
    assert fm.kind == "yaml" and fm.span == 21
    assert fm.data["draft"] is False
    assert fm.lines == {"title": 2, "date": 3, "draft": 4, "featured_image": 5, "summary": 6,
                        "tags": 7, "main_topics": 17}
    fields, problems = normalise(fm, DEFAULT_FIELDS, DEFAULT_TAXONOMIES, dt.UTC)
    assert problems == []
    assert fields.title == "OpenAI转向TPU：重塑AI算力版图的战略棋局"
    beijing = dt.timezone(dt.timedelta(hours=8))
    assert fields.date == dt.datetime(2025, 7, 2, 15, 40, 4, tzinfo=beijing)
    assert fields.draft is False
    assert fields.image.startswith("/newsimages/")
    assert dict(fields.terms)["tags"][:2] == ("OpenAI", "Google TPU")
    assert len(dict(fields.terms)["tags"]) == 9
    assert dict(fields.terms)["topics"] == ("算力与芯片", "产业生态与商业版图", "前沿模型与算法")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-07-02T15:40:04+08:00", "2025-07-02T15:40:04+08:00"),
        ("2025-07-02T15:40:04+0800", "2025-07-02T15:40:04+08:00"),
        ("2025-07-02T15:40:04-0500", "2025-07-02T15:40:04-05:00"),
        ("2025-07-02T15:40:04.000Z", "2025-07-02T15:40:04+00:00"),
        ("2019-02-06", "2019-02-06T00:00:00+08:00"),
        ("2019-2-06", "2019-02-06T00:00:00+08:00"),
        ("2025-07-02 5:40", "2025-07-02T05:40:00+08:00"),
        ("2021年10月01日", "2021-10-01T00:00:00+08:00"),
        (dt.date(2020, 1, 1), "2020-01-01T00:00:00+08:00"),
        (dt.datetime(2020, 1, 1, 12), "2020-01-01T12:00:00+08:00"),
        (dt.datetime(2020, 1, 1, 12, tzinfo=dt.UTC), "2020-01-01T12:00:00+00:00"),
    ],
)
def test_date_forms(value, expected):
    assert parse_datetime(value, SHANGHAI).isoformat() == expected


@pytest.mark.parametrize("value", ["yesterday", "2025-13-01", "2025-02-30", "", 20250101, None,
                                   "2025-01-01T10:00+25:00"])
def test_bad_dates_raise_a_reason(value):
    with pytest.raises(DateError):
        parse_datetime(value, SHANGHAI)


def test_naive_and_date_only_values_get_the_configured_zone():
    fields, problems = fields_of("---\ndate: 2025-07-02\nlastmod: 2025-07-03 08:00:00\n---\n")
    assert problems == []
    assert fields.date.tzinfo is SHANGHAI and fields.updated.tzinfo is SHANGHAI


def test_every_field_and_alias():
    fields, problems = fields_of(
        "---\ntitle: T\npublishDate: 2025-01-01\nmodified: 2025-01-02\ndraft: 'yes'\n"
        "cover: /a.png\ndescription: D\nauthor: Solo\nkeywords: [k1]\ncategories: [c1]\n---\n"
    )
    assert problems == []
    assert (fields.title, fields.draft, fields.image, fields.summary) == ("T", True, "/a.png", "D")
    assert fields.date.date() == dt.date(2025, 1, 1)
    assert fields.updated.date() == dt.date(2025, 1, 2)
    assert fields.authors == ("Solo",)
    assert dict(fields.terms) == {"tags": ("k1",), "topics": ("c1",)}


@pytest.mark.parametrize(
    ("yaml_text", "subtype", "line", "fragment"),
    [
        ("title: [a, b]", "field", 2, "'title': expected text, got list"),
        ("title: ''\ndate: 2025-01-01", "title", 2, "the title is empty"),
        ("date: yesterday", "date", 2, "'date': 'yesterday' is not a date"),
        ("date: 2025-01-01\nlastmod: 2025-02-30", "date", 3, "'lastmod': '2025-02-30'"),
        ("draft: maybe", "draft", 2, "'maybe' is neither true nor false"),
        ("summary: {a: 1}", "field", 2, "'summary': expected text, got dict"),
        ("authors: [42]", "field", 2, "an author must be text"),
        ("tags: [ok, {x: 1}]", "term", 2, "tags must be text"),
        ("tags: [ok, '']", "term", 2, "empty tags entry"),
        ("featured_image: [a]", "field", 2, "'featured_image': expected text"),
    ],
)
def test_type_errors_are_located_problems(yaml_text, subtype, line, fragment):
    _fields, problems = fields_of(f"---\n{yaml_text}\n---\n")
    assert [(p.subtype, p.line) for p in problems] == [(NewsroomWarning(subtype), line)]
    assert fragment in problems[0].message


def test_unknown_draft_value_fails_safe():
    fields, _ = fields_of("---\ndraft: maybe\n---\n")
    assert fields.draft is True


def test_scalar_title_is_kept_as_text_with_a_warning():
    fields, problems = fields_of("---\ntitle: 2025\n---\n")
    assert fields.title == "2025" and problems[0].subtype is NewsroomWarning.FIELD


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ("tags: 'a, b，c、d'", ("a", "b", "c", "d")),
        ("tags: [AI, ＡＩ, ' ai ']", ("AI",)),
        ("tags: [2025, 3.5]", ("2025", "3.5")),
        ("tags:", ()),
        ("tags: ~", ()),
        ("tags: ['a\u200bb', 'Cloud   computing']", ("ab", "Cloud computing")),
    ],
)
def test_term_forms(tags, expected):
    fields, problems = fields_of(f"---\n{tags}\n---\n")
    assert problems == []
    assert dict(fields.terms)["tags"] == expected


def test_broken_yaml_is_a_located_problem():
    fm = read_front_matter("---\ntitle: ok\ndate: [2025\n---\nbody")
    assert fm.data == {} and fm.problems[0].subtype is NewsroomWarning.FRONTMATTER
    assert "not valid YAML" in fm.problems[0].message and fm.problems[0].line >= 2


def test_alias_bomb_is_refused_quickly():
    levels = zip("abcdefgh", "bcdefghi", strict=True)
    bomb = "---\na: &a [1,1,1,1,1,1,1,1,1]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in levels
    ) + "---\n"
    fm = read_front_matter(bomb)
    # Nothing here may print the front matter: a bomb that was read would take forever.
    problems, read_nothing = fm.problems, not fm.data
    assert problems and "alias bomb" in problems[0].message
    assert read_nothing


def test_huge_front_matter_is_refused():
    fm = read_front_matter("---\nsummary: " + "x" * 70_000 + "\n---\n")
    assert fm.data == {} and "larger than" in fm.problems[0].message


def test_toml_front_matter():
    fm = read_front_matter('+++\ntitle = "T"\ndate = 2025-03-04\n+++\nbody')
    assert fm.kind == "toml" and fm.data["title"] == "T" and fm.lines["date"] == 3


def test_no_front_matter():
    assert read_front_matter("# Title\n\ntext").kind == ""
    assert read_front_matter("---\nnever closed").kind == ""


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [("date: 2025-01-01", True), ("title: x", False), ("article: true", True),
     ("date: 2025-01-01\narticle: false", False), ("article: 'yes'", True)],
)
def test_is_article(yaml_text, expected):
    assert is_article(read_front_matter(f"---\n{yaml_text}\n---\n"), DEFAULT_FIELDS) is expected


def test_reading_time_counts_chinese_characters():
    body = SEED.read_text("utf-8").split("---", 2)[2]
    words, cjk = count_text(body)
    assert 1800 < cjk < 2000 and 100 < words < 200
    # 1,889 Han characters at 400 a minute plus 135 Latin words at 230: 5.3 minutes.
    assert reading_minutes((words, cjk), 230, 400) == 6
    assert main_language((words, cjk)) == "zh"


def test_reading_time_english():
    text = "word " * 460
    assert count_text(text) == (460, 0)
    assert reading_minutes(count_text(text), 230, 400) == 2
    assert reading_minutes(count_text(""), 230, 400) == 0
    assert reading_minutes(count_text("one"), 230, 400) == 1
    assert main_language(count_text(text)) == "en"


CJK_CHAR = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\U00020000-\U0002fa1f]")


TEXT_PIECES = [*"ab1_ -'’.\n\t,", "中", "文", "の", "한", "\U00020001", "\u3040", "\u30ff", "é"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(TEXT_PIECES)))
def test_count_text_counts_each_cjk_character_and_the_words_between(text):
    """Every CJK character counts once, and separates the words around it."""
    words = len(re.findall(r"[^\W_]+(?:['’\-][^\W_]+)*", CJK_CHAR.sub(" ", text)))
    assert count_text(text) == (words, len(CJK_CHAR.findall(text)))


def test_headings_are_lifted_line_preservingly():
    text = SEED.read_text("utf-8")
    lifted, needs_title = lift_headings(text, 21, ["引用"])
    assert needs_title
    assert lifted.count("\n") == text.count("\n")
    heads = [line for line in lifted.splitlines() if line.startswith("#")]
    assert heads[0] == "# 技术格局的深层变迁" and heads[-1] == "# 引用"
    assert all(h.startswith("# ") for h in heads)


def test_headings_inside_code_fences_are_left_alone():
    text = "---\ndate: 2025-01-01\n---\n### A\n```\n### not a heading\n```\n#### B\n"
    lifted, _ = lift_headings(text, 3)
    assert lifted.splitlines()[3:] == ["# A", "```", "### not a heading", "```", "## B"]


def test_setext_headings_are_lifted_without_moving_lines():
    lifted, _ = lift_headings("Intro\n\nTitle\n-----\n\ntext\n", 0)
    assert lifted.splitlines() == ["Intro", "", "Title", "=====", "", "text"]


def test_body_with_h1_is_untouched():
    text = "# Own\n\n### sub\n"
    assert lift_headings(text, 0) == (text, False)


def test_articles_pickle_as_constructor_calls():
    """The environment stores articles; a rebuild must restore them exactly,
    without the slow per-field ``__setstate__`` of slotted dataclasses."""
    import pickle
    import pickletools

    from sphinx_newsroom.citations.parse import parse_citation
    from sphinx_newsroom.model.article import Article, Source

    zone = dt.timezone(dt.timedelta(hours=8))
    citation = parse_citation("标题·出版方·作者（2025/6/30）·检索日期2025/7/2")
    assert citation.date == dt.date(2025, 6, 30) and citation.accessed == dt.date(2025, 7, 2)
    article = Article(
        "news/a", "标题", dt.datetime(2025, 7, 1, 8, 0, tzinfo=zone),
        dt.datetime(2025, 7, 2, 9, 30, tzinfo=zone), True, "/img/a.png", "摘要", ("甲", "乙"),
        (("tags", ("AI", "芯片")), ("topics", ("产业",))), 7, "zh", "anchor",
        (Source("1", "1", "id3", 12, citation), Source("x", "2", "id4", 13, citation, cited=False)))
    data = pickle.dumps(article, pickle.HIGHEST_PROTOCOL)
    restored = pickle.loads(data)
    assert restored == article
    assert type(restored.sources[1].citation) is type(citation)
    assert restored.sources[1].cited is False and restored.updated == article.updated
    opcodes = {op.name for op, _, _ in pickletools.genops(data)}
    assert "BUILD" not in opcodes, "restored through __setstate__"
