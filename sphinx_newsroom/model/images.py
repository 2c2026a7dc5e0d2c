"""An article's featured image: where it points and whether it can be shown.

Pure (``pathlib`` only): the build (``read/article_transform.py``) and
``sphinx-newsroom check`` ask the same question and get the same answer.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

#: Why a featured image URL of this scheme is not shown (http: and https: are).
REFUSED = {
    "ftp": "browsers cannot load ftp: images; publish it over https:",
    "ftps": "browsers cannot load ftps: images; publish it over https:",
    "sftp": "browsers cannot load sftp: images; publish it over https:",
    "data": ("data: URIs are not shown: feeds, Open Graph and search engines need an "
             "image with an address, and every list and feed would carry its bytes; "
             "save it as a file beside the article"),
}
OTHER_SCHEME = "only http: and https: URLs are shown, or a path to a file in the project"


def featured_image(uri: str, doc_dir: str, srcdir: Path) -> tuple[str, str]:
    """(what lists and feeds use, why it is not shown) for a front-matter image.

    ``doc_dir`` is the folder of the article's source file, relative to the
    source folder (``posts/2020``). A path starting with ``/`` is relative to
    the source folder, any other path to the article's folder, as Sphinx reads
    image paths. The first value is ``""`` when the image is not shown, the
    second is ``""`` when it is.
    """
    if not uri:
        return "", ""
    scheme = uri.partition(":")[0].lower()
    if "://" in uri or scheme == "data":
        if scheme in ("http", "https"):
            return uri, ""
        return "", (f"featured image {shorten(uri)!r} not shown: "
                    f"{REFUSED.get(scheme, OTHER_SCHEME)}")
    root = srcdir.resolve()
    parts = PurePosixPath(uri).parts
    if parts[:1] == ("/",):
        path = root.joinpath(*parts[1:]).resolve()
    else:
        path = root.joinpath(doc_dir, uri).resolve()
    if not path.is_relative_to(root):
        return "", f"featured image {uri!r} is outside the source folder; not shown"
    if not path.is_file():
        return "", f"featured image {uri!r} not found; not shown"
    return "/" + path.relative_to(root).as_posix(), ""


def shorten(uri: str, limit: int = 60) -> str:
    """A URI as a warning quotes it: a data: URI can be megabytes long."""
    return uri if len(uri) <= limit else uri[:limit] + "…"
