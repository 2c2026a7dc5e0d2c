"""Documentation of sphinx-newsroom, built with sphinx-newsroom itself."""

project = "sphinx-newsroom"
author = "sphinx-newsroom developers"
copyright = "2025, sphinx-newsroom developers"
language = "en"

# sphinx_newsroom sets up myst_parser and sphinx_design itself.
extensions = ["sphinx_newsroom"]

exclude_patterns = ["_build"]
html_theme = "alabaster"
html_title = project
