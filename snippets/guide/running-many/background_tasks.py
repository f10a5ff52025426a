"""Fire-and-forget done right: keep a reference to every background task until it ends."""

import asyncio
import time

start = time.perf_counter()
background: set[asyncio.Task] = set()  # (1)!


def log(message: str) -> None:
    print(f"{time.perf_counter() - start:4.2f} s  {message}")


async def send_receipt(order: int, seconds: float) -> None:
    try:
        await asyncio.sleep(seconds)
        log(f"receipt for order {order} sent")
    except asyncio.CancelledError:
        log(f"receipt for order {order} cancelled at shutdown")  # (4)!
        raise


def fire_and_forget(coro) -> None:
    task = asyncio.create_task(coro)
    background.add(task)  # (2)!
    task.add_done_callback(background.discard)  # (3)!


async def main() -> None:
    for order, seconds in [(1, 0.2), (2, 0.1), (3, 5.0)]:
        fire_and_forget(send_receipt(order, seconds))
        log(f"order {order} taken, pending receipts: {len(background)}")
    await asyncio.sleep(0.3)
    log(f"main is done, pending receipts: {len(background)}")


asyncio.run(main())
