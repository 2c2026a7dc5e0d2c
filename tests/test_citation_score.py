"""The citation scorer (tools/citation_score.py) and the labelled corpus it reads.

The last tests score this checkout's parser on tests/citations/ and fail when
a figure falls below ``citation_score.FLOORS``: raise the floors there when
the parser or the classifier gets better.
"""

from __future__ import annotations

import datetime
import enum
import json
import math
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parent.parent / "tools"
sys.path.insert(0, str(TOOLS))

import citation_inputs  # noqa: E402
import citation_score as cs  # noqa: E402
import score_citations  # noqa: E402

from sphinx_newsroom.citations.keys import citation_key, same_source  # noqa: E402
from sphinx_newsroom.citations.parse import parse_citation  # noqa: E402

RECORDS, PAIRS = cs.load_corpus()


# -- comparisons ---------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), [
    ("《算法导论》", "算法导论"),
    ("“好好干，当一个好工人”", "好好干，当一个好工人"),
    ("Fast pattern matching in strings.", "fast pattern matching in strings"),
    ("清华大学学报（自然科学版）", "清华大学学报(自然科学版)"),
    ("OpenAI 转向 TPU", "OpenAI转向TPU"),
    ("数据要素的统计测算方法探究．", "数据要素的统计测算方法探究"),
    ("  two   spaces ", "two spaces"),
])
def test_spellings_a_reader_would_not_tell_apart_compare_equal(a, b):
    assert cs.normalise_text(a) == cs.normalise_text(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Trémaux trees and planarity", "Tremaux trees and planarity"),
    ("计数排序", "计数排序 - 维基百科"),
    ("哈尔滨“宝马案”", "哈尔滨宝马案"),
])
def test_different_text_stays_different(a, b):
    assert cs.normalise_text(a) != cs.normalise_text(b)


def test_urls_compare_decoded_but_otherwise_whole():
    raw = "https://zh.wikipedia.org/wiki/计数排序"
    encoded = "https://zh.wikipedia.org/wiki/%E8%AE%A1%E6%95%B0%E6%8E%92%E5%BA%8F"
    assert cs.normalise_url(raw) == cs.normalise_url(encoded)
    assert cs.normalise_url("HTTPS://Example.ORG/Path") == cs.normalise_url("https://example.org/Path")
    assert cs.normalise_url("<https://x.org/a>") == cs.normalise_url("https://x.org/a")
    assert cs.normalise_url("https://x.org/a/") != cs.normalise_url("https://x.org/a")
    assert cs.normalise_url("https://x.org/A") != cs.normalise_url("https://x.org/a")


@pytest.mark.parametrize(("written", "names"), [
    ("Cormen, Thomas H.", ["Cormen, Thomas H."]),
    ("Thomas H. Cormen, Charles E. Leiserson, and Clifford Stein",
     ["Thomas H. Cormen", "Charles E. Leiserson", "Clifford Stein"]),
    ("于潇，刘义，柴跃廷，等", ["于潇", "刘义", "柴跃廷"]),
    ("潘承洞、潘承彪", ["潘承洞", "潘承彪"]),
    ("Tarjan, R. E., & Van Leeuwen, J.", ["Tarjan, R. E.", "Van Leeuwen, J."]),
    ("Ahuja R K, Kodialam M, Mishra A K, et al.", ["Ahuja R K", "Kodialam M", "Mishra A K"]),
    ("", []),
])
def test_author_strings_split_into_names(written, names):
    assert cs.split_names(written) == names


def test_authors_compare_as_sets_or_as_the_same_letters():
    assert cs.same_authors("萨金特，扬奎斯特", ["扬奎斯特", "萨金特"])
    assert cs.same_authors(["扬奎斯特", "萨金特"], ["扬奎斯特", "萨金特"])
    # One string where gold lists two names: the reader sees the same names.
    assert cs.same_authors("田文成 周禄新", ["田文成", "周禄新"])
    assert not cs.same_authors("田文成", ["田文成", "周禄新"])
    assert not cs.same_authors("", ["许超"])


def test_dates_compare_at_the_gold_precision():
    day = datetime.date(2008, 5, 3)
    assert cs.date_matches(day, "2008-05-03")
    # A full date where the footnote gave only a year claims a day never written.
    assert not cs.date_matches(datetime.date(2008, 1, 1), "2008")
    assert cs.date_matches(datetime.date(2008, 1, 1), "2008", "year")
    assert cs.date_matches(datetime.date(2008, 5, 1), "2008-05", "month")
    assert cs.date_matches(day, "2008", lenient=True)
    assert not cs.date_matches(None, "2008", lenient=True)
    assert cs.date_matches("2008-05", "2008-05")


# -- the classifier's answer -----------------------------------------------------


