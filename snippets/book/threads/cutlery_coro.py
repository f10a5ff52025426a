"""The drawer with coroutines: a race needs an await between reading and writing."""

import asyncio

BOTS = 4
ROUNDS = 5


async def take_knife(drawer: dict[str, int], pause: bool) -> None:
    knives = drawer["knives"]  # read
    if pause:
        await asyncio.sleep(0.05)  # (1)!
    drawer["knives"] = knives - 1  # write


async def bot(drawer: dict[str, int], pause: bool) -> None:
    for _ in range(ROUNDS):
        await take_knife(drawer, pause)
        await asyncio.sleep(0.1)  # (2)!


async def main() -> None:
    expected = 100 - BOTS * ROUNDS
    for pause in (False, True):
        drawer = {"knives": 100}
        await asyncio.gather(*(bot(drawer, pause) for _ in range(BOTS)))
        how = "an await" if pause else "no await"
        print(f"{how} between read and write: {drawer['knives']} knives left")
    print(f"expected: {expected} knives left ({BOTS} bots took {ROUNDS} knives each)")


asyncio.run(main())
