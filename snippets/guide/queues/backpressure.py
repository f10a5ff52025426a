"""A bounded queue pushes back: the front desk can only run as fast as the kitchen."""

import asyncio
import time

start = time.perf_counter()


def log(message: str) -> None:
    print(f"{time.perf_counter() - start:4.2f} s  {message}")


async def front_desk(tickets: asyncio.Queue) -> None:
    for number in range(1, 7):
        if tickets.full():
            log(f"desk: queue full, ticket {number} has to wait")
        await tickets.put(number)  # (1)!
        log(f"desk: ticket {number} queued, {tickets.qsize()} waiting")


async def kitchen(tickets: asyncio.Queue) -> None:
    for _ in range(6):
        number = await tickets.get()
        log(f"kitchen: cooking ticket {number}")
        await asyncio.sleep(0.2)


async def main() -> None:
    tickets: asyncio.Queue[int] = asyncio.Queue(maxsize=2)  # (2)!
    async with asyncio.TaskGroup() as tg:
        tg.create_task(kitchen(tickets))
        tg.create_task(front_desk(tickets))
    log("all tickets cooked")


asyncio.run(main())
