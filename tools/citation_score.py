"""Score footnote citations against the labelled corpus in ``tests/citations/``.

Pure and standard-library only: the parser, the classifier and the dedupe key
are passed in, so the unit tests can score toy functions and the command line
(``tools/score_citations.py``) can score the package of the checkout it runs
in. ``docs/citation-accuracy.md`` describes the method and the corpus.

How a record is scored:

- **Kind.** The classifier decides whether a footnote is a source (it goes to
  the bibliography), a note, or a note with links. Every gold source it does
  not call a source loses all its fields (they count as missed).
- **Fields.** For a gold source, each field of the parsed citation is compared
  with the gold field: both empty is not counted; a value where gold has none
  is a false positive; no value where gold has one is a false negative; two
  values that differ count as both. Precision, recall and F1 follow.
- **Whole reference.** A gold source is right when it is called a source and
  the six fields of :data:`WHOLE_FIELDS` all match (empty matching empty).
  A gold publisher that the footnote does not name but its URL's host gives
  (``"derived": ["publisher"]``) counts like any other; the report also
  scores publishers on the named ones alone.
- **Documents.** The documents a note with links contributes are matched by
  URL (by title when gold has no URL).
- **Dedupe.** A pair is predicted "same" when the bibliography would list both
  footnotes as one source (``same``; without it, when both get one key).

Comparisons (see :func:`normalise_text`, :func:`normalise_url`,
:func:`same_authors`, :func:`date_matches`) forgive what a reader would not
call a difference: width (NFKC), case, spacing, full-width punctuation, the
quotation marks or 《》 around a whole title, and punctuation at a field's
edges. Dates are compared at the precision of the gold date: a gold year
matches only a predicted year, so a parser that turns "2008" into 2008-01-01
without saying it knows only the year is wrong (``--json`` also reports a
lenient score that compares the gold's components only).
"""

from __future__ import annotations

import datetime
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

__all__ = [
    "FIELDS", "FLOORS", "GOLD", "KINDS", "PAIRS", "WHOLE_FIELDS", "Counts", "Report",
    "all_sources", "below_floors", "date_matches", "format_report", "kind_of", "load_corpus",
    "normalise_text", "normalise_url", "same_authors", "score", "split_names",
]

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent / "tests" / "citations" / "gold.json"
PAIRS = HERE.parent / "tests" / "citations" / "pairs.json"

#: The gold fields of a source, in the order the tables show them.
FIELDS = ("title", "publisher", "author", "date", "accessed", "url", "type")
#: The fields a whole reference must get right (``type`` is not in ``Citation``).
WHOLE_FIELDS = ("title", "publisher", "author", "date", "accessed", "url")
KINDS = ("source", "note", "note-with-links")
#: Language groups of the tables: the corpus's main languages, then the rest.
LANGUAGES = ("zh", "en", "und", "other", "all")
SPLITS = ("tuning", "heldout", "fresh", "fresh2", "fresh3", "all")

