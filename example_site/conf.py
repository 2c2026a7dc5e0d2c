"""The example newsroom: a small tech-news site built with sphinx-newsroom."""

project = "算力观察 Compute Watch"
author = "Compute Watch newsroom"
copyright = "2025, Compute Watch newsroom"
language = "zh_CN"

extensions = ["sphinx_newsroom"]

newsroom_timezone = "Asia/Shanghai"
html_baseurl = "https://compute-watch.example.org/"
newsroom_term_feeds = True
# Feeds (Atom, RSS, JSON Feed) announce a WebSub hub; the deploy step pings it.
newsroom_websub_hub = "https://pubsubhubbub.appspot.com/"
newsroom_publisher = {
    "name": "算力观察 Compute Watch",
    "url": "https://compute-watch.example.org/",
}
# sitemap.xml and news-sitemap.xml are written (html_baseurl is set); Google News
# knows the publication by this name. robots.txt names both sitemaps.
newsroom_publication_name = "Compute Watch"
# Bios, photos, links and sameAs of the authors, whose pages are authors/<slug>.html.
newsroom_authors = "authors.yml"
html_extra_path = ["robots.txt"]
# A small page size, so that the archive and the busiest tags show their later
# pages (archive/page/2.html, tags/google-tpu/page/2.html); the PDF lists all.
newsroom_page_size = 4
# The English and Chinese versions of one article link each other (hreflang);
# Chinese is the version for readers of any other language.
newsroom_hreflang_default = "zh-CN"
html_theme = "alabaster"
html_title = project
exclude_patterns = ["_build"]

# EPUB (`-b epub`): EPUB 3 wants a version, a language tag written with a
# hyphen (Sphinx copies `language` as it is written); the crawler file is for
# the website, not the book. (Leave `epub_identifier` at its default: Sphinx
# writes it to the OPF but `epub_uid` to the NCX, and epubcheck wants them equal.)
version = release = "2026.12"
epub_language = "zh-CN"
epub_exclude_files = ["robots.txt"]

# PDF: xelatex with xeCJK (Sphinx loads it for Chinese) and the Noto CJK fonts.
latex_engine = "xelatex"
latex_elements = {
    "fontpkg": r"""
\setmainfont{DejaVu Serif}
\setsansfont{DejaVu Sans}
\setmonofont{DejaVu Sans Mono}
\setCJKmainfont[AutoFakeSlant]{Noto Serif CJK SC}
\setCJKsansfont[AutoFakeSlant]{Noto Sans CJK SC}
\setCJKmonofont{Noto Sans Mono CJK SC}
""",
}
latex_documents = [
    ("index", "compute-watch.tex", project, author, "manual"),
]
