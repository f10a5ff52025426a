"""PriorityQueue compares whole items: equal priorities need a tie-breaker."""

import asyncio
import itertools

ORDERS = [
    (2, {"table": 4, "dish": "soup"}),
    (2, {"table": 7, "dish": "salad"}),
    (1, {"table": 9, "dish": "risotto"}),  # a regular guest goes first
]


async def main() -> None:
    naive: asyncio.PriorityQueue = asyncio.PriorityQueue()
    try:
        for priority, order in ORDERS:
            naive.put_nowait((priority, order))  # (1)!
    except TypeError as exc:
        print(f"TypeError: {exc}")

    counter = itertools.count()  # (2)!
    queue: asyncio.PriorityQueue = asyncio.PriorityQueue()
    for priority, order in ORDERS:
        queue.put_nowait((priority, next(counter), order))
    while not queue.empty():
        priority, number, order = await queue.get()
        print(f"priority {priority}, order #{number}: table {order['table']}, {order['dish']}")


asyncio.run(main())
