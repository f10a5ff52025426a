"""Timing helpers for coroutine functions: an `elapsed` decorator and a `Profiler`.

`elapsed` reports how long each call of a coroutine function took; `Profiler` collects
such durations per name and summarises them. The cache API (`cache_api.py`) profiles its
endpoints with them and serves the summary at `/stats`. Run `python cache_timing.py` for a
short demonstration.
"""

import asyncio
import functools
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable


def print_duration(name: str, seconds: float) -> None:
    """The default report of `elapsed`: one line per call."""
    print(f"{name} took {seconds:.2f} s")


def elapsed(func=None, *, report: Callable[[str, float], None] = print_duration):
    """Decorate a coroutine function so that every call reports its duration.

    Use it bare (`@elapsed`) to print the durations, or with a report function
    (`@elapsed(report=...)`) that receives the function's name and the seconds.
    The duration is reported even when the call raises or is cancelled.
    """
    if func is None:  # (1)!
        return functools.partial(elapsed, report=report)

    @functools.wraps(func)  # (2)!
    async def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return await func(*args, **kwargs)
        finally:
            report(func.__name__, time.perf_counter() - started)  # (3)!

    return timed


class Profiler:
    """Durations of many calls, grouped by the name of the function called."""

    def __init__(self) -> None:
        self.durations: defaultdict[str, list[float]] = defaultdict(list)

    def record(self, name: str, seconds: float) -> None:
        """Add one call of `name` that took `seconds`."""
        self.durations[name].append(seconds)

    def profile(self, func: Callable[..., Awaitable]) -> Callable[..., Awaitable]:
        """Decorate a coroutine function so that its calls are recorded here."""
        return elapsed(func, report=self.record)

    def summary(self) -> dict[str, dict[str, float]]:
        """Per name: the number of calls, their mean and their longest duration (s)."""
        return {
            name: {
                "calls": len(times),
                "mean": round(sum(times) / len(times), 6),
                "max": round(max(times), 6),
            }
            for name, times in sorted(self.durations.items())
        }


if __name__ == "__main__":
    profiler = Profiler()

    @elapsed
    async def warm_up():
        await asyncio.sleep(0.25)

    @profiler.profile
    async def read_sensor(seconds):
        await asyncio.sleep(seconds)

    async def main():
        await warm_up()
        await asyncio.gather(*(read_sensor(s) for s in (0.1, 0.2, 0.3)))  # (4)!
        await read_sensor(0.2)
        for name, row in profiler.summary().items():
            print(f"{name}: {row['calls']} calls, mean {row['mean']:.2f} s, max {row['max']:.2f} s")

    asyncio.run(main())
