"""Two coroutines take turns on one thread: each `await` lets the other run."""

import asyncio


async def kettle() -> None:
    print("kettle: switched on")
    await asyncio.sleep(0.3)
    print("kettle: boiling")


async def toaster() -> None:
    print("toaster: bread in")
    await asyncio.sleep(0.2)
    print("toaster: toast up")


async def main() -> None:
    async with asyncio.TaskGroup() as tg:
        tg.create_task(kettle())
        tg.create_task(toaster())
    print("breakfast is ready")


asyncio.run(main())
