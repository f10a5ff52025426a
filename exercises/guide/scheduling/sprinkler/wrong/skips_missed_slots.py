"""Water a garden's beds on a fixed timetable, one bed per slot."""

import asyncio

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
    loop = asyncio.get_running_loop()
    start = loop.time()
    for slot in range(slots):
        await asyncio.sleep(start + slot * interval - loop.time())  # until the slot is due
        await job(slot)


async def main() -> None:
    global started
    started = asyncio.get_running_loop().time()
    await every(0.3, 6, water)


if __name__ == "__main__":
    asyncio.run(main())