#: Today's figures, rounded down: ``tests/test_citation_score.py`` fails when a
#: change brings one below its floor. Raise them when the parser or the
#: classifier improves (``python tools/score_citations.py --floors`` prints the
#: current figures in this shape). Keys: split -> language -> metric, where a
#: metric is a field's F1, ``whole`` (whole-reference accuracy) or, under
#: ``"pairs"``, dedupe precision and recall; ``source_precision`` is the share
#: of the footnotes called sources that are sources.
FLOORS: dict[str, dict[str, dict[str, float]]] = {
    "tuning": {
        "all": {
            "accessed": 1.0,
            "author": 0.98,
            "date": 1.0,
            "publisher": 0.99,
            "title": 0.98,
            "url": 1.0,
            "whole": 0.97,
        },
        "en": {
            "accessed": 1.0,
            "author": 0.97,
            "date": 1.0,
            "publisher": 1.0,
            "title": 0.99,
            "url": 1.0,
            "whole": 0.97,
        },
        "kinds": {
            "documents_f1": 0.89,
            "note_precision": 0.99,
            "note_recall": 0.99,
            "source_precision": 0.99,
        },
        "other": {
            "author": 1.0,
            "date": 1.0,
            "publisher": 1.0,
            "title": 1.0,
            "whole": 1.0,
        },
        "pairs": {
            "precision": 1.0,
            "recall": 1.0,
        },
        "und": {
            "publisher": 1.0,
            "url": 1.0,
            "whole": 1.0,
        },
        "zh": {
            "accessed": 1.0,
            "author": 1.0,
            "date": 1.0,
            "publisher": 0.98,
            "title": 0.98,
            "url": 1.0,
            "whole": 0.98,
        },
    },
    "heldout": {
        "all": {
            "accessed": 0.93,
            "author": 0.9,
            "date": 0.97,
            "publisher": 0.95,
            "title": 0.95,
            "url": 0.96,
            "whole": 0.92,
        },
        "en": {
            "accessed": 1.0,
            "author": 0.74,
            "date": 0.93,
            "publisher": 0.88,
            "title": 0.88,
            "url": 0.93,
            "whole": 0.8,
        },
        "kinds": {
            "documents_f1": 0.91,
            "note_precision": 0.92,
            "note_recall": 0.98,
            "source_precision": 0.99,
        },
        "other": {
            "accessed": 0.5,
            "author": 0.75,
            "date": 0.85,
            "publisher": 0.74,
            "title": 0.66,
            "url": 0.5,
            "whole": 0.59,
        },
        "pairs": {
            "precision": 1.0,
            "recall": 1.0,
        },
        "und": {
            "publisher": 1.0,
            "url": 1.0,
            "whole": 1.0,
        },
        "zh": {
            "accessed": 1.0,
            "author": 0.97,
            "date": 1.0,
            "publisher": 0.98,
            "title": 0.98,
            "url": 0.98,
            "whole": 0.98,
        },
    },
    "fresh": {
        "all": {
            "author": 1.0,
            "publisher": 1.0,
            "title": 1.0,
            "url": 1.0,
            "whole": 1.0,
        },
        "en": {
            "author": 1.0,
            "publisher": 1.0,
            "title": 1.0,
            "url": 1.0,
            "whole": 1.0,
        },
        "kinds": {
            "documents_f1": 0.85,
            "note_precision": 1.0,
            "note_recall": 0.97,
            "source_precision": 0.97,
        },
        "pairs": {
            "precision": 1.0,
            "recall": 1.0,
        },
        "und": {
            "publisher": 1.0,
            "url": 1.0,
            "whole": 1.0,
        },
        "zh": {
            "publisher": 1.0,
            "title": 1.0,
            "url": 1.0,
            "whole": 1.0,
        },
    },
    "fresh2": {
        "all": {
            "author": 1.0,
            "date": 1.0,
            "publisher": 0.94,
            "title": 0.95,
            "url": 0.97,
            "whole": 0.93,
        },
        "en": {
            "author": 1.0,
            "date": 1.0,
            "publisher": 0.93,
            "title": 0.95,
            "url": 0.97,
            "whole": 0.91,
        },
        "kinds": {
            "documents_f1": 0.94,
            "note_precision": 0.97,
            "note_recall": 1.0,
            "source_precision": 1.0,
        },
        "other": {
            "author": 1.0,
            "date": 1.0,
            "publisher": 1.0,
            "title": 1.0,
            "whole": 1.0,
        },
        "pairs": {
            "precision": 1.0,
            "recall": 1.0,
        },
        "und": {
            "publisher": 1.0,
            "url": 1.0,
            "whole": 1.0,
        },
    },
    "fresh3": {
        "all": {
            "date": 1.0,
            "publisher": 0.71,
            "title": 0.62,
            "url": 0.96,
            "whole": 0.53,
        },
        "en": {
            "date": 1.0,
            "publisher": 0.56,
            "title": 0.53,
            "url": 0.96,
            "whole": 0.5,
        },
        "kinds": {
            "documents_f1": 0.95,
            "note_precision": 0.69,
            "note_recall": 1.0,
            "source_precision": 1.0,
        },
        "pairs": {
            "precision": 1.0,
            "recall": 1.0,
        },
        "und": {
            "publisher": 1.0,
            "url": 1.0,
            "whole": 1.0,
        },
        "zh": {
            "publisher": 0.77,
            "title": 0.68,
            "url": 0.95,
            "whole": 0.48,
        },
    },
    "all": {
        "all": {
            "accessed": 0.94,
            "author": 0.93,
            "date": 0.98,
            "publisher": 0.93,
            "title": 0.91,
            "url": 0.97,
            "whole": 0.88,
        },
        "en": {
            "accessed": 1.0,
            "author": 0.94,
            "date": 0.98,
            "publisher": 0.91,
            "title": 0.9,
            "url": 0.97,
            "whole": 0.88,
        },
        "kinds": {
            "documents_f1": 0.9,
            "note_precision": 0.93,
            "note_recall": 0.99,
            "source_precision": 0.99,
        },
        "other": {
            "accessed": 0.5,
            "author": 0.87,
            "date": 0.93,
            "publisher": 0.84,
            "title": 0.82,
            "url": 0.5,
            "whole": 0.76,
        },
        "pairs": {
            "precision": 1.0,
            "recall": 1.0,
        },
        "und": {
            "publisher": 1.0,
            "url": 1.0,
            "whole": 1.0,
        },
        "zh": {
            "accessed": 1.0,
            "author": 0.92,
            "date": 1.0,
            "publisher": 0.94,
            "title": 0.91,
            "url": 0.98,
            "whole": 0.87,
        },
    },
}


