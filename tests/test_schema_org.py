"""Every JSON-LD block of the fixtures has 0 errors against the schema.org vocabulary.

The validator is this module: it checks each node's ``@type`` is a schema.org
type, each property is one schema.org defines for that type (or a parent),
each value is in the property's range (a type, a subtype of it, or a
datatype: Text, URL, Date, DateTime, Boolean), and the properties Google
Search Central requires of each type are there (Article markup has none:
Google only recommends ``author``, ``datePublished``, ``image``...). The vocabulary is
``tests/schemas/schema-org-vocabulary.json`` (see its ``about``), kept
offline like the other schemas. Google's Rich Results Test and the
schema.org validator (validator.schema.org) are web services: a test
cannot run them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import build_root

VOCABULARY = json.loads((Path(__file__).parent / "schemas/schema-org-vocabulary.json")
                        .read_text("utf-8"))
TYPES: dict[str, Any] = VOCABULARY["types"]
_URL = re.compile(r"https?://[^\s]+\Z")


def ancestors(name: str) -> list[str]:
    chain = []
    while name:
        chain.append(name)
        name = TYPES[name]["parent"]
    return chain


def properties(name: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for kind in reversed(ancestors(name)):
        found.update(TYPES[kind]["properties"])
    return found


def datatype_ok(value: Any, datatype: str) -> bool:
    if datatype == "Boolean":
        return isinstance(value, bool)
    if not isinstance(value, str):
        return False
    if datatype == "URL":
        return bool(_URL.match(value))
    if datatype in ("Date", "DateTime"):
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            return False
        return datatype == "Date" or parsed.tzinfo is not None
    return True  # Text, CssSelectorType


def errors(node: Any, where: str = "$") -> list[str]:
    """Every way ``node`` (a JSON-LD object) departs from the vocabulary."""
    if not isinstance(node, dict):
        return [f"{where}: not an object"]
    kind = node.get("@type")
    if kind not in TYPES:
        return [f"{where}: unknown @type {kind!r}"]
    found = []
    allowed = properties(kind)
    for key, value in node.items():
        if key in ("@type", "@context", "@id"):
            continue
        if key not in allowed:
            found.append(f"{where}.{key}: not a property of {kind}")
            continue
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            found += value_errors(item, allowed[key], f"{where}.{key}[{index}]")
    for key in TYPES[kind].get("required", ()):
        if key not in node:
            found.append(f"{where}: {kind} requires {key}")
    return found


def value_errors(value: Any, ranges: list[str], where: str) -> list[str]:
    if isinstance(value, dict):
        kind = value.get("@type")
        if kind in TYPES and any(r in ancestors(kind) for r in ranges if r in TYPES):
            return errors(value, where)
        return [f"{where}: a {kind!r} where {ranges} belong"]
    if any(datatype_ok(value, r) for r in ranges if r in VOCABULARY["datatypes"]):
        return []
    return [f"{where}: {value!r} is none of {ranges}"]


def blocks(outdir: Path) -> dict[str, list[Any]]:
    found = {}
    for path in sorted(outdir.rglob("*.html")):
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        scripts = soup.select('script[type="application/ld+json"]')
        if scripts:
            found[path.relative_to(outdir).as_posix()] = [json.loads(s.string) for s in scripts]
    return found


@pytest.mark.parametrize("root", ["seo", "authors", "feeds", "seed"])
def test_every_json_ld_block_is_valid_schema_org(tmp_path_factory, root):
    app = build_root(tmp_path_factory, root, "html")
    found = blocks(Path(app.outdir))
    assert found, "no JSON-LD at all"
    problems = {page: errs for page, data in found.items()
                for errs in [[e for block in data for e in errors(block)]] if errs}
    assert problems == {}


def test_author_pages_are_profile_pages(tmp_path_factory):
    app = build_root(tmp_path_factory, "authors", "html")
    [profile] = blocks(Path(app.outdir))["authors/jane-doe.html"]
    assert profile["@type"] == "ProfilePage"
    assert profile["mainEntity"]["@type"] == "Person"
    assert profile["mainEntity"]["sameAs"] == ["https://mastodon.example/@jane",
                                               "https://www.wikidata.org/wiki/Q42"]
    assert errors(profile) == []


@pytest.mark.parametrize(("block", "expected"), [
    ({"@type": "NewsArticle", "headline": "h", "datePublished": "2025-06-01T09:00:00+08:00",
      "dateModified": "2025-06-01", "author": [{"@type": "Person", "name": "A"}],
      "image": ["https://x.example/i.png"]}, []),
    ({"@type": "NewsArticle", "headline": "h", "datePublished": "June 1",
      "dateModified": "2025-06-01", "author": {"@type": "Person"}, "image": "i.png"},
     ["$.datePublished[0]: 'June 1' is none of ['Date', 'DateTime']",
      "$.author[0]: Person requires name", "$.image[0]: 'i.png' is none of ['ImageObject', "
      "'URL']"]),
    ({"@type": "Person", "name": "A", "correction": "x"},
     ["$.correction: not a property of Person"]),
    ({"@type": "CorrectionComment", "text": "t"}, ["$: CorrectionComment requires datePublished"]),
    ({"@type": "Persona", "name": "A"}, ["$: unknown @type 'Persona'"]),
    ({"@type": "Person", "name": "A", "url": {"@type": "Organization", "name": "O"}},
     ["$.url[0]: a 'Organization' where ['URL'] belong"]),
])
def test_the_checker_finds_errors(block, expected):
    assert errors(block) == expected
