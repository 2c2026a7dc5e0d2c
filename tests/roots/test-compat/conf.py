extensions = ["sphinx_newsroom"]
project = "Compat"
html_baseurl = "https://compat.example.org/"
