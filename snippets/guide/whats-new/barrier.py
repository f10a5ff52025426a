"""Python 3.11: asyncio.Barrier lets tasks wait until all of them have arrived."""

import asyncio
import time

START = time.perf_counter()


async def player(name: str, loading: float, start_line: asyncio.Barrier) -> None:
    await asyncio.sleep(loading)
    print(f"{name} loaded at {time.perf_counter() - START:.2f} s")
    await start_line.wait()  # (1)!
    print(f"{name} starts at {time.perf_counter() - START:.2f} s")


async def main() -> None:
    start_line = asyncio.Barrier(3)  # (2)!
    async with asyncio.TaskGroup() as tg:
        for name, loading in [("ivy", 0.3), ("max", 0.1), ("noa", 0.2)]:
            tg.create_task(player(name, loading, start_line))


asyncio.run(main())
