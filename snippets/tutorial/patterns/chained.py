"""Chained coroutines: each order is ground, then brewed; orders overlap.

Usage: python chained.py ORDER [ORDER ...]   e.g. python chained.py 1 2 3
"""

import asyncio
import random
import sys
import time

start = time.perf_counter()


def log(message: str) -> None:
    print(f"[{time.perf_counter() - start:4.2f} s] {message}")


async def grind(order: int, rng: random.Random) -> str:
    seconds = round(rng.uniform(0.1, 1.0), 1)
    log(f"order {order}: grinding for {seconds} s")
    await asyncio.sleep(seconds)
    return f"beans#{order}"


async def brew(beans: str, rng: random.Random) -> str:
    seconds = round(rng.uniform(0.1, 1.0), 1)
    log(f"{beans}: brewing for {seconds} s")
    await asyncio.sleep(seconds)
    return f"coffee from {beans}"


async def make_coffee(order: int) -> str:
    rng = random.Random(order)  # (1)!
    beans = await grind(order, rng)  # (2)!
    coffee = await brew(beans, rng)
    log(f"order {order}: ready, {coffee}")
    return coffee


async def main(orders: list[int]) -> None:
    coffees = await asyncio.gather(*(make_coffee(n) for n in orders))  # (3)!
    log(f"served {len(coffees)} coffees")


if __name__ == "__main__":
    orders = [int(arg) for arg in sys.argv[1:]] or [1, 2, 3]
    asyncio.run(main(orders))
