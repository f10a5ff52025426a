"""What the Check button runs in the page's worker, in a folder holding checking.py, the
exercise's checks.py and the reader's program.py: the results go to results.json, which
the worker hands back to the page (see exercise.js). The tests run it under Pyodide too.
`python check.py [LANG]`: the messages' language, English by default."""

import asyncio
import sys

import checking

lang = (sys.argv[1:] + ["en"])[0]
checks, source = checking.load_files("checks.py", "program.py")
checking.write_results("results.json", asyncio.run(checking.run_checks(source, checks, lang)))