# ---------------------------------------------------------------------------
# Comparison
# ---------------------------------------------------------------------------

# Full-width punctuation that NFKC leaves alone, mapped to what it means.
_PUNCT = str.maketrans({
    "。": ".", "、": ",", "“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"',
    "『": '"', "』": '"', "〔": "(", "〕": ")", "【": "[", "】": "]", "—": "-", "–": "-",
    "―": "-", "·": "·", "・": "·",
})
# Marks that enclose a whole field: titles in 《》, quotes, brackets.
_ENCLOSING = [("《", "》"), ("〈", "〉"), ('"', '"'), ("'", "'"), ("«", "»"), ("[", "]"),
              ("(", ")")]
_EDGE = " \t\n.,;:!?·|/-_*~"


def normalise_text(text: str) -> str:
    """The form in which two spellings of one field compare equal.

    NFKC (full-width letters, digits and ``，．：；（）［］`` become ASCII), the
    other full-width marks mapped (``。`` to ``.``, ``、`` to ``,``, curly and
    corner quotes to ASCII quotes, dashes to ``-``), case folded, runs of
    whitespace made one space and spaces next to CJK removed; then
    punctuation at either edge is dropped and quotation marks, brackets or
    《》 that enclose the whole field are removed, repeatedly.
    """
    folded = unicodedata.normalize("NFKC", text).translate(_PUNCT).casefold()
    folded = " ".join(folded.split())
    folded = re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef]) | (?=[\u3000-\u9fff\uff00-\uffef])",
                    "", folded)
    while True:
        stripped = folded.strip(_EDGE)
        for left, right in _ENCLOSING:
            if len(stripped) > 1 and stripped[0] == left and stripped[-1] == right:
                inner = stripped[1:-1]
                balanced = left not in inner if left == right else \
                    left not in inner and right not in inner
                if balanced:
                    stripped = inner
        if stripped == folded:
            return folded
        folded = stripped


def normalise_url(url: str) -> str:
    """Percent-decoded, scheme and host lower-cased, angle brackets and spaces dropped.

    MyST percent-encodes the non-ASCII characters of every link it reads, so
    the parser sees ``%E8%AE%A1…`` where the author (and the gold) wrote 计…;
    decoding both sides compares what the reader sees. Nothing else is
    forgiven: a trailing slash, a fragment or a query make another URL here.
    """
    url = unicodedata.normalize("NFC", unquote(url.strip().strip("<>")))
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*)(.*)", url, re.DOTALL)
    if match is None:
        return url
    return match[1].lower() + match[2].lower() + match[3]


_NAME_BREAK_RE = re.compile(r"\s*(?:[、，;；&]|\band\b|\s和\s)\s*")
_NOT_NAMES = {"et al", "et al.", "等", "等.", "et. al.", "ed.", "eds.", "编", "著"}


