"""``python -m fascialines``: the same command line as the ``fascialines`` script."""

from fascialines.cli import main

raise SystemExit(main())
