extensions = ["sphinx_newsroom"]
project = "Notes and sources"
language = "en"
html_baseurl = "https://notes.example.org/"
latex_engine = "xelatex"
latex_documents = [("index", "notes.tex", "Notes and sources", "Newsroom", "manual")]
