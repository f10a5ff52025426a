"""The same tip jar, with a lock around each read-modify-write."""

import asyncio

jar = 0
jar_lock = asyncio.Lock()  # (1)!


async def add_tips(waiter: str, tips: int, counting: float) -> None:
    global jar
    async with jar_lock:  # (2)!
        seen = jar
        print(f"{waiter} sees {seen} in the jar")
        await asyncio.sleep(counting)
        jar = seen + tips
        print(f"{waiter} puts in {tips}: jar = {jar}")


async def main() -> None:
    await asyncio.gather(
        add_tips("Ann", 10, 0.1),
        add_tips("Ben", 20, 0.2),
        add_tips("Cai", 30, 0.3),
    )
    print(f"the jar holds {jar}, it should hold 60")


asyncio.run(main())
