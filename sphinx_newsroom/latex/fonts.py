"""Fonts for the PDF where the project names none: only fonts that are installed.

Sphinx's xelatex and lualatex defaults name FreeSerif, FreeSans and FreeMono
(Debian's ``fonts-freefont-otf``), and a Chinese, Japanese or Korean page needs
a CJK font besides. A project that sets no ``latex_elements["fontpkg"]`` gets
fonts chosen from what fontconfig (and, for the Fandol fonts that ship with
TeX Live, kpathsea) finds, so the PDF never names a font that is absent.

The choice itself (:func:`choose_fonts`) is pure: it takes the installed
families as data, so every branch is testable on any machine. The Sphinx glue
(:func:`setup_fonts`) applies it to the LaTeX builder's context.
"""

from __future__ import annotations

import dataclasses as dc
import functools
import re
import shutil
import subprocess
from collections.abc import Mapping

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.latex import LaTeXBuilder, constants
from sphinx.config import Config

from ..config import set_by_user
from ..log import warn
from ..warnings_ import NewsroomWarning

#: Latin serif, sans and mono families, best first. FreeSerif is Sphinx's own
#: default (loaded by file name with the ``.otf`` extension); the others are
#: loaded by family name through fontconfig.
LATIN_SETS: tuple[tuple[str, str, str], ...] = (
    ("FreeSerif", "FreeSans", "FreeMono"),
    ("DejaVu Serif", "DejaVu Sans", "DejaVu Sans Mono"),
    ("TeX Gyre Termes", "TeX Gyre Heros", "TeX Gyre Cursor"),
)

#: Noto CJK's region suffix per language (and Chinese script).
NOTO_REGIONS: dict[str, str] = {
    "zh_tw": "TC", "zh_hant": "TC", "zh_hk": "HK", "zh_mo": "HK",
    "zh": "SC", "ja": "JP", "ko": "KR",
}

#: Fonts besides Noto that cover a language: (serif, sans, mono) families.
OTHER_CJK: dict[str, tuple[tuple[str, str, str], ...]] = {
    "ja": (("IPAexMincho", "IPAexGothic", "IPAGothic"),),
    "ko": (("UnBatang", "UnDotum", "UnDotum"),
           ("NanumMyeongjo", "NanumGothic", "NanumGothicCoding")),
}

FANDOL_FILE = "FandolSong-Regular.otf"

FANDOL = r"""\setCJKmainfont[Extension=.otf, UprightFont=*-Regular, BoldFont=*-Bold,
  ItalicFont=FandolKai-Regular]{FandolSong}
\setCJKsansfont[Extension=.otf, UprightFont=*-Regular, BoldFont=*-Bold]{FandolHei}
\setCJKmonofont[Extension=.otf, UprightFont=*-Regular]{FandolFang}"""


@dc.dataclass(frozen=True)
class InstalledFonts:
    """What the machine has: fontconfig families with their files, and Fandol."""

    families: Mapping[str, tuple[str, ...]]
    fandol: bool

    def has(self, family: str, extension: str | None = None) -> bool:
        files = self.families.get(family, ())
        return bool(files) and (extension is None or any(f.endswith(extension) for f in files))


@dc.dataclass(frozen=True)
class FontChoice:
    """The preamble lines, and what could not be covered."""

    fontpkg: str
    #: xeCJK must be loaded by the preamble (Sphinx loads it only for Chinese).
    load_xecjk: bool
    #: The language whose script no installed font covers, or "".
    uncovered: str = ""


def cjk_language(language: str) -> str:
    """``zh``, ``ja`` or ``ko`` for a CJK language code, else ``""``."""
    primary = language.replace("-", "_").split("_")[0].lower()
    return primary if primary in {"zh", "ja", "ko"} else ""


def noto_region(language: str) -> str:
    code = language.replace("-", "_").lower()
    for prefix, region in NOTO_REGIONS.items():
        if code == prefix or code.startswith(prefix + "_"):
            return region
    return "SC"


