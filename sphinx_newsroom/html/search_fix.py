"""Site search on Chinese pages under Sphinx 9.0: a stemmer named but not defined.

Sphinx 9.0 writes ``window.Stemmer = ChineseStemmer;`` into
``_static/language_data.js`` for ``language = "zh_CN"`` (and ``zh_TW``),
though the Chinese search ships the English stemmer, so every search on such
a site fails with ``ReferenceError: ChineseStemmer is not defined``
(sphinx-doc/sphinx#14229, fixed upstream by #14416: the class is named after
the stemmer file). A newsroom in Chinese would have no working search box;
until the Sphinx in use carries the fix, the written file names the stemmer
it defines. Nothing is changed where the file is right.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

BROKEN = "window.Stemmer = ChineseStemmer;"
MENDED = "window.Stemmer = EnglishStemmer;"


def mend_chinese_search(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    path = Path(app.builder.outdir) / "_static" / "language_data.js"
    if not path.is_file():
        return
    text = path.read_text("utf-8")
    if BROKEN in text and "ChineseStemmer=" not in text.replace(" ", "") \
            and "EnglishStemmer=" in text.replace(" ", ""):
        path.write_text(text.replace(BROKEN, MENDED), "utf-8")
