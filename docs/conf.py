"""Documentation of sphinx-newsroom, built with sphinx-newsroom itself."""

import sys
from pathlib import Path

# docs/_ext: the configuration and command-line references, rendered from the
# options table and the argument parser.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "sphinx-newsroom"
author = "sphinx-newsroom developers"
copyright = "2025, sphinx-newsroom developers"
language = "en"

# sphinx_newsroom sets up myst_parser and sphinx_design itself.
extensions = ["sphinx_newsroom", "newsroom_options", "newsroom_cli"]

# Definition lists, for the option descriptions.
myst_enable_extensions = ["deflist"]

exclude_patterns = ["_build"]
html_theme = "alabaster"
html_title = project

# The absolute URL of the published docs: feeds and social metadata need it
# (see feeds.md and social.md).
html_baseurl = "https://sphinx-newsroom.example.org/"

# A live demo of term aliases (see roles.md): the demo article tagged
# "MyST-Parser" counts towards the MyST tag.
newsroom_term_aliases = {"MyST-Parser": "MyST", "myst_parser": "MyST"}
