"""Configuration file for the Sphinx documentation builder.

Reduced from pydata/pydata-sphinx-theme docs/conf.py (see ../../MANIFEST.md):
only the extensions installable here, the theme's own default (alabaster, as
pydata_sphinx_theme is not installed), no intersphinx inventories (no
network), and ``blog_post_pattern`` added (upstream marks its posts with
``blogpost: true`` only; the pattern names the same folder).
"""

# -- Path setup --------------------------------------------------------------
import sys

from pathlib import Path


sys.path.append(str(Path(__file__).parent.resolve()))

# -- Project information -----------------------------------------------------

project = "PyData Theme"
copyright = "2019, PyData Community"
author = "PyData Community"

# -- General configuration ---------------------------------------------------

extensions = [
    "sphinx.ext.todo",
    "sphinx_design",
    # custom extentions
    "_extension.gallery_directive",
    # For extension examples and demos
    "myst_parser",
    "ablog",
]

# List of patterns, relative to source directory, that match files and
# directories to ignore when looking for source files.
# This pattern also affects html_static_path and html_extra_path.
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "**.ipynb_checkpoints"]

# -- MyST options ------------------------------------------------------------

# This allows us to use ::: to denote directives, useful for admonitions
myst_enable_extensions = ["colon_fence", "substitution"]  # upstream also: "linkify"
myst_heading_anchors = 2
myst_substitutions = {"rtd": "[Read the Docs](https://readthedocs.org/)"}

# -- Internationalization ----------------------------------------------------

# specifying the natural language populates some key tags
language = "en"

# -- Ablog options -----------------------------------------------------------

blog_path = "examples/blog/index"
blog_post_pattern = "examples/blog/*"
blog_authors = {
    "pydata": ("PyData", "https://pydata.org"),
    "jupyter": ("Jupyter", "https://jupyter.org"),
}

html_sidebars = {
    # Blog sidebars
    # ref: https://ablog.readthedocs.io/manual/ablog-configuration-options/#blog-sidebars
    "examples/blog/*": [
        "ablog/postcard.html",
        "ablog/recentposts.html",
        "ablog/tagcloud.html",
        "ablog/categories.html",
        "ablog/authors.html",
        "ablog/languages.html",
        "ablog/locations.html",
        "ablog/archives.html",
    ],
}
