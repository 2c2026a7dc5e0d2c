"""Tests for sphinx_newsroom.model.terms and model.collation."""

from __future__ import annotations

import itertools
import os
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_newsroom.model.collation import index_letter, sort_key
from sphinx_newsroom.model.terms import (
    MAX_SLUG_BYTES,
    MAX_SLUG_CHARS,
    alias_map,
    assign_slugs,
    clean_spelling,
    display_name,
    merged_spellings,
    slugify,
    term_key,
    weight_classes,
)

FORBIDDEN = set('/\\:*?"<>|%#') | {chr(c) for c in range(32)} | {"\x7f"}
# Full-width forms and dotless i are written as escapes: they are the point
# of these tests, but look identical to ASCII in an editor.
FW_AI = "\uff21\uff29"
FW_GOOGLE_TPU = "\uff27\uff2f\uff2f\uff27\uff2c\uff25\u3000\uff34\uff30\uff35"
DOTLESS_I = "\u0131"

RESERVED = {"con", "prn", "aux", "nul"} | {f"{dev}{n}" for dev in ("com", "lpt") for n in range(10)}

# Mix in characters that are most likely to break things: separators, dots,
# the Windows-forbidden set, invisibles, wide forms and Han.
hostile_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            list('./\\:*?"<>|%#-_ \t\n\u200b\ufeff\u3000\uff21\uff29芯片\u0130\u0131ß')
        ),
    ),
    max_size=300,
)


def assert_safe(slug: str) -> None:
    assert slug
    assert slug not in (".", "..")
    assert ".." not in slug
    assert not FORBIDDEN & set(slug)
    assert slug.split(".")[0].casefold() not in RESERVED
    assert len(slug) <= MAX_SLUG_CHARS
    assert len(slug.encode("utf-8")) <= MAX_SLUG_BYTES
    assert slug[0] not in "-_." and slug[-1] not in "-_."
    out = os.path.normpath("out")
    target = os.path.normpath(os.path.join("out", slug))
    assert os.path.dirname(target) == out


# term_key


@pytest.mark.parametrize(
    "variant",
    [
        "Google TPU",
        "  Google   TPU ",
        "google tpu",
        "GOOGLE TPU",
        FW_GOOGLE_TPU,
        "Google\u00a0TPU",
        "Goo\u200bgle\tTPU\n",
        "\ufeffGoogle \u2060TPU",
        "Google\x00 TPU",
    ],
)
def test_term_key_collapses_variants(variant: str) -> None:
    assert term_key(variant) == "google tpu"


def test_term_key_full_width_equals_ascii() -> None:
    assert term_key(FW_AI) == term_key("AI") == "ai"


@pytest.mark.parametrize(
    ("left", "right"),
    [("AI", "AI芯片"), ("Google TPU", "GoogleTPU"), ("算力", "算法"), ("c", "c++")],
)
def test_term_key_keeps_distinct_terms_apart(left: str, right: str) -> None:
    assert term_key(left) != term_key(right)


@pytest.mark.parametrize("blank", ["", "   ", "\u3000", "\u200b\u200d", "\t\n"])
def test_term_key_can_be_empty(blank: str) -> None:
    assert term_key(blank) == ""


@given(st.text())
def test_term_key_is_idempotent(text: str) -> None:
    key = term_key(text)
    assert term_key(key) == key
    assert key == key.strip()
    assert "  " not in key


# clean_spelling and display_name


def test_clean_spelling_keeps_width_and_case() -> None:
    assert clean_spelling("  " + FW_AI + "\u3000芯片\u200b ") == FW_AI + " 芯片"
    assert clean_spelling("Google \t TPU") == "Google TPU"


def test_display_name_most_common_wins() -> None:
    assert display_name({"Google TPU": 1, "google tpu": 3}) == "google tpu"


def test_display_name_tie_prefers_half_width_then_smallest() -> None:
    assert display_name({FW_AI: 2, "AI": 2}) == "AI"
    assert display_name({"ai": 2, "AI": 2}) == "AI"


def test_display_name_is_order_independent() -> None:
    counts = {"Ai": 2, FW_AI: 2, "AI": 2, "ai": 2}
    reordered = dict(reversed(counts.items()))
    assert display_name(counts) == display_name(reordered) == "AI"


def test_display_name_rejects_empty() -> None:
    with pytest.raises(ValueError):
        display_name({})


# slugify


