"""Stopping consumers with Queue.shutdown() (Python 3.13+) instead of cancelling them."""

import asyncio


async def oven(shelf: asyncio.Queue) -> None:
    for k in range(4):
        await asyncio.sleep(0.1)
        await shelf.put(f"loaf {k}")
    shelf.shutdown()  # (1)!


async def assistant(number: int, shelf: asyncio.Queue) -> int:
    sold = 0
    while True:
        try:
            loaf = await shelf.get()
        except asyncio.QueueShutDown:  # (2)!
            print(f"assistant {number}: shelf closed, going home after selling {sold}")
            return sold
        print(f"assistant {number} sells {loaf}")
        await asyncio.sleep(0.15)
        sold += 1


async def main() -> None:
    shelf: asyncio.Queue = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(oven(shelf))
        sellers = [tg.create_task(assistant(n, shelf)) for n in range(2)]
    print("sold in total:", sum(s.result() for s in sellers))


asyncio.run(main())
