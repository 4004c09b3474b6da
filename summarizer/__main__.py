"""`python -m summarizer` is the `summarizer` command."""

import sys

from summarizer.cli import main

sys.exit(main())
