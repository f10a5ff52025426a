"""Would a Pyodide memory snapshot start Python faster than the compiled standard library?

An attempt for the runner's cold start (issue 16), measured and not kept: see the runner
page, "What we tried for a faster start".

Run: .venv/bin/python benchmarks/pyodide_snapshot.py [ROUNDS]

In Node, each of ROUNDS rounds (default 5) starts a fresh process for each way and times
`loadPyodide()` up to the first line printed after `import asyncio`:

- `compiled`: the way the site and the test suite start it (`asyncdocs.stdlib`);
- `snapshot`: from a memory snapshot taken once after importing asyncio, with Pyodide's
  private `_makeSnapshot` / `_loadSnapshot` options.

Prints the median of each and the snapshot's size, raw and gzip-compressed (the bytes a
reader would download on top of what the runner fetches now).
"""

from __future__ import annotations

import gzip
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from asyncdocs import stdlib  # noqa: E402

PYODIDE = (ROOT / "node_modules/pyodide/pyodide.mjs").as_uri()
SCRIPT = """
import { loadPyodide } from %(pyodide)r;
import { readFileSync, writeFileSync } from "node:fs";
const [how, snapshot, stdLibURL] = process.argv.slice(2);
const started = performance.now();
if (how === "make") {
  const py = await loadPyodide({ stdLibURL, _makeSnapshot: true });
  py.runPython("import asyncio");
  writeFileSync(snapshot, py.makeMemorySnapshot());
} else {
  const options = how === "snapshot" ? { _loadSnapshot: readFileSync(snapshot) } : { stdLibURL };
  const py = await loadPyodide(options);
  py.runPython("import asyncio; print('first line')");
  console.log(JSON.stringify(performance.now() - started));
}
"""


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    compiled = str(stdlib.compiled_stdlib())
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder, "start.mjs")
        script.write_text(SCRIPT % {"pyodide": PYODIDE}, encoding="utf-8")
        snapshot = Path(folder, "snapshot.bin")

        def node(how: str) -> str:
            done = subprocess.run(
                ["node", str(script), how, str(snapshot), compiled],
                capture_output=True,
                text=True,
                check=True,
            )
            return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""

        node("make")
        raw = snapshot.read_bytes()
        times: dict[str, list[float]] = {"compiled": [], "snapshot": []}
        for _ in range(rounds):
            for how, found in times.items():
                found.append(float(node(how)))
    print(f"{'start':<10} {'median to first line':>22}")
    for how, found in times.items():
        print(f"{how:<10} {statistics.median(found):>19.0f} ms")
    print(f"snapshot size: {len(raw) / 1e6:.1f} MB, {len(gzip.compress(raw)) / 1e6:.1f} MB gzip")


if __name__ == "__main__":
    main()
