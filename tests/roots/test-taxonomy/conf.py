extensions = ["sphinx_newsroom"]
project = "Taxonomy"
newsroom_timezone = "UTC"
newsroom_term_aliases = {"英伟达": "Nvidia"}
html_theme = "basic"
html_baseurl = "https://taxonomy.example.org/"
