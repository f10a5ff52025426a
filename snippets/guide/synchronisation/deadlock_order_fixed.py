"""The fix: every task takes the locks in one agreed order."""

import asyncio

kettle = asyncio.Lock()
grinder = asyncio.Lock()
ORDER = [kettle, grinder]  # (1)!


async def barista(name: str, *needed: asyncio.Lock) -> None:
    first, second = sorted(needed, key=ORDER.index)
    async with first:
        print(f"{name} holds the kettle")
        await asyncio.sleep(0.1)
        async with second:
            print(f"{name} makes a pour-over")


async def main() -> None:
    async with asyncio.timeout(1.0):
        async with asyncio.TaskGroup() as tg:
            tg.create_task(barista("Ana", kettle, grinder))
            tg.create_task(barista("Bo", grinder, kettle))  # (2)!


asyncio.run(main())
