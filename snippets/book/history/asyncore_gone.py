"""asyncore, the standard library's first toolkit for async sockets, is gone since Python 3.12."""

import importlib

for name in ("selectors", "asyncio", "asyncore"):  # (1)!
    module = importlib.import_module(name)
    print(f"import {name}: ok ({module.__doc__.splitlines()[0]})")  # (2)!
