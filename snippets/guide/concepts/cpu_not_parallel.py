"""Waiting overlaps, work does not: three dishes, each chopped by hand, then baked."""

import asyncio
import time


def chop(name: str) -> None:
    time.sleep(0.1)  # (1)!


async def dish(name: str, log) -> None:
    log(f"chop the {name}")
    chop(name)
    log(f"{name} into the oven")
    await asyncio.sleep(0.3)  # (2)!
    log(f"{name} is baked")


async def main() -> None:
    names = ["pie", "bread", "gratin"]
    start = time.perf_counter()

    def log(message: str) -> None:
        print(f"{time.perf_counter() - start:4.2f} s  {message}")

    for name in names:
        await dish(name, lambda message: None)  # (3)!
    print(f"one dish after another: {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    await asyncio.gather(*(dish(name, log) for name in names))
    print(f"all dishes concurrently: {time.perf_counter() - start:.2f} s")


asyncio.run(main())
