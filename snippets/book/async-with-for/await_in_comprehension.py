"""`await` inside a comprehension runs the awaits one after another."""

import asyncio
import time


async def weigh(crate: str) -> str:
    await asyncio.sleep(0.1)  # the scale needs a moment
    return f"{crate}: ok"


async def main() -> None:
    crates = ["A-1", "B-2", "C-3", "D-4"]

    start = time.perf_counter()
    one_by_one = [await weigh(crate) for crate in crates]  # (1)!
    print(one_by_one, f"in {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    together = await asyncio.gather(*(weigh(crate) for crate in crates))  # (2)!
    print(together, f"in {time.perf_counter() - start:.2f} s")


asyncio.run(main())
