# An ABlog project's conf.py: read by the importer, never run.
import ablog

project = "Example Blog"
extensions = ["ablog", "myst_parser", "sphinx.ext.intersphinx"]
templates_path = [ablog.get_html_templates_path()]
blog_title = "Example Blog"
blog_baseurl = "https://blog.example.org/"
blog_authors = {"Ann": ("Ann Lee", "https://example.org/ann"), "Bo": ("Bo Chen", None)}
post_date_format = "%d %B %Y"
