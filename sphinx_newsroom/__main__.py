"""``python -m sphinx_newsroom``: the ``sphinx-newsroom`` command."""

import sys

from .cli.parser import main

sys.exit(main())
