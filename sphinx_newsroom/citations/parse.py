"""Parse footnote text into a structured :class:`Citation`.

News articles cite their sources as free-text footnotes. Pure (standard
library only), so it can be tested and reused without Sphinx.

Recognised footnote shapes, tried in this order:

1. a Markdown link ``[Title](https://url)`` with optional publisher, author and
   date text before or after it;
2. a bare URL, optionally with an "accessed" note;
3. the Chinese newsroom form ``标题·出版方·作者(2025/6/30)·检索日期2025/7/2``
   (full-width brackets too);
4. the English quoted form ``Author, "Title," Publisher, June 30, 2025. URL
   (accessed July 2, 2025).``;
5. the period form ``Title. Publisher. Date. URL``.

A shape only counts as structured when it has an anchor (a publication date,
an accessed date or a URL); without one, splitting ordinary prose on dots or
commas would invent fields. Anything else is kept whole as an unstructured
citation whose title is the stripped text.

Every structured field is one contiguous piece of the input: the parser never
stitches text across a removed URL or accessed note, so no field contains text
that was not in the footnote.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import NamedTuple

from . import parse_en
from .model import Citation

__all__ = [
    "MONTH_NAMES", "accessed_spans", "date_spans", "detect_language", "parse_citation",
    "url_host", "url_spans",
]

# ---------------------------------------------------------------------------
# Character classes and patterns
#
# Every pattern below is written so that no two adjacent quantifiers can match
# the same characters; footnotes may be arbitrarily hostile (the property tests
# feed 100k-character strings), so ambiguity would mean quadratic backtracking.
# ---------------------------------------------------------------------------

# Full-width punctuation is spelled by name: it is easily mistaken for ASCII.
_FW_COMMA = "\N{FULLWIDTH COMMA}"
_FW_SEMICOLON = "\N{FULLWIDTH SEMICOLON}"
_FW_COLON = "\N{FULLWIDTH COLON}"
_FW_LPAREN = "\N{FULLWIDTH LEFT PARENTHESIS}"
_FW_RPAREN = "\N{FULLWIDTH RIGHT PARENTHESIS}"
_FW_QUESTION = "\N{FULLWIDTH QUESTION MARK}"
_FW_EXCLAMATION = "\N{FULLWIDTH EXCLAMATION MARK}"
_FW_FULL_STOP = "\N{FULLWIDTH FULL STOP}"

# Middle dots used as field separators in Chinese newsroom footnotes.
_SEPARATORS = "·・•･"
_SEPARATOR_RE = re.compile(f"[{_SEPARATORS}]")

# Punctuation that only delimits fields and is trimmed from their edges.
_COMMAS = "," + _FW_COMMA
_COLONS = ":" + _FW_COLON
_EDGE_PUNCT = f"{_COMMAS}{_COLONS}.;。{_FW_SEMICOLON}、|{_SEPARATORS}"
_OPEN_BRACKETS = f"({_FW_LPAREN}[【"
_CLOSE_BRACKETS = f"){_FW_RPAREN}]】"

# URLs stop at whitespace, quotes, angle brackets and any non-ASCII character
# that is not a letter or digit: Chinese footnotes routinely glue a URL to the
# next field with a middle dot, a full-width bracket or a full stop, while the
# letters of ``https://zh.wikipedia.org/wiki/北京`` belong to the address.
_URL_RE = re.compile(r"https?://(?:[!#-;=?-~]|[^\W\x00-\x7f])+", re.IGNORECASE)
# An accessed label glued to a URL ends it: "https://x.org/a检索日期2025/7/2".
_GLUED_LABEL_RE = re.compile(r"检索日期|检索于|访问日期|访问时间|访问于|引用日期|查阅日期")
_URL_TRAILING_PUNCT = ".,;:!?'*"

_NUMERIC_DATE_RE = re.compile(
    r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)"
    r"(?:\s*日)?"
    # An optional time of day is swallowed so that "2025-06-30T08:00Z" or
    # "2025/6/30 8:00" still end on the date and do not count as trailing text.
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_RE_PART = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
    r"(?![a-z])\.?"
)
_MONTH_DAY_YEAR_RE = re.compile(
    r"\b" + _MONTH_RE_PART + r"\s*(\d{1,2})(?!\d)(?:st|nd|rd|th)?,?\s*(\d{4})(?!\d)",
    re.IGNORECASE,
)
_DAY_MONTH_YEAR_RE = re.compile(
    r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE_PART + r",?\s*(\d{4})(?!\d)",
    re.IGNORECASE,
)

_ACCESSED_LABEL_RE = re.compile(
    r"(?:检索日期|检索于|访问日期|访问时间|访问于|引用日期|查阅日期"
    r"|(?:accessed|retrieved|viewed|last\s+visited|last\s+accessed)(?:\s+on)?)"
    rf"\s*(?:[{_COLONS}]\s*)?",
    re.IGNORECASE,
)

_MARKDOWN_LINK_RE = re.compile(
    r"\[([^\[\]]+)\]\((https?://[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)\)",
    re.IGNORECASE,
)

# Title quotes: ASCII, curly and Chinese book-title marks, each with its own
# closing mark so an unclosed quote never scans past the next opening one.
_QUOTED_TITLE_RE = re.compile(r'"([^"]+)"|“([^“”]+)”|《([^《》]+)》')

# Where a period-form head splits into title and publisher. A question or
# exclamation mark belongs to the title, so only the space after it is eaten.
_SENTENCE_BREAK_RE = re.compile(
    rf"(?<=[?!{_FW_QUESTION}{_FW_EXCLAMATION}])\s+|\.\s+|[。{_FW_FULL_STOP}]\s*"
)
_COMMA_BREAK_RE = re.compile(r",\s+")
_SIDE_BREAK_RE = re.compile(rf"[{_SEPARATORS}{_COMMAS};{_FW_SEMICOLON}|]|\.\s")
_SENTENCE_INSIDE_RE = re.compile(r"\.\s+\S")


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------


class _DateMatch(NamedTuple):
    value: datetime.date
    start: int
    end: int


def _month_number(name: str) -> int:
    prefix = name.lower()[:3]
    return next(i for i, month in enumerate(MONTH_NAMES, 1) if month.startswith(prefix))


def _date_from_match(pattern: re.Pattern[str], match: re.Match[str]) -> datetime.date | None:
    if pattern is _NUMERIC_DATE_RE:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    elif pattern is _MONTH_DAY_YEAR_RE:
        year, month, day = int(match[3]), _month_number(match[1]), int(match[2])
    else:
        year, month, day = int(match[3]), _month_number(match[2]), int(match[1])
    try:
        return datetime.date(year, month, day)
    except ValueError:
        # "2025/13/40" looks like a date but is not one; leave it as text.
        return None


_DATE_PATTERNS = (_NUMERIC_DATE_RE, _MONTH_DAY_YEAR_RE, _DAY_MONTH_YEAR_RE)


def _iter_dates(text: str, start: int = 0, end: int | None = None) -> Iterator[_DateMatch]:
    """Yield every valid date in ``text[start:end]``, in no particular order."""
    stop = len(text) if end is None else end
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text, start, stop):
            value = _date_from_match(pattern, match)
            if value is not None:
                yield _DateMatch(value, match.start(), match.end())


def _date_at(text: str, pos: int) -> _DateMatch | None:
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text, pos)
        if match:
            value = _date_from_match(pattern, match)
            if value is not None:
                return _DateMatch(value, match.start(), match.end())
    return None


# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------


def _is_trimmable(char: str, extra: str) -> bool:
    return char.isspace() or char in extra


def _trim(text: str, start: int, end: int, extra: str) -> tuple[int, int]:
    """Shrink ``[start, end)`` past whitespace and the ``extra`` characters."""
    while start < end and _is_trimmable(text[start], extra):
        start += 1
    while end > start and _is_trimmable(text[end - 1], extra):
        end -= 1
    return start, end


def _is_blank(text: str, start: int, end: int | None, extra: str) -> bool:
    lo, hi = _trim(text, start, len(text) if end is None else end, extra)
    return lo >= hi


_JUNK = _EDGE_PUNCT + _OPEN_BRACKETS + _CLOSE_BRACKETS


@dataclass(slots=True)
class _Body:
    """The footnote with recognised parts blanked out, position for position.

    Blanking (rather than deleting) keeps offsets aligned with the original, so
    a field can be checked for having crossed a blanked part by comparing it
    with the same slice of the original text.
    """

    text: str
    masked: str
    url: str = ""
    accessed: datetime.date | None = None

    def blank(self, start: int, end: int) -> None:
        self.masked = self.masked[:start] + " " * (end - start) + self.masked[end:]

    def field(self, start: int, end: int, extra: str = _EDGE_PUNCT) -> str | None:
        """The trimmed text of a span, or None when it spans a blanked part."""
        lo, hi = _trim(self.masked, start, end, extra)
        piece = self.masked[lo:hi]
        return piece if piece == self.text[lo:hi] else None


class _Fields(NamedTuple):
    title: str
    publisher: str = ""
    author: str = ""
    date: datetime.date | None = None


# ---------------------------------------------------------------------------
# URL and accessed-date extraction
# ---------------------------------------------------------------------------


def _trim_url(url: str) -> str:
    """Drop sentence punctuation and unbalanced closing brackets after a URL.

    Brackets are counted once up front; recounting per trimmed character
    would be quadratic on a URL followed by thousands of ")".
    """
    unbalanced = {")": url.count(")") - url.count("("), "]": url.count("]") - url.count("[")}
    end = len(url)
    while end:
        last = url[end - 1]
        if last in unbalanced and unbalanced[last] > 0:
            unbalanced[last] -= 1
        elif last not in _URL_TRAILING_PUNCT:
            break
        end -= 1
    return url[:end]


def _found_url(match: re.Match[str]) -> str:
    """The URL a match spells: glued accessed labels and trailing punctuation left out."""
    url = match[0]
    if not url.isascii():
        label = _GLUED_LABEL_RE.search(url)
        if label is not None:
            url = url[:label.start()]
    return _trim_url(url)


def url_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, url)`` of every ``http(s)://`` URL written in ``text``."""
    spans = []
    for match in _URL_RE.finditer(text):
        url = _found_url(match)
        if url.partition("://")[2]:
            spans.append((match.start(), match.start() + len(url), url))
    return spans


