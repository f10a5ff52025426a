"""The same items through a Queue, a LifoQueue and a PriorityQueue."""

import asyncio

ITEMS = [(3, "dessert"), (1, "starter"), (2, "main course")]  # (priority, what)


async def main() -> None:
    for kind in (asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue):
        queue = kind()
        for item in ITEMS:
            queue.put_nowait(item)  # (1)!
        served = [(await queue.get())[1] for _ in ITEMS]
        print(f"{kind.__name__:<13} {served}")  # (2)!


asyncio.run(main())
