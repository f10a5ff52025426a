"""Water a garden's beds on a fixed timetable, one bed per slot."""

import asyncio
import math

BEDS = ["roses", "lawn", "herbs", "hedge"]


async def water(slot: int) -> None:
    print(f"slot {slot}: watering the {BEDS[slot % len(BEDS)]}")
    await asyncio.sleep(0.1)  # the valve is open


async def every(interval: float, slots: int, job) -> None:
    """Run `await job(n)` for the slots n = 0 .. slots - 1, slot n due `n * interval` s
    after the first; a slot whose time goes by while the job still runs is skipped."""
    loop = asyncio.get_event_loop()
    start = loop.time()
    slot = 0
    while slot < slots:
        await job(slot)
        # the next slot whose time has not come yet
        slot = max(slot + 1, math.ceil((loop.time() - start) / interval))
        if slot < slots:
            await asyncio.sleep(start + slot * interval - loop.time())


async def main() -> None:
    await every(0.3, 4, water)


if __name__ == "__main__":
    asyncio.run(main())
