"""Don't do this: a coroutine that swallows CancelledError cannot be stopped."""

import asyncio
import time

START = time.perf_counter()


def elapsed() -> str:
    return f"{time.perf_counter() - START:.2f} s"


async def upload(parts: int) -> str:
    for part in range(1, parts + 1):
        try:
            await asyncio.sleep(0.2)
        except asyncio.CancelledError:  # (1)!
            print(f"  {elapsed()} part {part}: cancel swallowed, carrying on")
        print(f"  {elapsed()} part {part} sent")
    return f"all {parts} parts sent"


async def main() -> None:
    task = asyncio.create_task(upload(4))
    await asyncio.sleep(0.5)
    print(f"{elapsed()} cancelling the upload")
    task.cancel()
    print(await task)  # (2)!
    print(f"{elapsed()} cancelled(): {task.cancelled()}, cancelling(): {task.cancelling()}")

    try:
        async with asyncio.timeout(0.3):  # (3)!
            print(await upload(3))
    except TimeoutError:
        print("timed out")
    print(f"{elapsed()} the 0.3 s timeout never fired")


asyncio.run(main())
