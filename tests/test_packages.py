"""The Debian package list is complete: a fresh machine with it builds the PDF and runs Chromium.

A list checked against the machine the tests happen to run on goes stale the
day that machine gains a package by hand. So the proof starts from what the
PDF build really used (every file TeX opens, every font embedded in the PDF,
every program and shared library the PDF and browser tests run), maps each to
the Debian package that owns it, and checks that package is among those apt
would install on an empty machine from `.ci/debian-packages.txt`, or among the
packages of the machine image itself.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import (
    BROWSER_TOOLS,
    EPUB_TOOLS,
    EPUBCHECK_JAR,
    REPO,
    TEX_TOOLS,
    needs_browser,
    needs_epubcheck,
    needs_tex,
)

PACKAGE_LIST = REPO / ".ci" / "debian-packages.txt"
BASE_IMAGES = REPO / ".ci" / "base-image"
#: Files TeX reads that no package owns, because the packages' install scripts
#: make them (fmtutil's formats, update-texmf's texmf.cnf, updmap's font maps).
GENERATED = ("/var/lib/texmf/", "/etc/texmf/")
#: The proof asks apt and dpkg: it runs on Debian, as CI does.
pytestmark = pytest.mark.skipif(
    not (shutil.which("apt-get") and shutil.which("dpkg") and Path("/etc/debian_version").exists()),
    reason="not installed: apt-get, dpkg (the package list is for Debian)")


def listed(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text("utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def debian_major() -> str:
    return Path("/etc/debian_version").read_text().strip().split(".")[0]


@functools.cache
def fresh_install(packages: tuple[str, ...]) -> frozenset[str]:
    """What a fresh machine holds after installing the list, the way apt would do it.

    apt is asked to plan the install against an empty package database with
    --no-install-recommends, as .ci/run installs; its ``Inst`` lines are what it
    would bring. (``apt-cache depends --recurse`` counts every alternative of
    an ``a | b`` dependency, so it claims packages that apt never installs.)
    """
    empty = Path(subprocess.run(["mktemp"], capture_output=True, text=True,
                                check=True).stdout.strip())
    try:
        plan = subprocess.run(
            ["apt-get", "install", "-s", "--no-install-recommends",
             "-o", f"Dir::State::Status={empty}", *packages],
            capture_output=True, text=True, check=True).stdout
    finally:
        empty.unlink()
    brought = {line.split()[1] for line in plan.splitlines() if line.startswith("Inst ")}
    image = BASE_IMAGES / f"debian{debian_major()}.txt"
    return frozenset(brought | set(listed(image)))


def owners(paths: set[str]) -> tuple[dict[str, str], set[str]]:
    """Each path's Debian package (``dpkg -S``), and the paths no package owns."""
    found: dict[str, str] = {}
    for path in sorted(paths):
        real = str(Path(path).resolve())
        for candidate in dict.fromkeys((path, real)):
            out = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
            for line in out.stdout.splitlines():
                if line.startswith("diversion by"):
                    continue
                package, _, owned = line.partition(": ")
                if owned.strip() == candidate:
                    found[path] = package.split(",")[0].split(":")[0].strip()
            if path in found:
                break
    return found, set(paths) - set(found)


def tex_inputs(fls: Path) -> set[str]:
    """The absolute paths of the files TeX opened (the recorder's INPUT lines)."""
    pwd = Path(fls.parent)
    files = set()
    for line in fls.read_text("utf-8", errors="replace").splitlines():
        if line.startswith("PWD "):
            pwd = Path(line[4:])
        elif line.startswith("INPUT "):
            path = Path(line[6:])
            files.add(str(path if path.is_absolute() else pwd / path))
    return files


def pdf_font_files(pdf: Path) -> tuple[set[str], list[str]]:
    """The font files of the fonts embedded in ``pdf`` (xelatex does not record them)."""
    table = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    names = {re.sub(r"-Identity-[HV]$", "", line.split()[0].split("+", 1)[-1]) for line in table}
    fonts = subprocess.run(["fc-list", "-f", "%{postscriptname}\t%{file}\n"],
                           capture_output=True, text=True, check=True).stdout
    by_name = dict(line.split("\t", 1) for line in fonts.splitlines() if "\t" in line)
    files, unknown = set(), []
    for name in sorted(names):
        path = by_name.get(name) or subprocess.run(
            ["kpsewhich", f"{name}.otf"], capture_output=True, text=True).stdout.strip()
        if path:
            files.add(path)
        else:
            unknown.append(name)
    return files, unknown


