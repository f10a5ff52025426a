"""A home-made 'give up after N seconds' that never swallows someone else's cancel."""

import asyncio


async def or_none(coro, seconds: float):
    """Await coro; return None if it takes longer than seconds."""
    task = asyncio.current_task()
    expired = False

    def expire() -> None:
        nonlocal expired
        expired = True
        task.cancel()

    handle = asyncio.get_running_loop().call_later(seconds, expire)
    try:
        return await coro
    except asyncio.CancelledError:
        print(f"    CancelledError inside, cancelling() = {task.cancelling()}")  # (1)!
        if expired and task.uncancel() == 0:  # (2)!
            return None
        raise  # (3)!
    finally:
        handle.cancel()


async def lookup(seconds: float) -> str:
    await asyncio.sleep(seconds)
    return "found"


async def caller(seconds: float, limit: float) -> None:
    print(f"lookup taking {seconds} s, limit {limit} s -> {await or_none(lookup(seconds), limit)}")


async def main() -> None:
    await caller(0.1, 0.3)
    await caller(0.5, 0.3)
    task = asyncio.create_task(caller(0.5, 0.3))
    await asyncio.sleep(0.1)
    task.cancel()  # (4)!
    try:
        await task
    except asyncio.CancelledError:
        print(f"the outer cancel got through: cancelled() = {task.cancelled()}")


asyncio.run(main())
