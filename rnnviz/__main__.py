"""``python -m rnnviz``: the same as the `rnnviz` command and ``python main.py``."""
import sys

from rnnviz.app import main

sys.exit(main())
