extensions = ["sphinx_newsroom"]
project = "Fields written by hand"
language = "en"
latex_engine = "xelatex"
latex_documents = [("index", "cite.tex", "Fields written by hand", "Newsroom", "manual")]
