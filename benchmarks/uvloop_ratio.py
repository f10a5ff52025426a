"""How much faster uvloop runs than asyncio's default event loop, for the figures quoted on
docs/en/book/other-libraries.md.

Run: .venv/bin/python benchmarks/uvloop_ratio.py [REPEATS]

Two workloads, each run REPEATS times (default 5) on a fresh loop of each kind, the kinds
alternating so that both see the same machine load; the median time counts:

- "tcp echo": the workload of snippets/book/other-libraries/ol_uvloop_echo.py (an echo
  server and 20 clients on 127.0.0.1), with 2,000 round trips per client (40,000 in all);
- "task steps": 200 tasks that each take 500 steps (`await asyncio.sleep(0)`), which
  measures the loop's own scheduling overhead and nothing else.

Prints the time per loop and the ratio default / uvloop.
"""

from __future__ import annotations

import asyncio
import platform
import statistics
import sys
import time
from pathlib import Path

import uvloop

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "snippets" / "book" / "other-libraries"))

import ol_uvloop_echo as echo  # noqa: E402

echo.ROUND_TRIPS = 2000
TASKS, STEPS = 200, 500


async def tcp_echo() -> None:
    trips, _ = await echo.workload()
    assert trips == echo.CLIENTS * echo.ROUND_TRIPS


async def task_steps() -> None:
    async def worker() -> None:
        for _ in range(STEPS):
            await asyncio.sleep(0)

    await asyncio.gather(*(worker() for _ in range(TASKS)))


def timed(workload, loop_factory) -> float:
    with asyncio.Runner(loop_factory=loop_factory) as runner:
        start = time.perf_counter()
        runner.run(workload())
        return time.perf_counter() - start


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print(
        f"CPython {platform.python_version()}, uvloop {uvloop.__version__}, "
        f"{platform.machine()}, median of {repeats}"
    )
    print(f"{'workload':<12} {'default':>10} {'uvloop':>10} {'ratio':>7}")
    for name, workload in [("tcp echo", tcp_echo), ("task steps", task_steps)]:
        times: dict[str, list[float]] = {"default": [], "uvloop": []}
        for _ in range(repeats):
            times["default"].append(timed(workload, None))
            times["uvloop"].append(timed(workload, uvloop.new_event_loop))
        default = statistics.median(times["default"])
        fast = statistics.median(times["uvloop"])
        print(f"{name:<12} {default:>8.3f} s {fast:>8.3f} s {default / fast:>6.2f}x")


if __name__ == "__main__":
    main()
