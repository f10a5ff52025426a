"""What recording a task timeline costs, with and without the recorder, on CPython and
on Pyodide (in Node, with the in-page runner's engine, which records every run).

Run: .venv/bin/python benchmarks/timeline_overhead.py [ROUNDS]

The program under test has 200 tasks that each take 50 steps (`await asyncio.sleep(0)`):
10,000 task steps, the recorder's unit of work. Each variant runs ROUNDS times (default
5) as a fresh process; the best time counts. Prints a table and writes
benchmarks/results/timeline_overhead.json.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from asyncdocs import pyodide  # noqa: E402

TASKS, STEPS = 200, 50
PROGRAM = f"""
import asyncio, time

async def worker():
    for _ in range({STEPS}):
        await asyncio.sleep(0)

async def main():
    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range({TASKS})))
    print(f"{{time.perf_counter() - start:.6f}}")

asyncio.run(main())
"""


def best(command: list[str], cwd: Path, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        out = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=True)
        times.append(float(out.stdout.split()[0]))
    return min(times)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    steps = TASKS * STEPS
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "steps.py").write_text(PROGRAM, encoding="utf-8")
        plain = best([sys.executable, "steps.py"], folder, rounds)
        recorded = best(
            [sys.executable, "-m", "asynctimeline", "--quiet", "--json", "t.json", "steps.py"],
            folder,
            rounds,
        )
        size = (folder / "t.json").stat().st_size
        in_browser = {True: [], False: []}
        for _ in range(rounds):
            for recording in (False, True):
                runs = pyodide.run_files([folder / "steps.py"], jspi=True, timeline=recording)
                (result,) = runs.values()
                in_browser[recording].append(float(result["output"].split()[0]))
    figures = {
        "steps": steps,
        "cpython_plain_us_per_step": plain / steps * 1e6,
        "cpython_recorded_us_per_step": recorded / steps * 1e6,
        "cpython_overhead_us_per_step": (recorded - plain) / steps * 1e6,
        "recording_bytes": size,
        "pyodide_plain_us_per_step": min(in_browser[False]) / steps * 1e6,
        "pyodide_recorded_us_per_step": min(in_browser[True]) / steps * 1e6,
        "measured": time.strftime("%Y-%m-%d"),
    }
    print(f"{steps:,} task steps ({TASKS} tasks × {STEPS}), best of {rounds}")
    print("| variant | µs per step |")
    print("| --- | ---: |")
    print(
        f"| CPython {sys.version.split()[0]}, plain | {figures['cpython_plain_us_per_step']:.2f} |"
    )
    print(f"| CPython, recorded | {figures['cpython_recorded_us_per_step']:.2f} |")
    print(f"| CPython, recorder's cost | {figures['cpython_overhead_us_per_step']:.2f} |")
    print(f"| Pyodide (JSPI, Node), plain | {figures['pyodide_plain_us_per_step']:.2f} |")
    print(f"| Pyodide, recorded | {figures['pyodide_recorded_us_per_step']:.2f} |")
    print(f"recording: {size:,} bytes of JSON")
    results = ROOT / "benchmarks/results"
    results.mkdir(exist_ok=True)
    (results / "timeline_overhead.json").write_text(json.dumps(figures, indent=1) + "\n")


if __name__ == "__main__":
    main()
