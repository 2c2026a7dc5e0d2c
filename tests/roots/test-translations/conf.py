extensions = ["sphinx_newsroom"]
project = "Translations Desk"
html_theme = "basic"
html_baseurl = "https://world.example.org/"
language = "en"
newsroom_timezone = "UTC"
newsroom_hreflang_default = "en"
