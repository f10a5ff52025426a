"""Python 3.13+: closing time with Queue.shutdown(), gracefully and immediately."""

import asyncio
import time


async def cook(orders: asyncio.Queue, log) -> None:
    while True:
        try:
            dish = await orders.get()
        except asyncio.QueueShutDown:  # (1)!
            log("cook: queue shut down and empty, going home")
            return
        await asyncio.sleep(0.1)
        log(f"cook: {dish} served")
        orders.task_done()


async def service(immediate: bool) -> None:
    print(f"-- shutdown(immediate={immediate})")
    start = time.perf_counter()

    def log(message: str) -> None:
        print(f"{time.perf_counter() - start:4.2f} s  {message}")

    orders: asyncio.Queue[str] = asyncio.Queue()
    for dish in ("soup", "fish", "cake", "tea"):
        orders.put_nowait(dish)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(cook(orders, log))
        await asyncio.sleep(0.15)
        orders.shutdown(immediate=immediate)  # (2)!
        log(f"manager: kitchen closes, {orders.qsize()} orders still queued")
        try:
            await orders.put("late coffee")
        except asyncio.QueueShutDown:
            log("manager: late coffee refused")  # (3)!
        await orders.join()  # (4)!
        log("manager: join() returned")


async def main() -> None:
    await service(immediate=False)
    await service(immediate=True)


asyncio.run(main())
