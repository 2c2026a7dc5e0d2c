extensions = ["sphinx_newsroom"]
language = "zh_CN"
project = "Seed"
latex_engine = "xelatex"
latex_elements = {"fontpkg": r"\setCJKmainfont{Noto Serif CJK SC}"}
html_baseurl = "https://seed.example.org/"
