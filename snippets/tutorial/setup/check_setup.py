"""Check that this Python is recent enough for the tutorial and list the optional libraries."""

import importlib.util
import sys

if sys.version_info >= (3, 11):
    print("Python 3.11 or newer: good")
else:
    sys.exit(f"Python {sys.version.split()[0]} is too old: install 3.11 or newer")

for library in ("aiohttp", "aiofiles"):  # (1)!
    found = importlib.util.find_spec(library) is not None
    print(f"{library}: {'installed' if found else 'missing (pip install ' + library + ')'}")
