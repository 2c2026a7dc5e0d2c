extensions = ["sphinx_newsroom"]
project = "Sitemap Desk"
html_theme = "basic"
html_baseurl = "https://news.example.org/"
language = "en"
newsroom_timezone = "UTC"
newsroom_publisher = {"name": "Example Gazette", "url": "https://news.example.org/"}