def dates_in(text: str) -> list[tuple[int, int, datetime.date]]:
    """``(start, end, date)`` of every date in ``text``, first first."""
    return sorted((found.start, found.end, found.value) for found in _iter_dates(text))


def date_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every date in ``text`` (publication or accessed)."""
    return sorted((found.start, found.end) for found in _iter_dates(text))


def accessed_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every accessed note (label and date) in ``text``."""
    spans = []
    for label in _ACCESSED_LABEL_RE.finditer(text):
        found = _date_at(text, label.end())
        if found is not None:
            spans.append((label.start(), found.end))
    return spans


def _blank_url(body: _Body) -> None:
    # Only the first URL is extracted; later ones stay in the text so that
    # nothing is lost when a footnote cites several pages.
    spans = url_spans(body.masked)
    if spans:
        start, end, body.url = spans[0]
        body.blank(start, end)


def _widen_to_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """Include brackets that wrap ``[start, end)`` with only spaces between."""
    before, after = start, end
    while before > 0 and text[before - 1].isspace():
        before -= 1
    while after < len(text) and text[after].isspace():
        after += 1
    if before > 0 and after < len(text):
        opening, closing = text[before - 1], text[after]
        if opening in _OPEN_BRACKETS and closing in _CLOSE_BRACKETS:
            return before - 1, after + 1
    return start, end


