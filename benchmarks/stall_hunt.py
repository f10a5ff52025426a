"""Find samples whose printed text depends on timing: run each browser sample under
CPython with random pauses in its event loop, and name those whose output differs from
the record in anything but durations.

    .venv/bin/python benchmarks/stall_hunt.py [--pause 0.15] [--seeds 4] [FILTER ...]

A pause of up to `--pause` seconds comes before 30 % of the loop's iterations, the way a
busy machine (or Pyodide on one) holds a loop up; several pauses can fall on one chain
of sleeps. A sample that keeps 0.2 s between the events that decide its order survives
pauses of 0.15 s; one that relies on a 50 ms or 100 ms gap soon does not. FILTER keeps
samples whose path contains it. Samples that need Python 3.12+ are skipped (they run
under Pyodide only). A reported sample may still be a false alarm when its output
depends on garbage collection (the pauses are injected through `runpy`, which keeps the
module alive a little longer): read the output it shows.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from asyncdocs.compare import DURATION, tidy  # noqa: E402
from asyncdocs.manifest import load_all  # noqa: E402

PAUSED = """
import asyncio.base_events, os, random, runpy, sys, time
seed, most, script = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
rng = random.Random(seed)
run_once = asyncio.base_events.BaseEventLoop._run_once
def paused(self):
    if rng.random() < 0.3:
        time.sleep(rng.uniform(0, most))
    return run_once(self)
asyncio.base_events.BaseEventLoop._run_once = paused
sys.argv = [script]
sys.path.insert(0, os.getcwd())
runpy.run_path(script, run_name="__main__")
"""


def text_of(output: str) -> str:
    return DURATION.sub("⏱", output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pause", type=float, default=0.15, help="longest pause, seconds")
    parser.add_argument("--seeds", type=int, default=4, help="runs per sample")
    parser.add_argument("filters", nargs="*")
    args = parser.parse_args()
    fragile = []
    for snippet in load_all(ROOT / "snippets"):
        if not (snippet.browser and snippet.run) or snippet.python_tuple() > (3, 11):
            continue
        if args.filters and not any(f in snippet.rel for f in args.filters):
            continue
        record = snippet.path.with_suffix(".out")
        source = snippet.path.read_text()
        if not record.exists() or ("sleep" not in source and "timeout" not in source):
            continue
        expected = text_of(record.read_text())
        differs = []
        for seed in range(args.seeds):
            env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONUTF8": "1"}
            try:
                run = subprocess.run(
                    [sys.executable, "-c", PAUSED, str(seed), str(args.pause), snippet.path.name],
                    cwd=snippet.path.parent,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    text=True,
                    timeout=120,
                    env=env,
                    input=snippet.stdin or "",
                )
                output = tidy(run.stdout)
            except subprocess.TimeoutExpired:
                output = "[timed out]"
            if text_of(output) != expected:
                differs.append((seed, output))
        print(f"{'FRAGILE' if differs else 'ok':8}{snippet.rel}  {len(differs)}/{args.seeds}")
        if differs:
            fragile.append(snippet.rel)
            seed, output = differs[0]
            print(f"  seed {seed}:\n    " + output.rstrip().replace("\n", "\n    "))
    print(f"{len(fragile)} sample(s) printed other text with pauses: {', '.join(fragile)}")


if __name__ == "__main__":
    main()
