# A project with no article yet.
extensions = ["sphinx_newsroom"]
html_baseurl = "https://docs.example.org/"