def split_names(author: str | Sequence[str]) -> list[str]:
    """Names in an author field, written as one string or as a list.

    A string is split at ``、，;；&``, at `` and `` and at ``和``; a piece is split
    at ASCII commas too when every part then has at least two words (so
    "Thomas H. Cormen, Charles E. Leiserson" is two names and "Cormen, Thomas
    H." is one). "et al." and "等" are not names.
    """
    if not isinstance(author, str):
        return [name for name in author if name.strip()]
    names: list[str] = []
    for piece in _NAME_BREAK_RE.split(author):
        piece = piece.strip(" ,")
        if not piece:
            continue
        parts = [p.strip() for p in piece.split(",") if p.strip()]
        if len(parts) > 1 and all(len(p.split()) > 1 for p in parts):
            names += parts
        else:
            names.append(piece)
    return [n for n in names if normalise_text(n) not in {normalise_text(x) for x in _NOT_NAMES}]


def _squeezed(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())


def same_authors(predicted: str | Sequence[str], gold: Sequence[str]) -> bool:
    """The same set of names, or the same letters with only the separators changed.

    The second test forgives a parser that keeps "田文成 周禄新" as one string
    where gold lists two names: a reader sees the same names.
    """
    pred = split_names(predicted)
    if {normalise_text(n) for n in pred} == {normalise_text(n) for n in gold}:
        return True
    joined = predicted if isinstance(predicted, str) else "".join(predicted)
    return bool(gold) and _squeezed(joined) == _squeezed("".join(gold))


_PRECISIONS = {"year": 4, "month": 7, "day": 10, 1: 4, 2: 7, 3: 10}


def _iso(value: Any, precision: Any = None) -> str:
    """A predicted date as ISO text at the precision the citation states."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.date):
        text = value.isoformat()[:10]
        return text[: _PRECISIONS.get(precision, 10)]
    return str(value).strip()


def date_matches(predicted: Any, gold: str, precision: Any = None, *,
                 lenient: bool = False) -> bool:
    """Whether a predicted date is the gold date (``"2008"``, ``"2008-05"``, ``"2008-05-03"``).

    Strict: the predicted date, cut to the precision the citation states
    (``date_precision`` or ``accessed_precision``: ``"year"``, ``"month"``,
    ``"day"``; a ``datetime.date`` without one is a day), must equal the gold.
    Lenient: only the components the gold has are compared.
    """
    iso = _iso(predicted, precision)
    if lenient:
        return bool(iso) and iso[: len(gold)] == gold
    return iso == gold


# ---------------------------------------------------------------------------
# Counting
# ---------------------------------------------------------------------------


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: bool, predicted: bool, match: bool) -> None:
        if gold and predicted and match:
            self.tp += 1
        else:
            self.fp += predicted
            self.fn += gold

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else math.nan

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else math.nan

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        if math.isnan(p) or math.isnan(r):
            return math.nan
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": _r(self.precision),
                "recall": _r(self.recall), "f1": _r(self.f1)}


def _r(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 4)


@dataclass
class Report:
    classifier: str
    split: str
    counts: dict[str, int] = field(default_factory=dict)
    fields: dict[str, dict[str, Counts]] = field(default_factory=dict)
    lenient_dates: dict[str, Counts] = field(default_factory=dict)
    written_publishers: dict[str, Counts] = field(default_factory=dict)
    whole: dict[str, list[int]] = field(default_factory=dict)
    language: dict[str, list[int]] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    documents: Counts = field(default_factory=Counts)
    pairs: dict[str, Counts] = field(default_factory=dict)
    pairs_tn: dict[str, int] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def metrics(self) -> dict[str, dict[str, float]]:
        """language -> metric -> value: what :data:`FLOORS` holds for one split."""
        out: dict[str, dict[str, float]] = {}
        for lang, per_field in self.fields.items():
            if not self.whole.get(lang, [0, 0])[1]:
                continue
            row = {name: counts.f1 for name, counts in per_field.items()
                   if name != "type" and not math.isnan(counts.f1)}
            right, total = self.whole[lang]
            row["whole"] = right / total
            out[lang] = row
        kinds = self.kind_metrics()
        if kinds:
            out["kinds"] = kinds
        dedupe = self.pairs.get("all")
        if dedupe is not None:
            out["pairs"] = {"precision": dedupe.precision, "recall": dedupe.recall}
        return {lang: {k: v for k, v in row.items() if not math.isnan(v)}
                for lang, row in out.items()}

    def kind_metrics(self) -> dict[str, float]:
        """How well sources and notes are told apart, and the documents of notes found.

        ``source_precision``: the share of footnotes called sources that are
        sources (1.0 means no note in the bibliography); ``note_recall``: the
        share of notes (with or without links) kept out of it;
        ``note_precision``: the share of footnotes kept out that are notes;
        ``documents_f1``: the documents of notes with links, matched.
        """
        c = self.confusion
        if not c:
            return {}
        called = sum(c[g]["source"] for g in KINDS)
        notes = sum(c[g][p] for g in KINDS[1:] for p in KINDS)
        kept = sum(c[g][p] for g in KINDS[1:] for p in KINDS[1:])
        said = sum(c[g][p] for g in KINDS for p in KINDS[1:])
        return {"source_precision": c["source"]["source"] / called if called else math.nan,
                "note_recall": kept / notes if notes else math.nan,
                "note_precision": kept / said if said else math.nan,
                "documents_f1": self.documents.f1}

    def as_dict(self) -> dict[str, Any]:
        return {
            "classifier": self.classifier,
            "split": self.split,
            "counts": self.counts,
            "fields": {lang: {f: c.as_dict() for f, c in row.items()}
                       for lang, row in self.fields.items()},
            "dates_lenient": {lang: c.as_dict() for lang, c in self.lenient_dates.items()},
            "publishers_written": {lang: c.as_dict()
                                   for lang, c in self.written_publishers.items()},
            "whole_reference": {
                lang: {"right": r, "total": t, "accuracy": _r(r / t if t else math.nan)}
                for lang, (r, t) in self.whole.items()},
            "language_detected": {lang: {"right": r, "total": t}
                                  for lang, (r, t) in self.language.items()},
            "kinds": self.confusion,
            "documents_in_notes": self.documents.as_dict(),
            "dedupe": {case: dict(c.as_dict(), tn=self.pairs_tn.get(case, 0))
                       for case, c in self.pairs.items()},
            "metrics": self.metrics(),
        }


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------

Parse = Callable[[str], Any]
#: A classifier reads a whole record (its ``text``, ``origin`` and ``input``).
Classify = Callable[[Mapping[str, Any]], Any]
Key = Callable[[Any], str]


def all_sources(record: Mapping[str, Any]) -> str:
    """Today's behaviour, without a classifier: every footnote is a source."""
    return "source"


