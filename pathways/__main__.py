"""`python -m pathways`: see pathways.cli."""

import sys

from pathways.cli import main

sys.exit(main())
