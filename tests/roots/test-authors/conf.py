extensions = ["sphinx_newsroom"]
project = "Bylines"
html_theme = "basic"
html_baseurl = "https://bylines.example.org/"
html_static_path = ["_static"]
newsroom_term_feeds = True
newsroom_authors = "authors.yml"