def kind_of(result: Any) -> str:
    """A classifier's answer as one of :data:`KINDS`.

    Accepted: the kind as text (``"note-with-links"``, ``"note_with_links"``,
    ``"links"``…), an enum whose value or name is one, an object with a
    ``kind`` attribute, or a bool (``True``: source).
    """
    if isinstance(result, bool):
        return "source" if result else "note"
    value = getattr(result, "kind", result)
    value = getattr(value, "value", value)
    if not isinstance(value, str):
        value = getattr(value, "name", str(value))
    name = value.strip().lower().replace("_", "-").replace(" ", "-")
    aliases = {"source": "source", "sources": "source", "note": "note", "notes": "note",
               "note-with-links": "note-with-links", "links": "note-with-links",
               "note-with-sources": "note-with-links", "mixed": "note-with-links"}
    if name not in aliases:
        raise ValueError(f"classifier answered {result!r}, not one of {KINDS}")
    return aliases[name]


def _group(language: str) -> str:
    return language if language in ("zh", "en", "und") else "other"


def _value(citation: Any, name: str) -> Any:
    if citation is None:
        return ""
    return getattr(citation, name, "") or ""


def _field_match(name: str, gold: Any, citation: Any) -> tuple[bool, bool, bool]:
    """(gold has a value, prediction has one, they match)."""
    predicted = _value(citation, name)
    if name == "author":
        # A citation that reads its own names (``Citation.authors``) is taken at its word.
        names = getattr(citation, "authors", None)
        if isinstance(names, (tuple, list)) and names:
            predicted = list(names)
        has_pred = bool(split_names(predicted))
        return bool(gold), has_pred, has_pred and same_authors(predicted, gold)
    if name in ("date", "accessed"):
        precision = _value(citation, f"{name}_precision") or None
        iso = _iso(predicted, precision)
        return bool(gold), bool(iso), bool(gold) and date_matches(predicted, gold, precision)
    if name == "url":
        return bool(gold), bool(predicted), normalise_url(str(predicted)) == normalise_url(gold)
    text = str(predicted)
    return bool(gold), bool(normalise_text(text)), normalise_text(text) == normalise_text(gold)


