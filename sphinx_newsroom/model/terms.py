"""Taxonomy term handling: identity keys, display names, slugs, cloud weights.

Tags and topics arrive as free text typed by many authors, in Chinese and
English, so the same term shows up with different case, width and spacing.
Everything here is pure (stdlib) so it can be tested and reused without a
Sphinx application; sorting and A-Z grouping are in ``collation``.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache

from .collation import transliterate

__all__ = [
    "MAX_SLUG_BYTES",
    "MAX_SLUG_CHARS",
    "TERM_SEPARATORS",
    "alias_map",
    "assign_slugs",
    "clean_spelling",
    "display_name",
    "file_slug",
    "slugify",
    "split_terms",
    "term_key",
    "weight_classes",
]

#: Slugs become file names and URL segments; 80 characters keeps URLs
#: readable, and 200 UTF-8 bytes leaves room for an extension under the
#: 255-byte file-name limit of ext4, APFS and NTFS.
MAX_SLUG_CHARS = 80
MAX_SLUG_BYTES = 200

# Cc: control characters; Cf: invisible format characters (zero-width
# space/joiners, word joiner, BOM, soft hyphen, bidi overrides); Cs: lone
# surrogates, which cannot be encoded when the page is written out.  All are
# invisible, so two spellings differing only in them must be the same term,
# and dropping bidi overrides stops a tag name from visually spoofing another.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})

# Device names Windows refuses as file names, with or without an extension.
# COM0/LPT0 are included because newer Windows versions reserve them too.
_RESERVED_RE = re.compile(r"(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?")

_DASH_RUN_RE = re.compile(r"-{2,}")

#: Separators accepted when terms are written as one string: "a, b，c、d".
TERM_SEPARATORS = (",", "，", "、", ";", "；")

def _scrub(text: str) -> str:
    """Drop invisible characters and collapse whitespace runs to one space."""
    kept = []
    for ch in text:
        if ch.isspace():
            # Checked first: tab/newline are Cc but must separate words.
            kept.append(" ")
        elif unicodedata.category(ch) not in _INVISIBLE_CATEGORIES:
            kept.append(ch)
    # str.split() without arguments splits on every Unicode space,
    # including NBSP and the ideographic space U+3000.
    return " ".join("".join(kept).split())


@lru_cache(maxsize=65536)
def spelling_key(term: str) -> str:
    """*term* with width (NFKC), case, invisible characters and whitespace runs ignored."""
    # Scrub first so a removed zero-width character cannot leave behind a
    # base letter and combining mark that NFKC would have composed.
    text = unicodedata.normalize("NFKC", _scrub(term))
    # Casefolding can produce decomposed or compatibility characters
    # (e.g. U+0130), so normalise again to keep the key idempotent.
    text = unicodedata.normalize("NFKC", text.casefold())
    return _scrub(text)


@lru_cache(maxsize=65536)
def term_key(term: str) -> str:
    """Return the identity of *term*: the form used to merge spellings.

    Width (NFKC), case (casefold), invisible characters and whitespace are
    all ignored, so full-width ``GOOGLE TPU`` (with an ideographic space)
    and ``" google  tpu"`` share a key.  A hyphen counts as a space, as in
    Hugo's URLs: ``Google TPU`` and ``google-tpu`` are one term with one page.
    The result may be empty; callers decide whether to warn.
    """
    return _scrub(spelling_key(term).translate(_HYPHENS))


#: Hyphens that separate words like a space does ("google-tpu" is "google tpu").
_HYPHENS = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " "})


def merged_spellings(spellings: Iterable[str]) -> list[str]:
    """The spellings of one term that differ beyond width and case (reported once)."""
    first: dict[str, str] = {}
    for spelling in spellings:
        first.setdefault(spelling_key(spelling), spelling)
    return sorted(first.values()) if len(first) > 1 else []


@lru_cache(maxsize=65536)
def clean_spelling(term: str) -> str:
    """Return *term* as it should be displayed: the author's own characters
    minus invisible ones, with whitespace collapsed to single ASCII spaces.

    Unlike :func:`term_key` this keeps width and case, because the display
    name should look like what authors actually typed.
    """
    return _scrub(term)


def split_terms(text: str) -> list[str]:
    """The pieces of ``text`` between term separators, as written (not cleaned)."""
    for separator in TERM_SEPARATORS:
        text = text.replace(separator, ",")
    return text.split(",")


def alias_map(aliases: Mapping[str, str]) -> dict[str, str]:
    """term key of each synonym -> the spelling it stands for."""
    return {term_key(alias): clean_spelling(target) for alias, target in aliases.items()}


def _is_half_width(spelling: str) -> bool:
    return unicodedata.normalize("NFKC", spelling) == spelling


def display_name(spellings: Mapping[str, int]) -> str:
    """Pick the display name among counted spellings of one term.

    The most frequent spelling wins; ties prefer a spelling already in NFKC
    form (half-width ``AI`` over full-width), then the smallest string, so the
    choice never depends on the order articles were read in.
    """
    if not spellings:
        raise ValueError("display_name() needs at least one spelling")
    return min(
        spellings,
        key=lambda s: (-spellings[s], not _is_half_width(s), s),
    )


def _hash(key: str, length: int) -> str:
    # surrogatepass: a key can only hold surrogates if term_key was bypassed,
    # but hashing must never be the thing that raises.
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass"), usedforsecurity=False)
    return digest.hexdigest()[:length]


def _slug_char(ch: str) -> str:
    # Letters, digits and combining marks (needed by Devanagari, Thai,
    # Arabic, ...) are safe in every file system; everything else, notably
    # path separators, dots and the Windows-forbidden set, becomes "-".
    category = unicodedata.category(ch)
    if ch in "-_" or category[0] in "LN" or category in ("Mn", "Mc"):
        return ch
    return "-"


def _fits(slug: str) -> bool:
    return len(slug) <= MAX_SLUG_CHARS and len(slug.encode("utf-8")) <= MAX_SLUG_BYTES


def _with_suffix(stem: str, suffix: str) -> str:
    """Append *suffix* to *stem*, trimming *stem* so the result fits."""
    while stem and not _fits(stem + suffix):
        stem = stem[:-1]
    # A trailing separator before the suffix would give "--" or "_-". The stem
    # never empties: a slug starts with a letter or digit, and every suffix
    # ("-2", "-" and 6 hex digits) leaves room for most of it.
    return stem.rstrip("-_") + suffix


def slugify(term: str) -> str:
    """Return a readable slug for *term* that is safe as a file name and URL.

    Chinese and other letters are kept (``"AI芯片"`` -> ``"ai芯片"``); every
    other character becomes ``-``.  The result is never empty, never ``.``
    or ``..``, never a Windows device name, and fits in
    :data:`MAX_SLUG_CHARS` characters and :data:`MAX_SLUG_BYTES` bytes.
    """
    key = term_key(term)
    slug = "".join(_slug_char(ch) for ch in key)
    slug = _DASH_RUN_RE.sub("-", slug).strip("-_.")
    if not slug:
        # Nothing readable survived ("../", "!!!"); hash the key so distinct
        # terms still get distinct, stable slugs.
        return f"term-{_hash(key, 8)}"
    if _RESERVED_RE.fullmatch(slug):
        slug = f"{slug}-term"
    if not _fits(slug):
        # Hash the whole key so long terms sharing a prefix stay distinct.
        slug = _with_suffix(slug, f"-{_hash(key, 6)}")
    return slug


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def file_slug(title: str) -> str:
    """A file name (without suffix) for an article titled *title*: ASCII when it can be.

    Chinese becomes pinyin (``"算力观察"`` -> ``"suan-li-guan-cha"``), Japanese
    kana romaji, Korean Hangul romanised, accents are stripped; a title in
    another script keeps its letters (as :func:`slugify` does). Never empty,
    never a Windows device name, at most :data:`MAX_SLUG_CHARS` characters.
    """
    slug = _NOT_SLUG.sub("-", transliterate(_scrub(title)).casefold()).strip("-")
    if len(slug) > MAX_SLUG_CHARS:
        # Cut at a word: the slug neither starts with "-" nor holds "--".
        slug = slug[:MAX_SLUG_CHARS].rsplit("-", 1)[0]
    if not slug:
        slug = slugify(title)
        return "article-" + slug.removeprefix("term-") if slug.startswith("term-") else slug
    return f"{slug}-article" if _RESERVED_RE.fullmatch(slug) else slug


def _fold(slug: str) -> str:
    # Conservative stand-in for the case folding of NTFS/APFS: upper() first
    # catches pairs that casefold() keeps apart, like dotless i (U+0131) and "i".
    return unicodedata.normalize("NFKC", slug.upper().casefold())


def assign_slugs(keys: Iterable[str]) -> dict[str, str]:
    """Map each distinct term key to a slug unique even case-insensitively.

    When keys collide, the smallest key keeps the plain slug and the others
    get ``-2``, ``-3``, ... in key order.  Plain slugs are all reserved
    before any suffix is handed out, so a suffixed slug never takes the
    plain slug of another key.  Keys are processed sorted, so the result
    does not depend on input order.
    """
    ordered = sorted(set(keys))
    plain = {key: slugify(key) for key in ordered}
    result: dict[str, str] = {}
    taken: set[str] = set()
    for key in ordered:
        if _fold(plain[key]) not in taken:
            result[key] = plain[key]
            taken.add(_fold(plain[key]))
    for key in ordered:
        if key in result:
            continue
        number = 2
        while _fold(candidate := _with_suffix(plain[key], f"-{number}")) in taken:
            number += 1
        result[key] = candidate
        taken.add(_fold(candidate))
    return result


def weight_classes(counts: Mapping[str, int], steps: int = 5) -> dict[str, int]:
    """Map each name to a tag-cloud size class from 1 to *steps*.

    Classes are spread on a log scale (so one huge tag does not flatten all
    others into class 1): the least used name gets 1, the most used gets
    *steps*.  When all counts are equal there is no signal, and every name
    gets class 1.  Counts below zero are treated as zero.
    """
    if steps < 1:
        raise ValueError(f"steps must be at least 1, got {steps}")
    # log1p keeps a zero count finite and still maps min to 1, max to steps.
    logs = {name: math.log1p(max(count, 0)) for name, count in counts.items()}
    if not logs:
        return {}
    low, high = min(logs.values()), max(logs.values())
    if high == low:
        return dict.fromkeys(logs, 1)
    return {
        name: 1 + math.floor((value - low) / (high - low) * (steps - 1) + 0.5)
        for name, value in logs.items()
    }
