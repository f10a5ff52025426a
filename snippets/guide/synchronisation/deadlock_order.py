"""Deadlock: two tasks take the same two locks in opposite order."""

import asyncio

kettle = asyncio.Lock()
grinder = asyncio.Lock()


async def barista(name: str, first: asyncio.Lock, second: asyncio.Lock) -> None:
    async with first:
        print(f"{name} holds the {'kettle' if first is kettle else 'grinder'}")
        await asyncio.sleep(0.1)  # (1)!
        async with second:  # (2)!
            print(f"{name} makes a pour-over")


async def main() -> None:
    async with asyncio.timeout(1.0):  # (3)!
        async with asyncio.TaskGroup() as tg:
            tg.create_task(barista("Ana", kettle, grinder))
            tg.create_task(barista("Bo", grinder, kettle))


asyncio.run(main())