def _documents(result: Any, kind: str, citation: Any, parse: Parse) -> list[Any]:
    docs = getattr(result, "documents", None)
    if docs is not None:
        return [parse(d) if isinstance(d, str) else d for d in docs]
    return [citation] if kind == "source" and citation is not None else []


def _match_documents(gold: Sequence[Mapping[str, Any]], predicted: Sequence[Any], counts: Counts
                     ) -> None:
    left = list(predicted)
    for doc in gold:
        for i, cand in enumerate(left):
            if doc["url"]:
                hit = normalise_url(str(_value(cand, "url"))) == normalise_url(doc["url"])
            else:
                hit = normalise_text(str(_value(cand, "title"))) == normalise_text(doc["title"])
            if hit:
                counts.tp += 1
                del left[i]
                break
        else:
            counts.fn += 1
    counts.fp += len(left)


def score(records: Iterable[Mapping[str, Any]], pairs: Iterable[Mapping[str, Any]],
          parse: Parse, key: Key, classify: Classify = all_sources,
          classifier_name: str = "all-sources fallback", split: str = "all",
          same: Callable[[Any, Any], bool] | None = None) -> Report:
    """Score ``parse``/``classify``/``key`` on the records of ``split`` and on every pair.

    A pair is one source when ``same`` says so (the bibliography's own test,
    ``citations.keys.same_source``), or, without ``same``, when both get one key.
    """
    report = Report(classifier_name, split)
    for lang in LANGUAGES:
        report.fields[lang] = {name: Counts() for name in FIELDS}
        report.lenient_dates[lang] = Counts()
        report.written_publishers[lang] = Counts()
        report.whole[lang] = [0, 0]
        report.language[lang] = [0, 0]
    report.confusion = {gold: {pred: 0 for pred in KINDS} for gold in KINDS}
    records = list(records)
    chosen = [r for r in records if split == "all" or r["split"] == split]
    by_id = {r["id"]: r for r in records}
    report.counts = {kind: sum(r["kind"] == kind for r in chosen) for kind in KINDS}
    report.counts["footnotes"] = len(chosen)
    for record in chosen:
        result = classify(record)
        kind = kind_of(result)
        report.confusion[record["kind"]][kind] += 1
        citation = parse(record["input"]) if kind == "source" else None
        if record["kind"] == "note-with-links":
            _match_documents(record["documents"], _documents(result, kind, citation, parse),
                             report.documents)
        if record["kind"] != "source":
            continue
        gold = record["gold"]
        groups = (_group(record["language"]), "all")
        right = kind == "source"
        for name in FIELDS:
            has_gold, has_pred, match = _field_match(name, gold[name], citation)
            for g in groups:
                report.fields[g][name].add(has_gold, has_pred, match)
            if name in WHOLE_FIELDS and (has_gold or has_pred) and not match:
                right = False
            if name == "publisher" and "publisher" not in record.get("derived", ()):
                for g in groups:
                    report.written_publishers[g].add(has_gold, has_pred, match)
        if gold["date"]:
            lenient = date_matches(_value(citation, "date"), gold["date"], lenient=True)
            for g in groups:
                report.lenient_dates[g].add(True, bool(_value(citation, "date")), lenient)
        for g in groups:
            report.whole[g][0] += right
            report.whole[g][1] += 1
            if citation is not None:
                report.language[g][0] += _value(citation, "language") == record["language"]
                report.language[g][1] += 1
        if not right and len(report.errors) < 10_000:
            report.errors.append({"id": record["id"], "kind": kind,
                                  "predicted": _describe(citation), "gold": gold})
    report.pairs = {"all": Counts()}
    for pair in pairs:
        sides = [parse(_pair_input(side, by_id)) for side in (pair["a"], pair["b"])]
        predicted = same(*sides) if same is not None else key(sides[0]) == key(sides[1])
        for case in ("all", pair["case"]):
            report.pairs.setdefault(case, Counts()).add(pair["same"], predicted, True)
            report.pairs_tn[case] = report.pairs_tn.get(case, 0) + \
                (not pair["same"] and not predicted)
    return report


def _pair_input(side: Mapping[str, Any], by_id: Mapping[str, Mapping[str, Any]]) -> str:
    return by_id[side["ref"]]["input"] if "ref" in side else side["input"]