class Kind(enum.Enum):
    SOURCE = "source"
    NOTE_WITH_LINKS = "note-with-links"


@dataclass
class Decision:
    kind: str


@pytest.mark.parametrize(("answer", "kind"), [
    ("source", "source"), ("note", "note"), ("note_with_links", "note-with-links"),
    (True, "source"), (False, "note"), (Kind.NOTE_WITH_LINKS, "note-with-links"),
    (Decision("Note"), "note"),
])
def test_a_classifier_may_answer_in_several_shapes(answer, kind):
    assert cs.kind_of(answer) == kind


def test_an_unknown_answer_is_an_error():
    with pytest.raises(ValueError, match="not one of"):
        cs.kind_of("maybe")


# -- scoring toy records ---------------------------------------------------------


@dataclass(frozen=True)
class Cite:
    title: str = ""
    publisher: str = ""
    author: str = ""
    date: datetime.date | None = None
    accessed: datetime.date | None = None
    url: str = ""
    language: str = "zh"
    date_precision: str | None = None


def _source(rid, text, *, split="tuning", language="zh", **gold):
    fields = {"title": "", "publisher": "", "author": [], "date": "", "accessed": "", "url": "",
              "type": ""}
    fields.update(gold)
    return {"id": rid, "split": split, "kind": "source", "language": language, "input": text,
            "gold": fields}


TOY = [
    _source("a", "A·报·甲（2008）", title="A", publisher="报", author=["甲"], date="2008"),
    _source("b", "[B](https://x.org/b)", title="B", url="https://x.org/b", split="heldout"),
    {"id": "n", "split": "tuning", "kind": "note", "language": "zh", "input": "只是说明。",
     "gold": None},
    {"id": "w", "split": "tuning", "kind": "note-with-links", "language": "en",
     "input": "See [it](https://x.org/w) and think.", "gold": None,
     "documents": [{"title": "it", "url": "https://x.org/w", "publisher": "x.org"}]},
]
TOY_PARSED = {
    "A·报·甲（2008）": Cite("A", "报", "甲", datetime.date(2008, 1, 1), date_precision="year"),
    "[B](https://x.org/b)": Cite("B", url="https://x.org/b"),
    "只是说明。": Cite("只是说明。"),
    "See [it](https://x.org/w) and think.": Cite("See it and think.", url="https://x.org/w"),
}
TOY_PAIRS = [{"a": {"ref": "a"}, "b": {"input": "A·报·甲（2008）·检索日期2025/7/2"}, "same": True,
              "case": "same-document-typed-differently"},
             {"a": {"ref": "a"}, "b": {"ref": "b"}, "same": False,
              "case": "same-site-different-document"}]


def _toy_parse(text):
    return TOY_PARSED.get(text, Cite(text.split("·检索")[0]))


def _toy_key(citation):
    return citation.url or citation.title.split("·")[0]


def test_a_perfect_parser_scores_one_everywhere():
    report = cs.score(TOY, TOY_PAIRS, _toy_parse, _toy_key)
    for name in ("title", "publisher", "author", "date", "url"):
        assert report.fields["all"][name].f1 == 1.0, name
    assert report.whole["all"] == [2, 2]
    assert report.whole["zh"] == [2, 2]
    assert math.isnan(report.fields["all"]["accessed"].f1)  # nothing to find, nothing found
    assert report.fields["all"]["type"].tp == 0
    assert report.pairs["all"].tp == 1 and report.pairs["all"].fp == 0
    assert report.pairs_tn["all"] == 1


def test_every_footnote_a_source_puts_the_notes_in_the_bibliography():
    report = cs.score(TOY, [], _toy_parse, _toy_key)
    assert report.confusion["note"]["source"] == 1
    assert report.confusion["note-with-links"]["source"] == 1
    kinds = report.kind_metrics()
    assert kinds["source_precision"] == 0.5
    assert kinds["note_recall"] == 0.0
    assert math.isnan(kinds["note_precision"])
    # The one citation parsed from the note with links is its document.
    assert report.documents.tp == 1 and report.documents.fn == 0


def test_a_source_called_a_note_loses_every_field():
    report = cs.score(TOY, [], _toy_parse, _toy_key, classify=lambda text: "note")
    assert report.fields["all"]["title"].fn == 2
    assert report.fields["all"]["title"].tp == 0
    assert report.whole["all"] == [0, 2]
    assert report.kind_metrics()["note_recall"] == 1.0
    assert report.documents.fn == 1


