"""The rare legitimate case: a task withdraws a cancellation it requested itself."""

import asyncio

MIRRORS = {"mirror-a": 0.3, "mirror-b": 0.1}  # seconds each one takes to answer


async def fetch(mirror: str) -> str:
    await asyncio.sleep(MIRRORS[mirror])
    return f"data from {mirror}"


async def fetch_within(mirror: str, deadline: float) -> str | None:
    me = asyncio.current_task()
    expired = False

    def expire() -> None:
        nonlocal expired
        expired = True
        me.cancel()  # (1)!

    timer = asyncio.get_running_loop().call_later(deadline, expire)
    try:
        return await fetch(mirror)
    except asyncio.CancelledError:
        print(f"  {mirror}: cancelled, cancelling() = {me.cancelling()}")
        if not expired or me.uncancel() > 0:  # (2)!
            raise
        print(f"  {mirror}: it was our own deadline; cancelling() = {me.cancelling()}")
        return None
    finally:
        timer.cancel()


async def download() -> str:
    for mirror in MIRRORS:
        if data := await fetch_within(mirror, 0.15):
            return data
    return "nothing"


async def main() -> None:
    print(await download())  # (3)!
    task = asyncio.create_task(download())
    await asyncio.sleep(0.05)
    task.cancel()  # (4)!
    try:
        await task
    except asyncio.CancelledError:
        print("a cancel from outside still stops it:", task.cancelled())


asyncio.run(main())
