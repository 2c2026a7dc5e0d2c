"""``model/images.py``: whether a featured image is shown, as the build and ``check`` say.

``check`` prints the second value of :func:`featured_image` as an error at
the ``featured_image`` line; the build shows the first in lists, feeds and
Open Graph. Pure: a temporary source folder, no Sphinx build.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from sphinx_newsroom.model.images import featured_image, shorten


@pytest.fixture(scope="module")
def folders() -> Iterator[Path]:
    # tempfile, not tmp_path: the mutation profile leaves out every test that
    # reaches tmp_path_factory (conftest.BUILD_FIXTURES).
    with tempfile.TemporaryDirectory() as name:
        root = Path(name)
        (root / "site" / "posts" / "2020").mkdir(parents=True)
        (root / "site" / "posts" / "2020" / "cover.png").write_bytes(b"png")
        (root / "site" / "top.png").write_bytes(b"png")
        (root / "site" / "folder.png").mkdir()
        (root / "elsewhere").mkdir()
        (root / "elsewhere" / "site").symlink_to(root / "site", target_is_directory=True)
        yield root


@pytest.fixture
def srcdir(folders: Path) -> Path:
    return folders / "site"


def test_no_image_is_no_problem(srcdir: Path) -> None:
    assert featured_image("", "posts/2020", srcdir) == ("", "")


@pytest.mark.parametrize("uri", ["https://x.org/a.png", "http://x.org/a.png",
                                 "HTTPS://X.org/a.png", "https://x.org:8443/a:b.png"])
def test_a_web_image_is_shown_as_written(uri: str, srcdir: Path) -> None:
    assert featured_image(uri, "posts/2020", srcdir) == (uri, "")


@pytest.mark.parametrize(("uri", "why"), [
    ("ftp://files.example.org/cover.png",
     "browsers cannot load ftp: images; publish it over https:"),
    ("FTPS://x/a.png", "browsers cannot load ftps: images; publish it over https:"),
    ("sftp://x/a.png", "browsers cannot load sftp: images; publish it over https:"),
    ("file:///etc/hostname",
     "only http: and https: URLs are shown, or a path to a file in the project"),
    ("data:image/png;base64,AAAA",
     "data: URIs are not shown: feeds, Open Graph and search engines need an image with an "
     "address, and every list and feed would carry its bytes; save it as a file beside the "
     "article"),
    ("Data:x", "data: URIs are not shown: feeds, Open Graph and search engines need an image "
     "with an address, and every list and feed would carry its bytes; save it as a file "
     "beside the article"),
])
def test_other_schemes_are_refused_and_say_why(uri: str, why: str, srcdir: Path) -> None:
    assert featured_image(uri, "posts/2020", srcdir) == (
        "", f"featured image {uri!r} not shown: {why}")


def test_a_long_data_uri_is_quoted_shortened(srcdir: Path) -> None:
    uri = "data:image/png;base64," + "A" * 1000
    shown, problem = featured_image(uri, "posts", srcdir)
    assert shown == ""
    assert problem.startswith(f"featured image {uri[:60] + '…'!r} not shown: data: URIs")
    assert shorten("x" * 60) == "x" * 60
    assert shorten("x" * 61) == "x" * 60 + "…"
    assert shorten("abcdef", limit=3) == "abc…"


@pytest.mark.parametrize(("uri", "doc_dir", "shown"), [
    ("cover.png", "posts/2020", "/posts/2020/cover.png"),
    ("./cover.png", "posts/2020", "/posts/2020/cover.png"),
    ("../2020/cover.png", "posts/2020", "/posts/2020/cover.png"),
    ("../../top.png", "posts/2020", "/top.png"),
    ("/top.png", "posts/2020", "/top.png"),
    ("/posts/2020/cover.png", "", "/posts/2020/cover.png"),
    ("top.png", "", "/top.png"),
])
def test_a_path_is_read_from_the_articles_folder_or_the_source_folder(
        uri: str, doc_dir: str, shown: str, srcdir: Path) -> None:
    assert featured_image(uri, doc_dir, srcdir) == (shown, "")


@pytest.mark.parametrize(("uri", "problem"), [
    ("../../../etc/hostname", "is outside the source folder; not shown"),
    ("/../outside.png", "is outside the source folder; not shown"),
    ("posts/2020/cover.png", "not found; not shown"),  # relative to the article's folder
    ("missing.png", "not found; not shown"),
    ("/folder.png", "not found; not shown"),  # a folder is not an image
])
def test_a_path_outside_or_missing_is_not_shown(uri: str, problem: str, srcdir: Path) -> None:
    assert featured_image(uri, "posts/2020", srcdir) == (
        "", f"featured image {uri!r} {problem}")


def test_a_source_folder_reached_through_a_link_is_resolved(folders: Path) -> None:
    # A project opened through a symbolic link: its images are still inside it.
    link = folders / "elsewhere" / "site"
    assert featured_image("cover.png", "posts/2020", link) == ("/posts/2020/cover.png", "")
    assert featured_image("/top.png", "posts/2020", link) == ("/top.png", "")
