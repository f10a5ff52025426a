"""Water a garden's beds on a fixed timetable, one bed per slot."""

import asyncio
import math

BEDS = ["roses", "lawn", "herbs", "hedge"]


started = 0.0  # when main() began, on the loop's clock


async def water(slot: int) -> None:
    bed = BEDS[slot % len(BEDS)]
    now = asyncio.get_running_loop().time() - started
    print(f"{now:.1f} s  slot {slot}: watering the {bed}")
    await asyncio.sleep(0.75 if bed == "lawn" else 0.1)  # the valve is open


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
    global started
    started = asyncio.get_running_loop().time()
    await every(0.3, 6, water)


if __name__ == "__main__":
    asyncio.run(main())
