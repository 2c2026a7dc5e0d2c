"""``collation.transliterate`` and ``terms.file_slug``: the file ``sphinx-newsroom new`` writes.

``new "英伟达发布新芯片"`` writes ``ying-wei-da-fa-bu-xin-xin-pian.md``; these
pin the names a user gets for Chinese, Japanese, Korean and accented
titles, and the guards that keep a name usable. Pure: no Sphinx build.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_newsroom.model.collation import index_letter, sort_key, transliterate
from sphinx_newsroom.model.terms import MAX_SLUG_CHARS, file_slug


@pytest.mark.parametrize(("text", "latin"), [
    ("算力", "suan li"),
    ("英伟达H200", "ying wei da H200"),
    ("とうきょう", "toukyou"),
    ("カップ", "kappu"),          # the small tsu doubles the next consonant
    ("がっこう", "gakkou"),
    ("ッカ", "kka"),
    ("っ", ""),                   # with nothing after it, nothing
    ("っあ", "a"),                # a vowel is not doubled
    ("きゃく", "kyaku"),          # small ya after an i-kana: kya
    ("ぴゃ", "pya"),
    ("ちゅ", "chu"),              # after ch, sh and j: no y
    ("しゃしん", "shashin"),
    ("じょ", "jo"),
    ("キョウ", "kyou"),
    ("ゃ", "ya"),                 # a small ya on its own is read as ya
    ("あゃ", "aya"),              # and after a kana not ending in i
    ("ラーメン", "ramen"),        # the long-vowel mark is dropped
    ("ﾗｰﾒﾝ", "ramen"),            # half-width katakana too (NFKC)
    ("ぁ", "a"),                  # U+3041, the first kana
    ("ゔ", "vu"),                 # U+3094, the last
    ("ヴ", "vu"),
    ("ゐ", "wi"),
    ("ゕ", "ゕ"),                 # U+3095: past the table, kept
    ("\u3040", "\u3040"),         # before the table, kept
    ("\u30a0", "\u30a0"),         # katakana's U+30A0 is no kana
    ("한국어", "hangukeo"),
    ("가", "ga"),                 # U+AC00, the first syllable
    ("힣", "hit"),                # U+D7A3, the last (final h reads t)
    ("\ud7a4", "\ud7a4"),         # past the last syllable, kept
    ("서울", "seoul"),
    ("닭", "dak"),
    ("Éclair über", "Eclair uber"),
    ("Øresund Æble", "Oresund Aeble"),
    ("ŁÓDŹ þing Œuvre", "LODZ thing Oeuvre"),
    ("Москва", "Москва"),
    ("  x \t y  ", "x y"),
    ("一", "yi"),                 # U+4E00, the first ideograph of the table
    ("\u9fff", "xing"),           # U+9FFF, its last
    ("\u4dff", "\u4dff"),         # before the table (a hexagram), kept
    ("\ua000", "\ua000"),         # past it, kept
    ("\u5159", "\u5159"),         # in the table without a reading, kept
    ("ァ", "a"),                  # U+30A1, the first katakana
    ("カップル", "kappuru"),      # only the next consonant doubles
    ("\uabff", "\uabff"),         # just before the Hangul syllables, kept
    ("XX-ray", "XX-ray"),
])
def test_titles_are_spelled_in_latin_letters(text: str, latin: str) -> None:
    assert transliterate(text) == latin


@pytest.mark.parametrize(("title", "slug"), [
    ("英伟达发布新芯片：H200", "ying-wei-da-fa-bu-xin-xin-pian-h200"),
    ("とうきょうへ行った", "toukyouhe-xing-tta"),
    ("한국어 뉴스", "hangukeo-nyuseu"),
    ("Éclair über alles!", "eclair-uber-alles"),
    ("Øresund Æble", "oresund-aeble"),
    ("  Hello,   World!  ", "hello-world"),
    ("a\u200bb", "ab"),
    ("Москва", "москва"),         # another script keeps its letters, as a tag's slug does
    ("!!!", "article-9a7b006d"),
    ("---", "article-da39a3ee"),
    ("", "article-da39a3ee"),
    ("CON", "con-article"),
    ("lpt1", "lpt1-article"),
    ("con.txt", "con-txt"),
    ("AUX", "aux-article"),
])
def test_file_names_are_ascii_and_never_empty(title: str, slug: str) -> None:
    assert file_slug(title) == slug


def test_a_long_title_is_cut_at_a_word() -> None:
    assert file_slug("word " * 30) == "-".join(["word"] * 16)
    assert file_slug("ab " + "c" * 85) == "ab"
    assert file_slug("a" * 100) == "a" * MAX_SLUG_CHARS
    assert file_slug("x" * 79 + "-yz") == "x" * 79
    assert file_slug("x" * 77 + "-yz") == "x" * 77 + "-yz"  # 80: kept whole
    assert file_slug("x" * 80 + "-yz") == "x" * 80
    assert len(file_slug("算" * 100)) <= MAX_SLUG_CHARS
    assert file_slug("算" * 100) == "-".join(["suan"] * 16)


def test_a_title_that_starts_with_a_dash_is_cut_at_a_word_too() -> None:
    assert file_slug("-" + "y" * 100) == "y" * MAX_SLUG_CHARS
    assert file_slug("x-" + "y" * 100) == "x"


def test_sorting_and_groups_are_unchanged_by_capital_folds() -> None:
    # _romanise casefolds before it folds, so the capitals change nothing there.
    assert index_letter("Øresund") == "O"
    assert sort_key("Æble")[1] == "aeble"
    assert index_letter("Þing") == "T"


@given(st.text(max_size=300))
def test_every_title_gets_a_usable_file_name(title: str) -> None:
    slug = file_slug(title)
    assert slug and len(slug) <= MAX_SLUG_CHARS
    assert not slug.startswith("-") and not slug.endswith("-") and "--" not in slug
    assert slug.split(".")[0] not in {"con", "prn", "aux", "nul"}
