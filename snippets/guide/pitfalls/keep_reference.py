"""Fire-and-forget tasks: keep a reference until they finish."""

import asyncio

background: set[asyncio.Task] = set()  # (1)!


def spawn(coro) -> asyncio.Task:
    task = asyncio.create_task(coro)
    background.add(task)  # (2)!
    task.add_done_callback(background.discard)  # (3)!
    return task


async def send_receipt(order: int, delay: float) -> None:
    await asyncio.sleep(delay)
    print(f"receipt for order {order} sent")


async def main() -> None:
    for order, delay in [(101, 0.6), (102, 0.2), (103, 0.4)]:
        spawn(send_receipt(order, delay))  # (4)!
    print(f"tasks in flight: {len(background)}")
    await asyncio.sleep(0.3)
    print(f"tasks in flight: {len(background)}")
    await asyncio.gather(*background)  # (5)!
    print(f"tasks in flight: {len(background)}")


asyncio.run(main())
