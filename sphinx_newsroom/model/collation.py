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

__all__ = ["index_letter", "sort_key", "transliterate"]

# Latin letters that have no Unicode decomposition, so stripping accents
# alone would put e.g. "Øresund" under "#" instead of "O". The capitals are
# for transliterate, which keeps case ("Øresund" -> "Oresund").
_LATIN_FOLD = str.maketrans(
    {"æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "\u0131": "i",
     "Æ": "Ae", "Œ": "Oe", "Ø": "O", "Ł": "L", "Đ": "D", "Ð": "D", "Þ": "Th"}
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


_HANGUL_INITIALS = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
_HANGUL_VOWELS = ("a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i").split()
_HANGUL_FINALS = ("- k k k n n n t l k m l l l p l m p p t t ng t t k t p t").split()
#: Hiragana U+3041-U+3094 in order (katakana is the same 0x60 higher); "*" is
#: the small tsu, which doubles the next consonant.
_KANA = ("a a i i u u e e o o ka ga ki gi ku gu ke ge ko go sa za shi ji su zu se ze so zo "
         "ta da chi ji * tsu zu te de to do na ni nu ne no ha ba pa hi bi pi fu bu pu he be "
         "pe ho bo po ma mi mu me mo ya ya yu yu yo yo ra ri ru re ro wa wa wi we wo n vu").split()
_SMALL_Y = {"ゃ": "a", "ゅ": "u", "ょ": "o", "ャ": "a", "ュ": "u", "ョ": "o"}


def _kana(ch: str) -> str | None:
    offset = ord(ch) - 0x3041
    if offset >= 0x60:  # katakana
        offset -= 0x60
    return _KANA[offset] if 0 <= offset < len(_KANA) else None


def _hangul(ch: str) -> str | None:
    index = ord(ch) - 0xAC00
    if not 0 <= index < 11172:
        return None
    initial, rest = divmod(index, 588)
    vowel, final = divmod(rest, 28)
    return "".join(part for part in (_HANGUL_INITIALS[initial], _HANGUL_VOWELS[vowel],
                                     _HANGUL_FINALS[final]) if part != "-")


def transliterate(text: str) -> str:
    """*text* in Latin letters: Han as pinyin, kana as romaji, Hangul romanised.

    Each Han character is one word (``"算力"`` -> ``"suan li"``); kana and
    Hangul runs stay one word (``"とうきょう"`` -> ``"toukyou"``). Accents are
    stripped. Other scripts are kept as they are.
    """
    first, readings = _pinyin_table()
    out: list[str] = []
    double = False
    for ch in unicodedata.normalize("NFKC", text):
        offset = ord(ch) - first
        if 0 <= offset < len(readings) and readings[offset] != "-":
            out.append(f" {readings[offset]} ")
            continue
        if ch in _SMALL_Y and out and out[-1].endswith("i"):
            # きゃ is kya, しゃ sha, ちゃ cha, じゃ ja.
            stem = out[-1][:-1]
            out[-1] = stem + ("" if stem.endswith(("sh", "ch", "j")) else "y") + _SMALL_Y[ch]
            continue
        if ch in "ーｰ":
            continue
        romaji = _kana(ch) or _hangul(ch)
        if romaji == "*":
            double = True
            continue
        if romaji is not None:
            out.append(romaji[0] + romaji if double and romaji[0] not in "aeiou" else romaji)
            double = False
            continue
        out.append(ch)
    spelled = unicodedata.normalize("NFKD", "".join(out))
    spelled = "".join(ch for ch in spelled if not unicodedata.combining(ch))
    return " ".join(spelled.translate(_LATIN_FOLD).split())


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
