import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

extensions = ["sphinx_newsroom", "seo_ext"]
project = "SEO"
language = "zh_CN"
html_theme = "basic"
html_baseurl = "https://news.example.org/"
newsroom_publisher = {
    "name": "Compute Watch",
    "url": "https://news.example.org/",
    "logo": "https://news.example.org/logo.png",
}
