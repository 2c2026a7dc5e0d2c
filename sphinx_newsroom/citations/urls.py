"""URLs as readers read them and as links need them: non-ASCII characters kept whole.

A URL may be written with its non-ASCII characters as they are
(``https://zh.wikipedia.org/wiki/北京``) or percent-encoded
(``https://zh.wikipedia.org/wiki/%E5%8C%97%E4%BA%AC``): it is one address.
``readable_url`` gives the first spelling, which is shown and keyed on;
``encoded_url`` the second, which every link and export carries.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

__all__ = ["encoded_url", "readable_url"]

# A run of percent escapes; decoded together, as one UTF-8 sequence may span several.
_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
# Characters a link must not carry raw: everything outside printable ASCII, and space.
_UNSAFE = re.compile(r"[^!-~]+")


def _decode_non_ascii(match: re.Match[str]) -> str:
    """The escapes of non-ASCII characters decoded; escapes of ASCII kept as written.

    ``%2F`` or ``%20`` mean something different from ``/`` or a space, so
    they stay; ``%E5%8C%97`` is only a spelling of ``北``.
    """
    run = match[0]
    out: list[str] = []
    pending = bytearray()
    written: list[str] = []

    def flush() -> None:
        if not pending:
            return
        text = bytes(pending).decode("utf-8", errors="replace")
        if "\ufffd" in text:
            out.extend(written)  # not UTF-8: keep the escapes as written
        else:
            out.append(text)
        pending.clear()
        written.clear()

    for index in range(0, len(run), 3):
        escape = run[index:index + 3]
        byte = int(escape[1:], 16)
        if byte < 0x80:
            flush()
            out.append(escape)
        else:
            pending.append(byte)
            written.append(escape)
    flush()
    return "".join(out)


def readable_url(url: str) -> str:
    """``url`` with its non-ASCII characters as characters (NFC), ASCII escapes kept."""
    return unicodedata.normalize("NFC", _ESCAPES.sub(_decode_non_ascii, url))


def encoded_url(url: str) -> str:
    """``url`` with every non-ASCII character (and space) percent-encoded, as UTF-8."""
    return _UNSAFE.sub(lambda m: quote(unicodedata.normalize("NFC", m[0]), safe=""), url)