def latin_fonts(installed: InstalledFonts, sphinx_default: str) -> tuple[str, tuple[str, str, str]]:
    """The Latin part of the preamble and the families it names ("" = Latin Modern)."""
    free = LATIN_SETS[0]
    if all(installed.has(f, ".otf") for f in free):
        return sphinx_default, free
    for serif, sans, mono in LATIN_SETS[1:]:
        if all(installed.has(f) for f in (serif, sans, mono)):
            return (f"\\setmainfont{{{serif}}}\n\\setsansfont{{{sans}}}\n"
                    f"\\setmonofont{{{mono}}}\n"), (serif, sans, mono)
    # fontspec's own default, Latin Modern, comes with TeX itself.
    return "", ("Latin Modern Roman", "Latin Modern Sans", "Latin Modern Mono")


def cjk_fonts(language: str, installed: InstalledFonts) -> str:
    """``\\setCJK*font`` lines for ``language`` from installed fonts, or "" if none."""
    lang = cjk_language(language)
    region = noto_region(language)
    noto = (f"Noto Serif CJK {region}", f"Noto Sans CJK {region}", f"Noto Sans Mono CJK {region}")
    candidates = [noto, *OTHER_CJK.get(lang, ())]
    for serif, sans, mono in candidates:
        if installed.has(serif) and installed.has(sans):
            mono = mono if installed.has(mono) else sans
            return (f"\\setCJKmainfont[AutoFakeSlant]{{{serif}}}\n"
                    f"\\setCJKsansfont[AutoFakeSlant]{{{sans}}}\n"
                    f"\\setCJKmonofont{{{mono}}}")
    # Fandol (GB 2312: Chinese, with kana, without Hangul) ships with texlive-lang-chinese.
    if installed.fandol and lang in {"zh", "ja"}:
        return FANDOL
    return ""


def choose_fonts(language: str, engine: str, sphinx_default: str,
                 installed: InstalledFonts) -> FontChoice:
    """The ``fontpkg`` for a project that names no fonts of its own."""
    latin, (serif, sans, mono) = latin_fonts(installed, sphinx_default)
    if language.lower().startswith("el") and serif != "Latin Modern Roman":
        latin += (f"\n\\newfontfamily\\greekfont{{{serif}}}\n"
                  f"\\newfontfamily\\greekfontsf{{{sans}}}\n"
                  f"\\newfontfamily\\greekfonttt{{{mono}}}\n")
    lang = cjk_language(language)
    if engine != "xelatex" or not lang:
        return FontChoice(latin, load_xecjk=False)
    cjk = cjk_fonts(language, installed)
    if not cjk:
        return FontChoice(latin, load_xecjk=False, uncovered=language)
    # Sphinx loads xeCJK for Chinese itself; Japanese and Korean need it here.
    load = lang != "zh"
    preamble = "\\usepackage{xeCJK}\n" if load else ""
    if lang == "ko":
        # Korean separates words with spaces, which xeCJK drops between CJK characters.
        preamble += "\\xeCJKsetup{CJKspace=true}\n"
    return FontChoice(f"{latin}\n{preamble}{cjk}\n", load_xecjk=load)


@functools.cache
def installed_fonts() -> InstalledFonts:
    """Ask fontconfig and kpathsea once per process (the machine's fonts do not change)."""
    families: dict[str, list[str]] = {}
    if shutil.which("fc-list"):
        listing = subprocess.run(["fc-list", "-f", "%{family}\t%{file}\n"],
                                 capture_output=True, text=True, check=False).stdout
        for line in listing.splitlines():
            names, _, path = line.partition("\t")
            for name in names.split(","):
                families.setdefault(name.strip(), []).append(path)
    fandol = bool(shutil.which("kpsewhich")) and bool(subprocess.run(
        ["kpsewhich", FANDOL_FILE], capture_output=True, text=True, check=False).stdout.strip())
    return InstalledFonts({k: tuple(v) for k, v in families.items()}, fandol)


def uses_cjk_engine_default(language: str, engine_set_by_user: bool) -> bool:
    """Whether to build a CJK project with xelatex instead of Sphinx's default engine.

    Sphinx defaults Japanese to uplatex (which needs texlive-lang-japanese and
    its own font maps) and Korean to pdflatex (which cannot set Hangul). Where
    the project chose no engine, xelatex with xeCJK and installed fonts sets all
    three languages alike.
    """
    return not engine_set_by_user and cjk_language(language) in {"ja", "ko"}


