# Pandoc citations resolved through front-matter bibliographies (BibTeX and CSL-JSON).
extensions = ["sphinx_newsroom"]
project = "Pandoc citations"
language = "en"
html_baseurl = "https://pandoc.example.org/"
latex_engine = "xelatex"
latex_documents = [("index", "pandoc.tex", "Pandoc citations", "Tests", "manual")]
