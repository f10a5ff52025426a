"""Python 3.8: CancelledError derives from BaseException, so `except Exception` lets it pass."""

import asyncio


async def poll_feed() -> None:
    while True:
        try:
            await asyncio.sleep(0.1)
            raise ConnectionError("feed unreachable")
        except Exception as exc:  # (1)!
            print(f"poll_feed: {type(exc).__name__}, retrying")


async def main() -> None:
    print("CancelledError is an Exception:", issubclass(asyncio.CancelledError, Exception))
    task = asyncio.create_task(poll_feed())
    await asyncio.sleep(0.25)
    task.cancel()  # (2)!
    try:
        await task
    except asyncio.CancelledError:
        print("poll_feed stopped: the cancellation went through")


asyncio.run(main())
