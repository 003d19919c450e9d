"""``python -m reader``: the command line (see :mod:`reader.cli`)."""

from __future__ import annotations

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