def _cjk_engine(app: Sphinx, config: Config) -> None:
    """Japanese and Korean projects that chose no engine build with xelatex."""
    if uses_cjk_engine_default(config.language, set_by_user(config, "latex_engine")):
        config.latex_engine = "xelatex"
        if not set_by_user(config, "latex_docclass"):
            # Sphinx's Japanese default (jsbook) is a class for pLaTeX only.
            config.latex_docclass = {}


SPHINX_FONTPKG = {
    constants.XELATEX_DEFAULT_FONTPKG, constants.XELATEX_GREEK_DEFAULT_FONTPKG,
}


def _choose_fonts(app: Sphinx) -> None:
    """Installed fonts where the project names none (``latex_elements["fontpkg"]`` wins)."""
    builder = app.builder
    engine = app.config.latex_engine
    if (not isinstance(builder, LaTeXBuilder) or engine not in {"xelatex", "lualatex"}
            or "fontpkg" in app.config.latex_elements
            or builder.context.get("fontpkg") not in SPHINX_FONTPKG):
        return
    choice = choose_fonts(app.config.language, engine, constants.XELATEX_DEFAULT_FONTPKG,
                          installed_fonts())
    builder.context["fontpkg"] = choice.fontpkg
    if choice.load_xecjk and builder.context.get("fvset") == constants.DEFAULT_SETTINGS["fvset"]:
        # As Sphinx does for Chinese: keep xeCJK from spacing verbatim text.
        builder.context["fvset"] = "\\fvset{fontsize=auto,formatcom=\\xeCJKVerbAddon}"
    if choice.uncovered:
        warn(NewsroomWarning.CONFIG,
             f"no installed font covers language {choice.uncovered!r}: its characters will be "
             "missing from the PDF (install fonts-noto-cjk, or set latex_elements['fontpkg'])")


#: Han, kana, Hangul and CJK punctuation (full-width forms included).
CJK_TEXT = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
                      "\uf900-\ufaff\uff00-\uffef]")
_KANA = re.compile("[\u3040-\u30ff]")
_HANGUL = re.compile("[\uac00-\ud7af]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


def script_language(text: str) -> str:
    """The CJK language whose script ``text`` shows: kana is Japanese, Hangul alone Korean."""
    if _KANA.search(text):
        return "ja"
    if _HANGUL.search(text) and not _HAN.search(text):
        return "ko"
    return "zh"


def _cjk_in_other_languages(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """A PDF of a non-CJK project whose articles or citations hold CJK text shows it.

    Runs on the LaTeX builder's assembled document (``doctree-resolved`` with
    the document's root), before the preamble is written.
    """
    builder = app.builder
    if not isinstance(builder, LaTeXBuilder) or cjk_language(app.config.language):
        return
    context = builder.context
    if any("xeCJK" in context.get(key, "") for key in ("fontenc", "fontpkg", "preamble")):
        return
    text = doctree.astext()
    found = CJK_TEXT.search(text)
    if found is None:
        return
    engine = app.config.latex_engine
    if engine != "xelatex":
        warn(NewsroomWarning.CONFIG,
             f"the PDF holds Chinese, Japanese or Korean text ({found.group()!r}) that "
             f"{engine} cannot set: set latex_engine = 'xelatex'", docname)
        return
    language = script_language(text)
    cjk = cjk_fonts(language, installed_fonts())
    if not cjk:
        warn(NewsroomWarning.CONFIG,
             f"no installed font covers the {language!r} text of the PDF ({found.group()!r}): "
             "install fonts-noto-cjk, or set latex_elements['fontpkg']", docname)
        return
    space = "\\xeCJKsetup{CJKspace=true}\n" if language == "ko" else ""
    context["fontpkg"] = f"{context.get('fontpkg', '')}\n\\usepackage{{xeCJK}}\n{space}{cjk}\n"


def setup_fonts(app: Sphinx) -> None:
    app.connect("config-inited", _cjk_engine)
    app.connect("builder-inited", _choose_fonts)
    app.connect("doctree-resolved", _cjk_in_other_languages)
