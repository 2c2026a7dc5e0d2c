"""A PDF without font configuration: installed fonts are chosen, and the text survives."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import has_tex, needs_tex, warnings_of

from sphinx_newsroom.config import set_by_user
from sphinx_newsroom.latex import fonts

DEFAULT = "\\setmainfont{FreeSerif}[...]"


def installed(*families: str, fandol: bool = False, ext: str = ".ttf") -> fonts.InstalledFonts:
    return fonts.InstalledFonts({f: (f"/usr/share/fonts/{f}{ext}",) for f in families}, fandol)


NOTO_SC = ("Noto Serif CJK SC", "Noto Sans CJK SC", "Noto Sans Mono CJK SC")
DEJAVU = ("DejaVu Serif", "DejaVu Sans", "DejaVu Sans Mono")


def test_sphinx_defaults_stand_where_freefont_is_installed():
    choice = fonts.choose_fonts("en", "xelatex", DEFAULT,
                                installed("FreeSerif", "FreeSans", "FreeMono", ext=".otf"))
    assert choice.fontpkg == DEFAULT and not choice.load_xecjk


def test_freefont_as_truetype_only_is_not_sphinxs_default():
    # Sphinx loads FreeSerif by file name with the .otf extension.
    choice = fonts.choose_fonts("en", "xelatex", DEFAULT,
                                installed("FreeSerif", "FreeSans", "FreeMono", *DEJAVU))
    assert "\\setmainfont{DejaVu Serif}" in choice.fontpkg and "FreeSerif" not in choice.fontpkg


def test_latin_modern_when_no_latin_family_is_installed():
    choice = fonts.choose_fonts("en", "xelatex", DEFAULT, installed())
    assert choice.fontpkg == "" and choice.uncovered == ""


@pytest.mark.parametrize(("language", "serif"), [
    ("zh_CN", "Noto Serif CJK SC"), ("zh_TW", "Noto Serif CJK TC"), ("zh-HK", "Noto Serif CJK HK"),
    ("ja", "Noto Serif CJK JP"), ("ko", "Noto Serif CJK KR"),
])
def test_noto_cjk_in_the_languages_region(language, serif):
    families = [f"Noto {kind} CJK {r}" for r in ("SC", "TC", "HK", "JP", "KR")
                for kind in ("Serif", "Sans", "Sans Mono")]
    choice = fonts.choose_fonts(language, "xelatex", DEFAULT, installed(*DEJAVU, *families))
    assert f"\\setCJKmainfont[AutoFakeSlant]{{{serif}}}" in choice.fontpkg
    # Sphinx loads xeCJK for Chinese; Japanese and Korean load it here.
    assert choice.load_xecjk == (not language.startswith("zh"))
    assert ("\\usepackage{xeCJK}" in choice.fontpkg) == choice.load_xecjk
    # Korean words are separated by spaces, which xeCJK would otherwise drop.
    assert ("CJKspace=true" in choice.fontpkg) == (language == "ko")


def test_fandol_when_no_cjk_family_is_installed():
    for language in ("zh_CN", "ja"):
        choice = fonts.choose_fonts(language, "xelatex", DEFAULT, installed(*DEJAVU, fandol=True))
        assert "{FandolSong}" in choice.fontpkg and not choice.uncovered
    # Fandol has no Hangul.
    korean = fonts.choose_fonts("ko", "xelatex", DEFAULT, installed(*DEJAVU, fandol=True))
    assert korean.uncovered == "ko" and "Fandol" not in korean.fontpkg


def test_no_cjk_font_under_lualatex_and_none_named_for_english():
    assert "CJK" not in fonts.choose_fonts("zh_CN", "lualatex", DEFAULT,
                                           installed(*DEJAVU, *NOTO_SC)).fontpkg
    assert "CJK" not in fonts.choose_fonts("en", "xelatex", DEFAULT,
                                           installed(*DEJAVU, *NOTO_SC)).fontpkg


def test_greek_gets_its_font_families_from_the_chosen_latin_fonts():
    choice = fonts.choose_fonts("el", "xelatex", DEFAULT, installed(*DEJAVU))
    assert "\\newfontfamily\\greekfont{DejaVu Serif}" in choice.fontpkg


def test_every_family_chosen_here_is_installed_here():
    names = set(fonts.installed_fonts().families)
    for language in ("en", "zh_CN", "zh_TW", "ja", "ko", "el"):
        pkg = fonts.choose_fonts(language, "xelatex", DEFAULT, fonts.installed_fonts()).fontpkg
        if pkg == DEFAULT:
            continue
        for family in re.findall(r"\\set(?:main|sans|mono|CJKmain|CJKsans|CJKmono)font"
                                 r"(?:\[[^\]]*\])?\{([^}]*)\}", pkg):
            assert family in names or family.startswith("Fandol"), (language, family)


def test_sphinx_still_keeps_what_conf_py_and_overrides_set(make_app, rootdir, tmp_path):
    """set_by_user reads Sphinx internals: this fails loudly should they change."""
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-minimal-pdf", src)
    (src / "conf.py").write_text('extensions = ["sphinx_newsroom"]\nlatex_engine = "lualatex"\n')
    app = make_app("latex", srcdir=src, confoverrides={"latex_docclass": {}})
    assert set_by_user(app.config, "latex_engine")
    assert set_by_user(app.config, "latex_docclass")
    assert not set_by_user(app.config, "latex_elements")
    assert app.config.latex_engine == "lualatex"


@pytest.mark.parametrize("language", ["ja", "ko"])
def test_cjk_projects_without_an_engine_use_xelatex(make_app, rootdir, language):
    app = make_app("latex", srcdir=rootdir / "test-minimal-pdf",
                   confoverrides={"language": language})
    assert app.config.latex_engine == "xelatex"
    assert app.config.latex_docclass == {}


def test_the_users_fontpkg_always_wins(make_app, rootdir, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-minimal-pdf", src)
    mine = "\\setmainfont{My Own Serif}"
    app = make_app("latex", srcdir=src,
                   confoverrides={"language": "zh_CN", "latex_elements": {"fontpkg": mine}})
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    assert mine in tex and "setCJKmainfont" not in tex


CHECKS = {
    # The article's title is Chinese; each language's own script is checked too.
    "zh_CN": ["算力观察：国产芯片新闻发布会", "发布于 2025 年 7 月 2 日", "各地反应"],
    "ja": ["算力观察：国产芯片新闻发布会", "ひらがなとカタカナ"],
    "ko": ["算力观察：国产芯片新闻发布会", "한국 언론: 새로운 칩이 발표되었습니다"],
}


@needs_tex
@pytest.mark.pdf
@pytest.mark.parametrize("language", sorted(CHECKS))
def test_a_project_with_no_font_configuration_builds_its_pdf(make_app, rootdir, tmp_path,
                                                              language):
    assert has_tex()
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-minimal-pdf", src)
    app = make_app("latex", srcdir=src, confoverrides={"language": language})
    app.build()
    # Sphinx itself warns that docutils knows no Babel name for Korean.
    assert [w for w in warnings_of(app) if "Babel" not in w] == []
    outdir = Path(app.outdir)
    tex = next(outdir.glob("*.tex"))
    if not fonts.installed_fonts().has("FreeSerif", ".otf"):
        assert "FreeSerif" not in tex.read_text("utf-8"), "an absent font is named"
    # As a user would: Sphinx's own Makefile.
    run = subprocess.run(["make", "all-pdf", "LATEXMKOPTS=-interaction=nonstopmode -halt-on-error"],
                         cwd=outdir, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:]
    log = tex.with_suffix(".log").read_text("utf-8", errors="replace")
    assert "Missing character" not in log
    pdf = tex.with_suffix(".pdf")
    table = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert table and all(line.split()[-5] == "yes" for line in table), table  # emb
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    for expected in CHECKS[language]:
        assert expected in text, expected


def test_the_script_names_the_language():
    assert fonts.script_language("OpenAI 转向 TPU") == "zh"
    assert fonts.script_language("新しいチップ") == "ja"
    assert fonts.script_language("한국 언론") == "ko"
    assert fonts.script_language("한국 漢字") == "zh"


def test_pdflatex_is_told_it_cannot_set_cjk(make_app, rootdir):
    app = make_app("latex", srcdir=rootdir / "test-minimal-pdf", confoverrides={"language": "en"})
    app.build()
    assert app.config.latex_engine == "pdflatex"
    warnings = [w for w in warnings_of(app) if "newsroom.config" in w]
    assert len(warnings) == 1 and "set latex_engine = 'xelatex'" in warnings[0]


@needs_tex
@pytest.mark.pdf
def test_cjk_articles_in_an_english_project_keep_every_character(make_app, rootdir, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-minimal-pdf", src)
    app = make_app("latex", srcdir=src, confoverrides={"language": "en", "latex_engine": "xelatex"})
    app.build()
    assert warnings_of(app) == []
    outdir = Path(app.outdir)
    tex = next(outdir.glob("*.tex"))
    assert "\\usepackage{xeCJK}" in tex.read_text("utf-8")
    run = subprocess.run(["make", "all-pdf", "LATEXMKOPTS=-interaction=nonstopmode -halt-on-error"],
                         cwd=outdir, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:]
    assert "Missing character" not in tex.with_suffix(".log").read_text("utf-8", errors="replace")
    text = subprocess.run(["pdftotext", str(tex.with_suffix(".pdf")), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "算力观察：国产芯片新闻发布会" in text and "Published" in text
