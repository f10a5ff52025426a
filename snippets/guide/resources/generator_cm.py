"""The same idea with contextlib.asynccontextmanager: setup, yield, cleanup."""

import asyncio
import contextlib

free_bikes = {"dock-A": 2}


@contextlib.asynccontextmanager
async def borrow_bike(dock: str):
    await asyncio.sleep(0.1)  # unlocking takes a moment
    free_bikes[dock] -= 1
    print(f"unlocked a bike at {dock}; {free_bikes[dock]} left")
    try:
        yield f"bike from {dock}"  # (1)!
    finally:
        await asyncio.sleep(0.1)  # (2)!
        free_bikes[dock] += 1
        print(f"bike returned to {dock}; {free_bikes[dock]} left")


async def main() -> None:
    async with borrow_bike("dock-A") as bike:
        print(f"  riding the {bike}")
    try:
        async with borrow_bike("dock-A") as bike:
            print(f"  riding the {bike}")
            raise RuntimeError("flat tyre")  # (3)!
    except RuntimeError as error:
        print(f"main caught: {error}")


asyncio.run(main())