def program_files(tools: tuple[str, ...]) -> set[str]:
    """The programs and every shared library they load (``ldd``)."""
    files = set()
    for tool in tools:
        program = Path(shutil.which(tool) or tool).resolve()
        files.add(str(program))
        ldd = subprocess.run(["ldd", str(program)], capture_output=True, text=True).stdout
        files.update(m.group(1) for m in re.finditer(r"=> (/\S+)", ldd))
    return files


def assert_from_the_list(files: set[str], what: str, packages: list[str] | None = None) -> None:
    fresh = fresh_install(tuple(listed(PACKAGE_LIST) if packages is None else packages))
    owned, unowned = owners(files)
    absent = sorted({package for package in owned.values() if package not in fresh})
    assert not absent, (
        f"{what} uses packages a fresh install of .ci/debian-packages.txt does not bring: "
        + ", ".join(absent) + "\n" + "\n".join(
            f"  {package}: {path}" for path, package in sorted(owned.items())
            if package in absent)
    )
    strays = sorted(path for path in unowned
                    if not path.startswith(GENERATED) and Path(path).exists())
    assert not strays, f"{what} opens files no Debian package owns: {strays}"


def test_the_readme_and_ci_read_the_one_list():
    readme = (REPO / "README.md").read_text("utf-8")
    ci = (REPO / ".ci" / "run").read_text("utf-8")
    assert ".ci/debian-packages.txt" in readme
    assert ".ci/debian-packages.txt" in ci and "--no-install-recommends" in ci
    # Every install command reads the list; none names packages of its own.
    for text in (readme, ci):
        installs = [line for line in text.splitlines() if "apt-get install" in line]
        assert installs
        for line in installs:
            assert ".ci/debian-packages.txt" in line or '"${packages[@]}"' in line, line
    # .ci/run makes a skipped PDF, browser or EPUB-validation test a failure.
    assert "NEWSROOM_REQUIRE_TOOLS=tex,browser,epub" in ci


def test_the_image_lists_cover_this_machine():
    assert (BASE_IMAGES / f"debian{debian_major()}.txt").is_file()


@needs_tex
@pytest.mark.pdf
def test_every_file_of_the_example_pdf_comes_from_the_list(example_pdf):
    outdir, _ = example_pdf
    opened = {path for path in tex_inputs(outdir / "compute-watch.fls")
              if not Path(path).resolve().is_relative_to(outdir.resolve())}
    assert any("xeCJK.sty" in path for path in opened), "the recorder saw no CJK package"
    fonts, unknown = pdf_font_files(outdir / "compute-watch.pdf")
    assert not unknown, f"fonts embedded in the PDF that no font file provides: {unknown}"
    assert len(fonts) >= 3
    xindy = shutil.which("xindy") if (outdir / "compute-watch.idx").stat().st_size else None
    tools = ("xelatex", "xdvipdfmx", "latexmk", *TEX_TOOLS[2:], *([xindy] if xindy else []))
    assert_from_the_list(opened | fonts | program_files(tools), "the example site's PDF")


@needs_browser
@pytest.mark.browser
def test_the_browser_comes_from_the_list():
    assert_from_the_list(program_files(BROWSER_TOOLS), "the browser tests")


@needs_epubcheck
@pytest.mark.epubcheck
def test_epubcheck_comes_from_the_list():
    """Java, epubcheck's jar and every jar on its class path."""
    with zipfile.ZipFile(EPUBCHECK_JAR) as jar:
        manifest = jar.read("META-INF/MANIFEST.MF").decode("utf-8")
    class_path = re.search(r"^Class-Path: (.*(?:\n .*)*)", manifest, re.M)
    assert class_path, "epubcheck's jar names the jars it loads"
    jars = set(class_path.group(1).replace("\n ", "").replace("\r", "").split())
    assert len(jars) > 5
    assert_from_the_list(program_files(EPUB_TOOLS) | {str(EPUBCHECK_JAR)} | jars,
                         "the EPUB check")


@needs_tex
@pytest.mark.pdf
def test_the_check_names_a_missing_package(example_pdf):
    """The proof can fail: without texlive-fonts-recommended, pzdr.tfm's package is named."""
    outdir, _ = example_pdf
    pzdr = [p for p in tex_inputs(outdir / "compute-watch.fls") if p.endswith("/pzdr.tfm")]
    assert pzdr, "hyperref under xelatex reads the ZapfDingbats metrics"
    without = [name for name in listed(PACKAGE_LIST) if name != "texlive-fonts-recommended"]
    with pytest.raises(AssertionError, match=r"texlive-fonts-recommended: .*pzdr\.tfm"):
        assert_from_the_list(set(pzdr), "the example site's PDF", without)
