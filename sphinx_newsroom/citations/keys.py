"""Dedupe keys: duplicate citations of one source share a key."""

from __future__ import annotations

import re
import unicodedata

from .model import Citation
from .parse import url_spans
from .parse_en import archived_original
from .urls import readable_url

__all__ = ["citation_key", "letters_and_digits", "same_source", "work_key"]


def _squash(text: str) -> str:
    """NFKC, casefold, and drop whitespace, punctuation and control characters.

    This makes "OpenAI 转向 TPU, 这…" and "OpenAI转向TPU 这…" the same key,
    whether the comma is ASCII or full-width.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in folded if unicodedata.category(c)[0] not in "PZC")


def _host(host: str) -> str:
    """A host compared as readers read it: lower case, IDNA ``xn--`` labels decoded."""
    host = host.lower()
    if "xn--" in host:
        try:
            return host.encode("ascii").decode("idna")
        except (UnicodeError, ValueError):
            return host
    return host


#: Escapes of characters that mean the same written or escaped (RFC 3986's
#: unreserved characters, and the brackets, quote and marks Wikipedia's titles use).
_SAFE_ESCAPES = re.compile(r"%(2[1789Aa]|2[Dd]|2[Ee]|5[Ff]|7[Ee]|[346][0-9A-Fa-f]|[57][0-9Aa])")
#: Wikipedia serves one article under /wiki/ and under its script variants.
_WIKI_VARIANT = re.compile(r"^(/)(?:zh-(?:cn|hans|hant|tw|hk|mo|sg|my))(/)", re.IGNORECASE)


def _unescape_safe(text: str) -> str:
    def decode(match: re.Match[str]) -> str:
        char = chr(int(match[1], 16))
        return char if char.isalnum() or char in "!'()*-._~" else match[0]
    return _SAFE_ESCAPES.sub(decode, text)


def _url_key(url: str) -> str:
    # Non-ASCII characters count as characters, whether written raw or
    # percent-encoded: the two spellings are one address, and two addresses
    # that differ only after an ASCII prefix stay two. An archived copy is
    # the page it copies.
    url = archived_original(url.strip()) or url
    match = re.match(r"(?:https?://)?([^/?#]*)([^?#]*)(?:\?([^#]*))?", readable_url(url.strip()),
                     re.I)
    # The pattern accepts every string, so the match is never None.
    host, path, query = match.groups() if match else ("", url, None)
    host = _host(host)
    host = host.removeprefix("www.")
    host = host.removesuffix(":80").removesuffix(":443")
    path = _unescape_safe(path)
    if host.endswith("wikipedia.org"):
        path = _WIKI_VARIANT.sub(r"\1wiki\2", path)
    params = [p for p in (query or "").split("&") if p and not p.lower().startswith("utm_")]
    suffix = "?" + "&".join(params) if params else ""
    return f"url:{host}{path.rstrip('/')}{suffix}"


def citation_key(citation: Citation) -> str:
    """A key under which duplicate citations of one source coincide.

    ``url:<host/path?query>`` when there is a URL (scheme, ``www.``, trailing
    slash, fragment and ``utm_*`` parameters ignored, percent-encoded non-ASCII
    characters decoded); otherwise
    ``tp:<title>::<publisher>`` squashed by :func:`_squash` (with ``::<author>``
    when there is no publisher); unstructured
    citations use ``raw:<squashed raw text>``.
    """
    if citation.url:
        return _url_key(citation.url)
    urls = {url for _, _, url in url_spans(citation.raw)}
    if len(urls) == 1:
        # Unparsed, but it names one address: the address is the document.
        return _url_key(urls.pop())
    if not citation.structured:
        return "raw:" + (_squash(citation.raw) or citation.raw.strip())
    # "::" cannot occur in squashed text (colons are punctuation), so it
    # separates title from publisher without ambiguity. The publisher counts:
    # one story on two outlets, or one title in two journals, is two sources.
    key = f"tp:{_squash(citation.title) or citation.title}::{_squash(citation.publisher)}"
    # Without a publisher, the authors tell two books of one title apart
    # (潘承洞、潘承彪．初等数论． and 闵嗣鹤、严士健．初等数论．).
    if not citation.publisher and citation.author:
        key += "::" + _squash(citation.author)
    return key


def work_key(citation: Citation) -> str:
    """A work without a URL, by its title and its first author's family name, or ``""``.

    "Menezes, Alfred J.; van Oorschot, Paul C." and "A. Menezes, P. van
    Oorschot" are both ``menezes``; a Chinese name is kept whole.
    """
    if citation.url or not citation.structured or not citation.title:
        return ""
    names = citation.authors
    if not names:
        return ""
    name = names[0]
    if "," in name:
        family = name.split(",")[0]
    elif re.search(r"[\u4e00-\u9fff]", name):
        family = name
    elif re.fullmatch(r"\S+(?: [A-Z]{1,2})+", name):
        family = name.split()[0]  # GB/T 7714: "Cherkassky B V"
    else:
        family = name.split()[-1]
    return f"work:{_squash(citation.title)}::by:{_squash(family)}"


def same_source(a: Citation, b: Citation) -> bool:
    """Whether a bibliography lists two citations as one source.

    They share a :func:`citation_key`; or they are one work without a URL
    (the same :func:`work_key`) typed once with its publisher and once
    without, or both times without (潘承洞，潘承彪．初等数论．北京大学出版社．
    and 潘承洞，潘承彪．初等数论．). Two publishers keep two works of one
    title and author apart: a journal article and its conference version,
    one story on two outlets.
    """
    if citation_key(a) == citation_key(b):
        return True
    work = work_key(a)
    return bool(work) and work == work_key(b) and not (
        a.publisher and b.publisher and _squash(a.publisher) != _squash(b.publisher))


def letters_and_digits(text: str) -> str:
    """Letters and digits only, width- and case-folded: spelling variants compare equal."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())
