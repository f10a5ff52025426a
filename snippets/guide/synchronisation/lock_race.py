"""Three waiters add their tips to one jar; reading and writing are split by an await."""

import asyncio

jar = 0


async def add_tips(waiter: str, tips: int, counting: float) -> None:
    global jar
    seen = jar  # (1)!
    print(f"{waiter} sees {seen} in the jar")
    await asyncio.sleep(counting)  # (2)!
    jar = seen + tips  # (3)!
    print(f"{waiter} puts in {tips}: jar = {jar}")


async def main() -> None:
    await asyncio.gather(
        add_tips("Ann", 10, 0.1),
        add_tips("Ben", 20, 0.2),
        add_tips("Cai", 30, 0.3),
    )
    print(f"the jar holds {jar}, it should hold 60")


asyncio.run(main())
