extensions = ["sphinx_newsroom"]
project = "Design"
html_theme = "basic"
html_baseurl = "https://design.example.org/"
