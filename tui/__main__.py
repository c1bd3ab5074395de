"""`python -m sitroom.tui` is the `sitroom` command."""

import sys

from sitroom.tui.cli import main

sys.exit(main())