def _blank_accessed(body: _Body) -> None:
    for label in _ACCESSED_LABEL_RE.finditer(body.masked):
        found = _date_at(body.masked, label.end())
        if found is not None:
            body.accessed = found.value
            body.blank(*_widen_to_brackets(body.masked, label.start(), found.end))
            return


# ---------------------------------------------------------------------------
# Shape parsers. Each returns None when the footnote does not have its shape.
# ---------------------------------------------------------------------------


class _Span(NamedTuple):
    start: int
    end: int


def _split_spans(text: str, pattern: re.Pattern[str], start: int, end: int) -> list[_Span]:
    """The non-blank pieces of ``text[start:end]`` between matches of ``pattern``."""
    spans: list[_Span] = []
    piece_start = start
    for match in pattern.finditer(text, start, end):
        spans.append(_Span(piece_start, match.start()))
        piece_start = match.end()
    spans.append(_Span(piece_start, end))
    return [s for s in spans if not _is_blank(text, s.start, s.end, _JUNK)]


def _trailing_date(body: _Body, start: int, end: int) -> _DateMatch | None:
    """The date that ends ``[start, end)``, ignoring closing punctuation."""
    ending = _trim(body.masked, start, end, _EDGE_PUNCT + _CLOSE_BRACKETS)[1]
    for found in _iter_dates(body.masked, start, end):
        if found.end == ending:
            return found
    return None


