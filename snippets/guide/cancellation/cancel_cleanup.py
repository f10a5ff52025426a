"""Cancel a running task; its finally block still tidies up."""

import asyncio
import time


async def upload(name: str, chunks: int) -> str:
    print(f"{name}: opening a connection")
    try:
        for n in range(1, chunks + 1):
            await asyncio.sleep(0.2)  # (1)!
            print(f"{name}: sent chunk {n}/{chunks}")
        return "complete"
    except asyncio.CancelledError:
        print(f"{name}: cancelled, telling the server to discard the partial file")
        raise  # (2)!
    finally:
        print(f"{name}: connection closed")  # (3)!


async def main() -> None:
    start = time.perf_counter()
    task = asyncio.create_task(upload("backup.tar", 5))
    await asyncio.sleep(0.5)
    task.cancel("user pressed Stop")  # (4)!
    print(f"cancel requested; task done yet? {task.done()}")  # (5)!
    try:
        await task
    except asyncio.CancelledError as error:
        print(f"awaiting the task raised CancelledError: {error}")
    print(f"cancelled: {task.cancelled()} after {time.perf_counter() - start:.2f} s")


asyncio.run(main())
