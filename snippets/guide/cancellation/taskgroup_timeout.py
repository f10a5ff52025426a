"""Cancelling the code that owns a TaskGroup cancels every task inside it."""

import asyncio
import time

start = time.perf_counter()


def log(message: str) -> None:
    print(f"{time.perf_counter() - start:.2f} s  {message}")


async def render(page: int) -> str:
    try:
        await asyncio.sleep(0.4 * page)
    except asyncio.CancelledError:
        log(f"page {page}: cancelled")
        raise
    log(f"page {page}: rendered")
    return f"page-{page}.pdf"


async def main() -> None:
    try:
        async with asyncio.timeout(1.0):  # (1)!
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(render(page)) for page in (1, 2, 3)]
    except TimeoutError:  # (2)!
        log("the report took longer than 1.0 s")
    done = [t.result() for t in tasks if not t.cancelled()]  # (3)!
    log(f"finished: {done}")


asyncio.run(main())
