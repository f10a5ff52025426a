"""Riders wait at an empty bike-share dock; each bike brought back goes to one of them."""

import asyncio

UNLOCK_TIME = 0.3  # seconds to unlock a bike from the dock with the app
dock: list[str] = []  # the bikes standing in the dock


async def unlock(bike: str) -> None:
    await asyncio.sleep(UNLOCK_TIME)


async def return_bike(bike: str) -> None:
    """Someone brings `bike` back to the dock."""
    dock.append(bike)


async def rent(rider: str) -> str:
    """Wait for a bike in the dock, take it and unlock it; returns the bike."""
    while True:
        if dock:  # a bike is there
            bike = dock.pop(0)
            break
        await asyncio.sleep(0.01)  # look at the dock very often
    await unlock(bike)
    return bike


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with asyncio.TaskGroup() as tg:
        rides = {rider: tg.create_task(rent(rider)) for rider in ("Ann", "Ben", "Cai")}
        for bike in ("bike 12", "bike 7", "bike 30"):
            await asyncio.sleep(0.2)
            await return_bike(bike)
    for rider, ride in rides.items():
        print(f"{rider} rides {ride.result()}")
    print(f"everybody riding after {loop.time() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
