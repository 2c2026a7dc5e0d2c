# Articles with TeX math and with prices (tests/test_math.py).
extensions = ["sphinx_newsroom"]
project = "Math"
