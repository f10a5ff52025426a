"""create_task schedules a coroutine right away; ensure_future also accepts futures."""

import asyncio


async def tick(name: str) -> str:
    print(f"  {name} starts")
    await asyncio.sleep(0.1)
    return f"{name} done"


async def main() -> None:
    task = asyncio.create_task(tick("task"))  # (1)!
    print("task created, main carries on")
    await asyncio.sleep(0)  # (2)!
    print(await task)

    coro = tick("wrapped")
    wrapped = asyncio.ensure_future(coro)  # (3)!
    print("ensure_future gave a", type(wrapped).__name__)
    print("and a task passes straight through:", asyncio.ensure_future(wrapped) is wrapped)
    print(await wrapped)


asyncio.run(main())
