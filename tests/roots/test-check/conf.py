extensions = ["sphinx_newsroom"]
project = "Check"
newsroom_timezone = "Asia/Shanghai"
html_baseurl = "https://check.example.org/"
exclude_patterns = ["_build"]
