extensions = ["sphinx_newsroom"]
project = "Split sources"
newsroom_timezone = "UTC"
html_theme = "basic"
html_baseurl = "https://split.example.org/"
