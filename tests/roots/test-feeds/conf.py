extensions = ["sphinx_newsroom"]
project = "Feeds"
html_theme = "basic"
html_baseurl = "https://news.example.org/"
newsroom_timezone = "Asia/Shanghai"
newsroom_term_feeds = True
newsroom_publisher = {"name": "Example News", "url": "https://news.example.org/about"}


def setup(app):
    # Until the package's own setup() registers the feeds; harmless afterwards.
    from sphinx_newsroom.html.feeds import setup_feeds

    setup_feeds(app)
