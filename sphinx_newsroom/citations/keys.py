"""Dedupe keys: duplicate citations of one source share a key."""

from __future__ import annotations

import re
import unicodedata

from .model import Citation
from .urls import readable_url

__all__ = ["citation_key", "letters_and_digits"]


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


def _url_key(url: str) -> str:
    # Non-ASCII characters count as characters, whether written raw or
    # percent-encoded: the two spellings are one address, and two addresses
    # that differ only after an ASCII prefix stay two.
    match = re.match(r"(?:https?://)?([^/?#]*)([^?#]*)(?:\?([^#]*))?", readable_url(url.strip()),
                     re.I)
    # The pattern accepts every string, so the match is never None.
    host, path, query = match.groups() if match else ("", url, None)
    host = _host(host)
    host = host.removeprefix("www.")
    host = host.removesuffix(":80").removesuffix(":443")
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
    if not citation.structured:
        return "raw:" + (_squash(citation.raw) or citation.raw.strip())
    # "::" cannot occur in squashed text (colons are punctuation), so it
    # separates title from publisher without ambiguity.
    key = f"tp:{_squash(citation.title) or citation.title}::{_squash(citation.publisher)}"
    # Without a publisher, the authors tell two books of one title apart
    # (潘承洞、潘承彪．初等数论． and 闵嗣鹤、严士健．初等数论．).
    if not citation.publisher and citation.author:
        key += "::" + _squash(citation.author)
    return key


def letters_and_digits(text: str) -> str:
    """Letters and digits only, width- and case-folded: spelling variants compare equal."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())
