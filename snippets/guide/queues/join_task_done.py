"""join() waits until every item is marked done, which is not the same as an empty queue."""

import asyncio
import time


async def cook(dish: str) -> None:
    await asyncio.sleep(0.1)
    if dish == "toast":
        raise ValueError("burnt")


async def careful(orders: asyncio.Queue, log) -> None:
    while True:
        dish = await orders.get()
        log(f"cook takes the {dish}, {orders.qsize()} left in the queue")
        try:
            await cook(dish)
        except ValueError as exc:
            log(f"the {dish} failed: {exc}")
        finally:
            orders.task_done()  # (1)!


async def careless(orders: asyncio.Queue, log) -> None:
    while True:
        dish = await orders.get()
        log(f"cook takes the {dish}, {orders.qsize()} left in the queue")
        try:
            await cook(dish)
        except ValueError:
            continue  # (2)!
        orders.task_done()


async def shift(worker) -> None:
    print(f"-- {worker.__name__} cook")
    start = time.perf_counter()

    def log(message: str) -> None:
        print(f"{time.perf_counter() - start:4.2f} s  {message}")

    orders: asyncio.Queue[str] = asyncio.Queue()
    for dish in ("eggs", "toast", "tea"):
        orders.put_nowait(dish)
    cook_task = asyncio.create_task(worker(orders, log))
    try:
        async with asyncio.timeout(0.5):  # (3)!
            await orders.join()
        log("join() returned: every order is done")
    except TimeoutError:
        log("join() gave up: one order was never marked done")
    cook_task.cancel()


async def main() -> None:
    await shift(careful)
    await shift(careless)


asyncio.run(main())