def _author_and_date(body: _Body, span: _Span) -> tuple[str, datetime.date] | None:
    """Split a ``作者(2025/6/30)`` or bare-date segment into author and date."""
    found = _trailing_date(body, span.start, span.end)
    if found is None:
        return None
    author = body.field(span.start, found.start, _EDGE_PUNCT + _OPEN_BRACKETS)
    # A sentence break inside the "author" means the dots only separated a
    # transliterated name inside a period-form footnote; let that form try.
    if author is None or _SENTENCE_INSIDE_RE.search(author):
        return None
    return author, found.value


def _parse_dotted(body: _Body) -> _Fields | None:
    """``标题·出版方·作者(日期)``: the last separators delimit the fields."""
    segments = _split_spans(body.masked, _SEPARATOR_RE, 0, len(body.masked))
    if len(segments) < 2:
        return None
    author, date = "", None
    tail_start = len(body.masked)
    split = _author_and_date(body, segments[-1])
    if split is not None:
        author, date = split
        tail_start = segments.pop().start
    elif _trailing_date(body, segments[-1].start, segments[-1].end) is not None:
        # A date whose "author" was rejected must not end up in the publisher.
        return None
    publisher: str | None = ""
    if len(segments) > 1:
        publisher_span = segments.pop()
        publisher = body.field(*publisher_span)
        tail_start = publisher_span.start
    # The title is everything before the publisher: only the separators and
    # spaces at its edges go, so punctuation inside or ending it survives.
    title = body.field(0, tail_start, _SEPARATORS)
    if not title or publisher is None:
        return None
    from .parse_zh import drop_repeated_site  # "标题 - 新浪财经·新浪财经·…"

    return _Fields(drop_repeated_site(title, publisher), publisher, author, date)


def _parse_quoted(body: _Body) -> _Fields | None:
    """``Author, "Title," Publisher, June 30, 2025``."""
    quote = _QUOTED_TITLE_RE.search(body.masked)
    if quote is None:
        return None
    inner_start, inner_end = next(quote.span(g) for g in (1, 2, 3) if quote[g] is not None)
    title = body.field(inner_start, inner_end, _COMMAS)
    # Only a comma or colon may join the author to the quote; otherwise the
    # quote is merely part of a sentence ('He said "hi" to me').
    # The character right before the quote decides, a removed URL or note read as space.
    lead = body.masked[:quote.start()].rstrip()
    if lead and lead[-1] not in _COMMAS + _COLONS:
        return None
    author = body.field(0, quote.start())
    rest_start = quote.end()
    found = min(_iter_dates(body.masked, rest_start), key=lambda d: d.start, default=None)
    rest_end = len(body.masked)
    if found is not None:
        if not _is_blank(body.masked, found.end, None, _JUNK):
            return None
        rest_end = found.start
    publisher = body.field(rest_start, rest_end, _EDGE_PUNCT + _OPEN_BRACKETS)
    if not title or author is None or publisher is None:
        return None
    return _Fields(title, publisher, author, found.value if found else None)


def _last_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    matches = list(pattern.finditer(text, start, end))
    return matches[-1] if matches else None