def _describe(citation: Any) -> dict[str, Any] | None:
    if citation is None:
        return None
    out = {}
    for name in (*FIELDS, "language"):
        value = _value(citation, name)
        out[name] = value.isoformat() if isinstance(value, datetime.date) else value
    return out


def below_floors(report: Report, floors: Mapping[str, Mapping[str, float]]) -> list[str]:
    """The metrics of ``report`` that are under their floor (``FLOORS[split]``)."""
    metrics = report.metrics()
    low = []
    for lang, row in floors.items():
        for name, floor in row.items():
            value = metrics.get(lang, {}).get(name, math.nan)
            # Rounded first: an F1 of 12/15 may come out as 0.7999999999999999.
            if math.isnan(value) or round(value, 9) < floor:
                low.append(f"{report.split}/{lang}/{name}: {value:.4f} < floor {floor:.2f}")
    return low


def floors_of(report: Report) -> dict[str, dict[str, float]]:
    """The report's metrics rounded down to two decimals: candidate floors."""
    return {lang: {name: math.floor(round(value * 100, 6)) / 100 for name, value in row.items()}
            for lang, row in report.metrics().items()}


# ---------------------------------------------------------------------------
# Loading and printing
# ---------------------------------------------------------------------------


def load_corpus(gold: Path = GOLD, pairs: Path = PAIRS
                ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    records = json.loads(gold.read_text("utf-8"))["records"]
    return records, json.loads(pairs.read_text("utf-8"))["pairs"]


def _f(value: float) -> str:
    return "  -  " if math.isnan(value) else f"{value:.2f}"


def _cell(counts: Counts) -> str:
    return f"{_f(counts.precision)} {_f(counts.recall)} {_f(counts.f1)}"


def format_report(report: Report) -> str:
    """The report as the plain-text tables ``tools/score_citations.py`` prints."""
    c = report.counts
    lines = [f"== split: {report.split} ({c['footnotes']} footnotes: {c['source']} sources, "
             f"{c['note']} notes, {c['note-with-links']} notes with links)", "",
             "Fields of gold sources: precision recall F1",
             f"{'lang':6}{'n':>5}  " + "".join(f"{name:17}" for name in FIELDS)]
    for lang in LANGUAGES:
        total = report.whole[lang][1]
        if not total:
            continue
        lines.append(f"{lang:6}{total:>5}  " + "".join(
            f"{_cell(report.fields[lang][name]):17}" for name in FIELDS))
    lines += ["", "Whole reference right (the six fields but type):"]
    for lang in LANGUAGES:
        right, total = report.whole[lang]
        if total:
            lines.append(f"  {lang:6}{right:>4}/{total:<4} {right / total:.2f}")
    lines += ["", "Dates, lenient (only the gold's components compared): precision recall F1"]
    lines += [f"  {lang:6}{_cell(report.lenient_dates[lang])}" for lang in LANGUAGES
              if report.whole[lang][1]]
    lines += ["", "Publishers the footnote names (URL hosts left out): precision recall F1"]
    lines += [f"  {lang:6}{_cell(report.written_publishers[lang])}" for lang in LANGUAGES
              if report.whole[lang][1]]
    lines += ["", "Kinds (rows: gold, columns: predicted)",
              f"  {'':17}" + "".join(f"{k:>17}" for k in KINDS)]
    for gold in KINDS:
        lines.append(f"  {gold:17}" + "".join(f"{report.confusion[gold][p]:>17}" for p in KINDS))
    k = report.kind_metrics()
    called = sum(report.confusion[g]["source"] for g in KINDS)
    lines.append(f"  sources among footnotes called sources: {report.confusion['source']['source']}"
                 f"/{called} ({k['source_precision']:.2f})")
    lines.append(f"  notes (with or without links) kept out of the bibliography: "
                 f"recall {_f(k['note_recall'])}, precision {_f(k['note_precision'])}")
    lines += ["", f"Documents of notes with links: {_cell(report.documents)}"]
    lines += ["", "Dedupe pairs (one source or two): precision recall F1"]
    for case, counts in sorted(report.pairs.items(), key=lambda kv: (kv[0] != "all", kv[0])):
        lines.append(f"  {case:34}{_cell(counts)}   tp {counts.tp:>3} fp {counts.fp:>3} "
                     f"fn {counts.fn:>3} tn {report.pairs_tn.get(case, 0):>3}")
    return "\n".join(lines)
