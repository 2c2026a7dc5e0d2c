# A project that names no fonts and no LaTeX engine: the extension picks installed fonts.
extensions = ["sphinx_newsroom"]
