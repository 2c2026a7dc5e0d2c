extensions = ["sphinx_newsroom"]
project = "Front matter"
newsroom_timezone = "Asia/Shanghai"
html_baseurl = "https://frontmatter.example.org/"
