"""Build sphinx_newsroom/data/pinyin.txt: the tone-less pinyin of every CJK ideograph.

The extension sorts Chinese terms by pinyin. pypinyin knows the readings, but
loading it costs ~60 MB and ~0.3 s per build; this table of the 20,992
ideographs U+4E00-U+9FFF (one reading each, pypinyin's first) costs about
100 KB. Run it after upgrading pypinyin; tests/test_terms.py checks the table
against pypinyin.
"""

from __future__ import annotations

from pathlib import Path

from pypinyin import Style, pinyin

FIRST, LAST = 0x4E00, 0x9FFF
TABLE = Path(__file__).resolve().parent.parent / "sphinx_newsroom" / "data" / "pinyin.txt"


def readings() -> list[str]:
    result = []
    for code in range(FIRST, LAST + 1):
        char = chr(code)
        reading = pinyin(char, style=Style.NORMAL, heteronym=False, errors="ignore")
        result.append(reading[0][0] if reading and reading[0] else "")
    return result


if __name__ == "__main__":
    TABLE.write_text(f"{FIRST:X} {LAST:X}\n" + " ".join(r or "-" for r in readings()) + "\n",
                     "utf-8")
    print(TABLE, TABLE.stat().st_size, "bytes")
