"""``python -m simulator train PROJECT --epochs N``: see :mod:`simulator.cli`."""

import sys

from .cli import main

sys.exit(main())