@pytest.mark.parametrize(
    ("term", "slug"),
    [
        ("AI芯片", "ai芯片"),
        ("算力与芯片", "算力与芯片"),
        ("Google TPU", "google-tpu"),
        (FW_GOOGLE_TPU, "google-tpu"),
        ("a:b", "a-b"),
        ("snake_case", "snake_case"),
        ("CON", "con-term"),
        ("nul", "nul-term"),
        ("com1", "com1-term"),
        ("con.txt", "con-txt"),
        ("../../etc/passwd", "etc-passwd"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("שלום עולם", "שלום-עולם"),
    ],
)
def test_slugify_examples(term: str, slug: str) -> None:
    assert slugify(term) == slug


@pytest.mark.parametrize(
    "term",
    [
        "../../etc/passwd",
        "..",
        ".",
        "/",
        "\\",
        "../",
        "///",
        "!!!",
        "CON",
        "con.txt",
        "nul",
        "LPT9",
        "",
        "   ",
        "<script>alert(1)</script>",
        "a:b",
        "x" * 500,
        "芯" * 500,
        "😀🚀",
        "שלום עולם",
        "مرحبا",
        "\u202eevil\u202c",
        "a\x00b",
    ],
)
def test_slugify_hostile_names_are_safe(term: str) -> None:
    assert_safe(slugify(term))


@pytest.mark.parametrize("term", ["", "../", "///", "!!!", "😀"])
def test_slugify_unreadable_terms_get_hash(term: str) -> None:
    slug = slugify(term)
    assert slug.startswith("term-")
    assert len(slug) == len("term-") + 8


def test_slugify_unreadable_terms_stay_distinct() -> None:
    assert slugify("../") != slugify("!!!")


def test_slugify_long_terms_sharing_prefix_stay_distinct() -> None:
    first, second = "x" * 200 + "a", "x" * 200 + "b"
    assert slugify(first) != slugify(second)
    assert len(slugify(first)) == MAX_SLUG_CHARS


def test_slugify_byte_cap_binds_for_cjk() -> None:
    slug = slugify("芯" * 80)
    assert len(slug.encode("utf-8")) <= MAX_SLUG_BYTES
    assert slug.startswith("芯" * 60)


def test_slugify_keeps_exactly_max_length() -> None:
    assert slugify("y" * MAX_SLUG_CHARS) == "y" * MAX_SLUG_CHARS


def test_slugify_keeps_exactly_max_bytes() -> None:
    term = "中" * 66 + "ab"  # 68 characters, 200 UTF-8 bytes
    assert slugify(term) == term


def test_a_long_terms_slug_is_cut_to_the_limit_and_never_changes() -> None:
    # The slug is a URL: the same term must keep it from one release to the next.
    assert slugify("a" * 100) == "a" * 73 + "-7f9000"
    # A cut that ends at a separator drops it: no "--" before the hash.
    assert slugify("a" * 72 + " " + "b" * 20) == "a" * 72 + "-c4e5d0"


def test_combining_marks_stay_in_slugs() -> None:
    # Devanagari vowel signs (Mc) and the virama (Mn) are part of the word.
    assert slugify("हिन्दी") == "हिन्दी"
    assert slugify("ภาษาไทย") == "ภาษาไทย"


@settings(max_examples=500)
@given(hostile_text)
def test_slugify_is_always_safe(term: str) -> None:
    assert_safe(slugify(term))


@given(hostile_text)
def test_slugify_depends_only_on_key(term: str) -> None:
    assert slugify(term) == slugify(term_key(term))


# assign_slugs


def test_assign_slugs_first_key_keeps_plain_slug() -> None:
    slugs = assign_slugs(["c++", "c", "c#"])
    assert slugs == {"c": "c", "c#": "c-2", "c++": "c-3"}


def test_assign_slugs_suffix_skips_other_plain_slugs() -> None:
    slugs = assign_slugs(["a/b", "a-b", "a-b-2"])
    assert slugs == {"a-b": "a-b", "a-b-2": "a-b-2", "a/b": "a-b-3"}


def test_assign_slugs_case_insensitive_collisions() -> None:
    # Dotless i is distinct under casefold but upper-cases to "I".
    slugs = assign_slugs([DOTLESS_I, "i"])
    assert slugs["i"] == "i"
    assert slugs[DOTLESS_I] != DOTLESS_I


def test_assign_slugs_suffix_respects_length_cap() -> None:
    keys = ["z" * MAX_SLUG_CHARS, "z" * MAX_SLUG_CHARS + "!"]
    slugs = assign_slugs(keys)
    assert len(set(slugs.values())) == 2
    for slug in slugs.values():
        assert_safe(slug)


def test_assign_slugs_dedupes_keys() -> None:
    assert assign_slugs(["a", "a", "a"]) == {"a": "a"}


key_sets = st.lists(
    hostile_text.map(term_key)
    | st.sampled_from(["c", "c++", "c#", "a-b", "a/b", "a-b-2", DOTLESS_I, "i", "con", "con term"]),
    max_size=30,
)


@settings(max_examples=300)
@given(key_sets)
def test_assign_slugs_is_injective(keys: list[str]) -> None:
    slugs = assign_slugs(keys)
    assert set(slugs) == set(keys)
    values = list(slugs.values())
    assert len(set(values)) == len(values)
    assert len({v.casefold() for v in values}) == len(values)
    assert len({v.upper() for v in values}) == len(values)
    for slug in values:
        assert_safe(slug)


@given(key_sets, st.randoms())
def test_assign_slugs_is_order_independent(keys: list[str], rnd: random.Random) -> None:
    shuffled = keys[:]
    rnd.shuffle(shuffled)
    assert assign_slugs(keys) == assign_slugs(shuffled)


# sort_key and index_letter


def test_sort_mixed_chinese_english() -> None:
    names = ["云计算", "Nvidia", "算力", "AWS", "AI芯片"]
    assert sorted(names, key=sort_key) == ["AI芯片", "AWS", "Nvidia", "算力", "云计算"]


def test_sort_is_case_and_accent_insensitive() -> None:
    names = ["zeta", "Éclair", "apple", "Banana"]
    assert sorted(names, key=sort_key) == ["apple", "Banana", "Éclair", "zeta"]


def test_sort_key_tie_breaks_on_name() -> None:
    assert sorted(["aws", "AWS"], key=sort_key) == ["AWS", "aws"]


def test_digits_of_every_script_sort_with_the_digits() -> None:
    # Arabic-Indic and Devanagari digits are under 0-9, so they sort before A-Z.
    assert index_letter("٣ things") == index_letter("३") == "0-9"
    assert sorted(["b", "٣ things", "#x", "a", "1"], key=sort_key) == [
        "#x", "1", "٣ things", "a", "b"]


@pytest.mark.parametrize(
    ("name", "letter"),
    [
        ("AI芯片", "A"),
        ("算力", "S"),
        ("云计算", "Y"),
        ("nvidia", "N"),
        ("Éclair", "E"),
        ("Øresund", "O"),
        (FW_AI, "A"),
        ("3D打印", "0-9"),
        ("\uff15G", "0-9"),
        ("#hashtag", "#"),
        ("《三体》", "#"),
        ("Москва", "#"),
        ("", "#"),
    ],
)
def test_index_letter(name: str, letter: str) -> None:
    assert index_letter(name) == letter


@given(st.lists(st.text(max_size=10), max_size=30))
def test_sorted_groups_are_contiguous(names: list[str]) -> None:
    ordered = sorted(names, key=sort_key)
    groups = [letter for letter, _ in itertools.groupby(ordered, key=index_letter)]
    assert len(groups) == len(set(groups))


# weight_classes


def test_weight_classes_log_scale() -> None:
    classes = weight_classes({"a": 1, "b": 10, "c": 100, "d": 3})
    assert classes == {"a": 1, "b": 3, "c": 5, "d": 2}


def test_weight_classes_count_zero_and_below_as_zero() -> None:
    assert weight_classes({"a": 0, "b": 1}) == {"a": 1, "b": 5}
    assert weight_classes({"a": -3, "b": 0, "c": 1}) == {"a": 1, "b": 1, "c": 5}


def test_weight_classes_all_equal_is_one() -> None:
    assert weight_classes({"a": 4, "b": 4}) == {"a": 1, "b": 1}


def test_weight_classes_empty_and_custom_steps() -> None:
    assert weight_classes({}) == {}
    assert weight_classes({"a": 1, "b": 1000}, steps=3) == {"a": 1, "b": 3}
    with pytest.raises(ValueError, match=r"^steps must be at least 1, got 0$"):
        weight_classes({"a": 1}, steps=0)


def test_merged_spellings_are_those_that_differ_beyond_width_and_case() -> None:
    assert merged_spellings(["google-tpu", "Google TPU", FW_GOOGLE_TPU]) == [
        "Google TPU", "google-tpu"]
    assert merged_spellings(["AI", "ai", FW_AI]) == []
    assert merged_spellings(["AI"]) == []


def test_alias_map_maps_the_key_of_each_synonym_to_its_clean_target() -> None:
    assert alias_map({"ＡＩ": "Artificial  intelligence", "ML": "Machine learning"}) == {
        "ai": "Artificial intelligence", "ml": "Machine learning"}


@given(st.dictionaries(st.text(max_size=5), st.integers(0, 10**6), min_size=1), st.integers(1, 10))
def test_weight_classes_bounds_and_monotonic(counts: dict[str, int], steps: int) -> None:
    classes = weight_classes(counts, steps)
    assert set(classes) == set(counts)
    assert all(1 <= c <= steps for c in classes.values())
    if len(set(counts.values())) > 1:
        assert classes[min(counts, key=counts.__getitem__)] == 1
        assert classes[max(counts, key=counts.__getitem__)] == steps
    for a, b in itertools.combinations(counts, 2):
        if counts[a] <= counts[b]:
            assert classes[a] <= classes[b]


def test_pinyin_table_matches_pypinyin():
    """The bundled table is pypinyin's first tone-less reading of each ideograph."""
    pypinyin = pytest.importorskip("pypinyin")
    from sphinx_newsroom.model.collation import _pinyin_table

    first, readings = _pinyin_table()
    assert first == 0x4E00 and len(readings) == 0x9FFF - 0x4E00 + 1
    for code in range(first, first + len(readings), 7):
        expected = pypinyin.pinyin(chr(code), style=pypinyin.Style.NORMAL, heteronym=False,
                                   errors="ignore")
        assert readings[code - first] == (expected[0][0] if expected and expected[0] else "-")