def _parse_periods(body: _Body) -> _Fields | None:
    """``Title. Publisher. Date.`` (the date is optional when a URL is present)."""
    found = max(_iter_dates(body.masked), key=lambda d: d.end, default=None)
    head_end = len(body.masked)
    if found is not None:
        if not _is_blank(body.masked, found.end, None, _JUNK):
            return None
        head_end = found.start
    head_start, head_end = _trim(body.masked, 0, head_end, _EDGE_PUNCT + _OPEN_BRACKETS)
    split = _last_match(_SENTENCE_BREAK_RE, body.masked, head_start, head_end) or _last_match(
        _COMMA_BREAK_RE, body.masked, head_start, head_end
    )
    publisher: str | None = ""
    # The head's edges are trimmed already: the title's are its own or a break's.
    if split is None:
        title = body.field(head_start, head_end)
    else:
        title = body.field(head_start, split.start())
        publisher = body.field(split.end(), head_end)
    if not title or publisher is None:
        return None
    return _Fields(title, publisher, "", found.value if found else None)


class _Side(NamedTuple):
    publisher: str
    author: str
    date: datetime.date | None


def _parse_side(body: _Body, start: int, end: int) -> _Side | None:
    """Publisher, author and date written next to a Markdown link."""
    dates = list(_iter_dates(body.masked, start, end))
    if len(dates) > 1:
        return None
    before_end = end
    if dates:
        if not _is_blank(body.masked, dates[0].end, end, _JUNK):
            return None
        before_end = dates[0].start
    chunks = _split_spans(body.masked, _SIDE_BREAK_RE, start, before_end)
    author: str | None = ""
    # Text glued to a bracketed date (no separator in between) is its author,
    # as in "许超(2025/6/30)"; after a separator it would be the publisher.
    glued = bool(chunks) and chunks[-1].end == before_end
    if dates and glued and body.masked[start:before_end].rstrip().endswith(tuple(_OPEN_BRACKETS)):
        author_span = chunks.pop()
        author = body.field(author_span.start, author_span.end, _JUNK)
    if len(chunks) > 1:
        return None
    publisher = body.field(chunks[0].start, chunks[0].end, _JUNK) if chunks else ""
    if publisher is None or author is None:
        return None
    return _Side(publisher, author, dates[0].value if dates else None)


def _parse_markdown(body: _Body, link: re.Match[str]) -> _Fields | None:
    """``[Title](url)`` plus publisher/author/date on either side of it."""
    title = body.field(*link.span(1), "")
    body.url = link[2]
    body.blank(*link.span())
    _blank_accessed(body)
    before = _parse_side(body, 0, link.start())
    after = _parse_side(body, link.end(), len(body.masked))
    if not title or before is None or after is None:
        return None
    # Each field may come from one side only; two publishers is not a citation.
    if (before.publisher and after.publisher) or (before.author and after.author):
        return None
    if before.date and after.date:
        return None
    return _Fields(
        title,
        before.publisher or after.publisher,
        before.author or after.author,
        before.date or after.date,
    )


def url_host(url: str) -> str:
    """The host of ``url``, without ``www.``: the site that publishes it."""
    match = re.match(r"https?://(?:[^@/?#]*@)?([^/?#:]*)", url, re.IGNORECASE)
    host = match[1] if match else ""
    return host[4:] if host.lower().startswith("www.") else host


def _parse_text_shapes(body: _Body) -> _Fields | None:
    _blank_url(body)
    _blank_accessed(body)
    # Angle brackets are Markdown/email autolink syntax around a lone URL.
    # The publisher is left to ``refine``, which credits the URL's site (an
    # archive's original), as for a URL alone.
    if body.url and _is_blank(body.masked, 0, None, _JUNK + "<>"):
        return _Fields("")
    for shape in (_parse_dotted, _parse_quoted, _parse_periods):
        fields = shape(body)
        if fields is not None and (fields.date or body.accessed or body.url):
            return fields
    return None


# ---------------------------------------------------------------------------
# Language
# ---------------------------------------------------------------------------


def _is_han(char: str) -> bool:
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3FFFF
    )