def test_wrong_and_extra_fields_count_against_precision_and_recall():
    def parse(text):
        return Cite("A·报", "报", date=datetime.date(2008, 1, 1), url="https://y.org") \
            if text.startswith("A") else _toy_parse(text)
    report = cs.score(TOY[:1], [], parse, _toy_key)
    title = report.fields["all"]["title"]
    assert (title.tp, title.fp, title.fn) == (0, 1, 1)
    url = report.fields["all"]["url"]
    assert (url.tp, url.fp, url.fn) == (0, 1, 0)
    author = report.fields["all"]["author"]
    assert (author.tp, author.fp, author.fn) == (0, 0, 1)
    date = report.fields["all"]["date"]  # 2008-01-01 without its precision is not "2008"
    assert (date.tp, date.fp, date.fn) == (0, 1, 1)
    assert report.lenient_dates["all"].tp == 1


def test_splits_select_records_but_every_pair_is_scored():
    tuning = cs.score(TOY, TOY_PAIRS, _toy_parse, _toy_key, split="tuning")
    held = cs.score(TOY, TOY_PAIRS, _toy_parse, _toy_key, split="heldout")
    assert tuning.counts["footnotes"] == 3 and held.counts["footnotes"] == 1
    assert tuning.pairs["all"].tp == held.pairs["all"].tp == 1


def test_floors_report_what_is_below_them():
    report = cs.score(TOY, TOY_PAIRS, _toy_parse, _toy_key)
    assert cs.below_floors(report, {"all": {"title": 1.0}}) == []
    low = cs.below_floors(report, {"all": {"accessed": 0.5}, "kinds": {"note_recall": 0.1}})
    assert len(low) == 2 and "note_recall" in low[1]
    assert cs.floors_of(report)["all"]["title"] == 1.0


def test_the_report_prints_and_serialises():
    report = cs.score(TOY, TOY_PAIRS, _toy_parse, _toy_key)
    text = cs.format_report(report)
    assert "Fields of gold sources" in text and "Dedupe pairs" in text
    assert json.loads(json.dumps(report.as_dict()))["whole_reference"]["all"]["right"] == 2


# -- the corpus ------------------------------------------------------------------


def test_the_corpus_is_as_large_and_as_varied_as_the_issue_asks():
    assert len(RECORDS) >= 300
    assert sum(r["language"] == "zh" for r in RECORDS) >= 120
    assert sum(r["kind"] != "source" for r in RECORDS) >= 60
    assert len({r["id"] for r in RECORDS}) == len(RECORDS)
    assert len(PAIRS) >= 80
    assert Counter(p["same"] for p in PAIRS).keys() == {True, False}


def test_every_record_follows_the_schema():
    for record in RECORDS:
        assert record["kind"] in cs.KINDS, record["id"]
        assert record["split"] in cs.SPLITS[:-1], record["id"]
        provenance = record["provenance"]
        assert {"repository", "commit", "path", "line", "licence"} <= provenance.keys()
        if record["kind"] == "source":
            assert set(record["gold"]) == set(cs.FIELDS), record["id"]
            assert isinstance(record["gold"]["author"], list), record["id"]
            for name in ("date", "accessed"):
                value = record["gold"][name]
                assert value == "" or len(value) in (4, 7, 10), record["id"]
                if value:
                    datetime.date.fromisoformat(value + "-01-01"[len(value) - 4:])
        else:
            assert record["gold"] is None, record["id"]
            assert bool(record.get("documents")) == (record["kind"] == "note-with-links"), \
                record["id"]


def test_a_site_lies_wholly_on_one_side_of_the_split():
    sides = {}
    for record in RECORDS:
        sides.setdefault(record["site"], set()).add(record["split"])
    assert all(len(s) == 1 for s in sides.values()), sides
    # The held-out side against the tuning side; the fresh slices came later.
    first = [r for r in RECORDS if r["split"] in ("tuning", "heldout")]
    held = sum(r["split"] == "heldout" for r in first) / len(first)
    assert 0.25 < held < 0.4


def test_pairs_name_gold_sources_or_carry_their_own_input():
    by_id = {r["id"]: r for r in RECORDS}
    for pair in PAIRS:
        for side in (pair["a"], pair["b"]):
            if "ref" in side:
                assert by_id[side["ref"]]["kind"] == "source", pair["id"]
            else:
                assert side["input"] and side["origin"] in ("reference-list", "constructed")


def test_every_input_is_what_myst_gives_for_its_text():
    """tools/citation_inputs.py --check: no record's ``input`` is stale."""
    assert citation_inputs.main(["--check"]) == 0


# -- today's figures, as floors --------------------------------------------------


@pytest.mark.parametrize("split", cs.SPLITS)
def test_the_parser_does_not_fall_below_its_floors(split):
    classify, name = score_citations.load_classifier()
    report = cs.score(RECORDS, PAIRS, parse_citation, citation_key, classify, name, split,
                      same_source)
    assert cs.below_floors(report, cs.FLOORS[split]) == [], name


def test_the_command_line_names_the_classifier_it_used(capsys):
    assert score_citations.main(["--split", "heldout"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("classifier: ")
    assert "== split: heldout" in out
