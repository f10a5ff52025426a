"""A coroutine object does nothing until the event loop runs it."""

import asyncio


async def greet(name: str) -> str:
    print(f"  greet({name!r}) is running")
    await asyncio.sleep(0.1)
    return f"hello, {name}"


async def main() -> None:
    coro = greet("coroutine")  # (1)!
    print("created a coroutine object:", type(coro).__name__)
    print("awaiting it...")
    print(await coro)

    task = asyncio.create_task(greet("task"))  # (2)!
    print("created a task; it has not run yet")
    await asyncio.sleep(0)  # (3)!
    print("after one trip round the loop, the task is waiting:", not task.done())
    print(await task)


asyncio.run(main())
