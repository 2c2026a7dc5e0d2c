extensions = ["sphinx_newsroom"]
project = "Large newsroom"
html_baseurl = "https://large.example.org/"
html_theme = "alabaster"
# The PDF starts from pdf.md, whose toctree holds every article; the HTML site's
# root document lists articles with article-list, so no page renders them all.
latex_documents = [("pdf", "large.tex", "Large newsroom", "Newsroom", "manual")]
