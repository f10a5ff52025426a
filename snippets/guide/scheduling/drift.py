"""A job every 0.25 s, twice: sleeping between runs drifts, sleeping until a deadline does not."""

import asyncio

INTERVAL = 0.25


async def back_up() -> None:
    await asyncio.sleep(0.1)  # the job itself takes 0.1 s


async def drifting(ticks: int) -> None:
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    for n in range(ticks):
        print(f"  tick {n} at {loop.time() - t0:.2f} s")
        await back_up()
        await asyncio.sleep(INTERVAL)  # (1)!


async def steady(ticks: int) -> None:
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    for n in range(ticks):
        print(f"  tick {n} at {loop.time() - t0:.2f} s")
        await back_up()
        deadline = t0 + (n + 1) * INTERVAL  # (2)!
        await asyncio.sleep(deadline - loop.time())  # (3)!


async def main() -> None:
    print("sleep(INTERVAL) after each run:")
    await drifting(4)
    print("sleep until the next deadline:")
    await steady(4)


asyncio.run(main())
