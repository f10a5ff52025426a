"""A potter shapes each pot at the wheel, then fires it in the kiln."""

import asyncio
import time

SHAPE_TIME = 0.1  # seconds at the wheel: the potter's hands are busy
FIRE_TIME = 0.4  # seconds in the kiln: the potter is free meanwhile


def shape(pot: str) -> None:
    """Work at the wheel. It keeps the one thread busy, like any computation would."""
    time.sleep(SHAPE_TIME)


async def fire(pot: str) -> None:
    await asyncio.sleep(FIRE_TIME)  # waiting for the kiln


async def make_pot(pot: str) -> str:
    shape(pot)
    await fire(pot)
    return f"{pot}: fired"


async def make_all(pots: list[str]) -> list[str]:
    """Make every pot in `pots`; returns one line per pot, in the order of `pots`."""
    tasks = {pot: asyncio.create_task(make_pot(pot)) for pot in pots}
    return [await task for task in tasks.values()]


async def main() -> None:
    start = time.perf_counter()
    for line in await make_all(["jug", "bowl", "vase", "cup"]):
        print(line)
    print(f"four pots in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
