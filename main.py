#!/usr/bin/env python3
"""Start rnnviz: ``python main.py`` opens the window, ``python main.py train ...`` trains headless."""
import sys

from rnnviz.app import main

if __name__ == "__main__":
    sys.exit(main())
