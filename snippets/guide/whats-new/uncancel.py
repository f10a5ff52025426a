"""Python 3.11: Task.cancelling() and Task.uncancel() count pending cancellation requests."""

import asyncio


async def worker() -> None:
    me = asyncio.current_task()
    try:
        async with asyncio.timeout(0.1):
            await asyncio.sleep(1)
    except TimeoutError:
        print(f"timeout handled; cancelling() = {me.cancelling()}")  # (1)!
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"cancelled from outside; cancelling() = {me.cancelling()}")  # (2)!
        raise


async def main() -> None:
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.3)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("worker cancelled")


asyncio.run(main())
