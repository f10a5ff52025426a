"""Producers and consumers around an asyncio.Queue: ovens bake loaves, assistants sell them.

Usage: python bakery.py [-p OVENS] [-c ASSISTANTS] [-n LOAVES_PER_OVEN]
"""

import argparse
import asyncio
import time

SLOT = 0.1  # seconds: the ovens take turns, one loaf per slot
SELLING = 0.25  # seconds an assistant needs to sell one loaf

start = time.perf_counter()


def now() -> float:
    return time.perf_counter() - start


async def oven(number: int, ovens: int, loaves: int, shelf: asyncio.Queue) -> None:
    for k in range(loaves):
        ready_at = (k * ovens + number + 1) * SLOT  # (1)!
        await asyncio.sleep(ready_at - now())
        await shelf.put((f"{number}.{k}", now()))  # (2)!


async def assistant(number: int, shelf: asyncio.Queue, waits: list[float]) -> None:
    while True:
        loaf, baked_at = await shelf.get()  # (3)!
        waited = now() - baked_at
        waits.append(waited)
        print(f"{now():4.2f} s: assistant {number} sells loaf {loaf}, {waited:.2f} s on the shelf")
        await asyncio.sleep(SELLING)
        shelf.task_done()  # (4)!


async def main(ovens: int, assistants: int, loaves: int) -> None:
    shelf: asyncio.Queue = asyncio.Queue()
    waits: list[float] = []
    sellers = [asyncio.create_task(assistant(n, shelf, waits)) for n in range(assistants)]
    await asyncio.gather(*(oven(n, ovens, loaves, shelf) for n in range(ovens)))
    await shelf.join()  # (5)!
    for task in sellers:
        task.cancel()  # (6)!
    await asyncio.gather(*sellers, return_exceptions=True)
    print(f"{len(waits)} loaves sold in {now():.2f} s")
    print(f"on the shelf: {sum(waits) / len(waits):.2f} s on average, {max(waits):.2f} s at most")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-p", "--ovens", type=int, default=2)
    parser.add_argument("-c", "--assistants", type=int, default=2)
    parser.add_argument("-n", "--loaves", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(main(args.ovens, args.assistants, args.loaves))
