"""How long the whole test suite takes here: prints the figure against the 3-minute target.

Run: .venv/bin/python benchmarks/suite_time.py [RUNS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 180.0  # seconds


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    times = []
    for i in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        times.append(time.perf_counter() - start)
        summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else "(no output)"
        print(f"run {i + 1}: {times[-1]:6.1f} s   {summary}")
    median = statistics.median(times)
    verdict = "meets" if median <= TARGET else "MISSES"
    print(f"median of {runs}: {median:.1f} s — {verdict} the {TARGET:.0f} s target")


if __name__ == "__main__":
    main()
