# Articles with raw HTML: real-post snippets and hostile strings (tests/test_rawhtml.py).
extensions = ["sphinx_newsroom"]
project = "Raw HTML"
