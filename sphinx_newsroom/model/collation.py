"""A-Z order and grouping of names that mix Chinese and Latin script.

Han characters sort by their tone-less pinyin (from a table made with
``pypinyin``, see ``tools/build_pinyin_table.py``), Latin letters without
their accents.  Pure (stdlib): terms, index entries and bibliography entries
all sort with it.
"""

from __future__ import annotations

import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

__all__ = ["index_letter", "sort_key"]

# Latin letters that have no Unicode decomposition, so stripping accents
# alone would put e.g. "Øresund" under "#" instead of "O".
_LATIN_FOLD = str.maketrans(
    {"æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "\u0131": "i"}
)

# Group order for A-Z lists; it matches Sphinx's general index, which puts
# symbols first.  sort_key ranks by this so groups come out contiguous.
_SYMBOLS = "#"
_DIGITS = "0-9"


@lru_cache(maxsize=1)
def _pinyin_table() -> tuple[int, tuple[str, ...]]:
    """(first code point, tone-less pinyin of each ideograph from there).

    A 90 KB table generated from pypinyin (tools/build_pinyin_table.py):
    loading pypinyin itself would cost every build ~60 MB and ~0.3 s.
    """
    head, body = (Path(__file__).parent.parent / "data" / "pinyin.txt").read_text("ascii").split(
        "\n", 1)
    return int(head.split()[0], 16), tuple(sys.intern(r) for r in body.split())


@lru_cache(maxsize=65536)
def _romanise(name: str) -> str:
    """Spell *name* in lowercase ASCII-ish letters for sorting and grouping.

    Han characters become tone-less pinyin (``"算力"`` -> ``"suanli"``);
    accents are stripped so ``"Éclair"`` files under E, not after Z.
    """
    text = unicodedata.normalize("NFKC", name).strip()
    first, readings = _pinyin_table()
    text = "".join(
        readings[ord(ch) - first] if 0 <= ord(ch) - first < len(readings) and
        readings[ord(ch) - first] != "-" else ch
        for ch in text
    )
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(_LATIN_FOLD)


def _group(romanised: str) -> str:
    first = romanised[:1]
    if "a" <= first <= "z":
        return first.upper()
    if first.isdecimal():
        return _DIGITS
    return _SYMBOLS


def _group_rank(group: str) -> int:
    if group == _SYMBOLS:
        return 0
    if group == _DIGITS:
        return 1
    return 2


def sort_key(name: str) -> tuple[int, str, str]:
    """Sort key for A-Z lists mixing Chinese and Latin names.

    Orders by index group (``#``, ``0-9``, then ``A``-``Z``, as
    :func:`index_letter` assigns them), then by romanised name (pinyin for
    Han, casefold for Latin), then by the name itself so that sorting is
    total and deterministic.
    """
    romanised = _romanise(name)
    return (_group_rank(_group(romanised)), romanised, name)


def index_letter(name: str) -> str:
    """Return the A-Z heading for *name*: ``"A"``-``"Z"``, ``"0-9"`` or ``"#"``.

    Uses the first character of the romanised name, so ``"算力"`` is under
    ``S``; names starting with punctuation or a non-Latin, non-Han script
    go under ``#``.
    """
    return _group(_romanise(name))