def _is_kana_or_hangul(char: str) -> bool:
    code = ord(char)
    return 0x3040 <= code <= 0x30FF or 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF


#: A host written as a name (``oi-wiki.org``, the site credited from a URL): no words.
_DOMAIN_NAME_RE = re.compile(
    r"(?<![\w.@/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
    r"(?:com|org|net|io|dev|edu|gov|cn|co|uk|de|jp|fr|info|me|app|wiki|xyz|tech|site|top|ai"
    r"|us|ca|au|ru|in|eu|ch|nl|se|be|tw|hk)(?![\w.-])",
    re.IGNORECASE,
)


def detect_language(text: str) -> str:
    """``zh`` when Han characters outweigh Latin words, ``en`` for Latin text.

    One Han character carries about as much as one Latin word, so Latin is
    counted in words: "OpenAI转向TPU…" is Chinese despite its Latin letters.
    A host name (``oi-wiki.org``, a site credited from its URL) says nothing
    of the language and is not counted. Kana or Hangul mean Japanese or
    Korean, which this vocabulary cannot name.
    """
    text = _DOMAIN_NAME_RE.sub(" ", text)
    han = latin_words = 0
    in_latin_word = False
    for char in text:
        is_latin = char.isalpha() and ord(char) < 0x250
        if is_latin and not in_latin_word:
            latin_words += 1
        in_latin_word = is_latin
        if _is_kana_or_hangul(char) and char.isalpha():
            return "und"
        han += _is_han(char)
    if han > latin_words:
        return "zh"
    return "en" if latin_words else "und"


# ---------------------------------------------------------------------------
# Public parsing API
# ---------------------------------------------------------------------------


def parse_citation(text: str) -> Citation:
    """Parse one footnote's plain text; never raises and never drops text.

    ``raw`` is always ``text`` unchanged. When no known shape fits, the result
    is unstructured with ``title == text.strip()``. ``language`` is detected
    from the title, publisher and author (from the whole text when
    unstructured); a bare URL stays ``"und"`` because a host name says
    nothing about the page's language.
    """
    from .parse_zh import parse_chinese  # the Chinese shapes; imports this module

    chinese = parse_chinese(text)
    english = parse_en.parse_english(text)
    if english is not None and english.author and english.title \
            and not any(map(_is_han, english.title + english.author)) and (
                chinese is None or not chinese.author
                or re.search(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)",
                             chinese.publisher + " " + chinese.author)):
        # A Latin reference with a Chinese lead-in ("参见 [APA…](…)": the Chinese shapes
        # find no author), or whose container or names the Chinese shapes ran into its
        # year ("…[C]//Conference. Springer, 1995: 157-171.", "Cherkassky, B. V.
        # (1995). Title[C]."): the English shapes read it, with the type code it writes.
        citation = parse_en.to_citation(text, english, detect_language)
        return replace(citation, type=chinese.type) if chinese is not None else citation
    if chinese is not None:
        note = parse_en.LANGUAGE_NOTE_RE.match(chinese.title)
        if note and chinese.title[note.end():]:
            # "（英文）Bucket sort": the note says the page's language, it is no title.
            chinese = replace(chinese, title=chinese.title[note.end():])
        return chinese
    if english is not None:
        return parse_en.to_citation(text, english, detect_language)
    pointer = parse_en.parse_pointer(text)
    if pointer is not None:
        return parse_en.to_citation(text, pointer, detect_language)
    body = _Body(text, text)
    link = _MARKDOWN_LINK_RE.search(text)
    fields = _parse_markdown(body, link) if link else _parse_text_shapes(body)
    if fields is None:
        return Citation(raw=text, title=text.strip(), language=detect_language(text))
    # A bare URL's fields are all empty here ("und"): a host says nothing of the language.
    language = detect_language(" ".join(fields[:3]))
    return parse_en.refine(Citation(
        raw=text,
        title=fields.title,
        publisher=fields.publisher,
        author=fields.author,
        date=fields.date,
        accessed=body.accessed,
        url=body.url,
        language=language,
        structured=True,
    ), link[1] if link else "")
