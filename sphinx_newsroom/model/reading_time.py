"""Reading time that is right for Chinese, Japanese and Korean as well as English.

A whitespace word count sees a whole Chinese paragraph as one "word"; here CJK
characters are counted one by one and read at their own speed.
"""

from __future__ import annotations

import math
import re

#: A run of CJK characters (kana, hanzi, hangul, and the supplementary ideographs).
_CJK_RUN = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\U00020000-\U0002fa1f]+"
)
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def count_text(text: str) -> tuple[int, int]:
    """Return (alphabetic words, CJK characters) in ``text``."""
    # Each run of CJK becomes one space (so it also separates words); the
    # characters it held are what the text lost, plus that space.
    spaced, runs = _CJK_RUN.subn(" ", text)
    cjk = len(text) - len(spaced) + runs
    return len(_WORD.findall(spaced)), cjk


def reading_minutes(counts: tuple[int, int], words_per_minute: int, cjk_per_minute: int) -> int:
    """Whole minutes to read (at least 1 when there is any text at all).

    ``counts`` is what :func:`count_text` returns.
    """
    words, cjk = counts
    if not words and not cjk:
        return 0
    return max(1, math.ceil(words / words_per_minute + cjk / cjk_per_minute))


def main_language(counts: tuple[int, int]) -> str:
    """``"zh"`` when CJK characters outnumber alphabetic words, else ``"en"``."""
    words, cjk = counts
    return "zh" if cjk > words else "en"
