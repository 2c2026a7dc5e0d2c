# Line breaks in every place a post puts them, for the HTML and the PDF (tests/test_linebreaks.py).
extensions = ["sphinx_newsroom"]
project = "Line breaks"
latex_engine = "xelatex"
latex_documents = [("index", "linebreaks.tex", "Line breaks", "Newsroom", "manual")]
