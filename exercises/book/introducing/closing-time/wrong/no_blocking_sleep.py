"""A bakery with one baker and many ovens: at closing time, whatever is still baking comes out."""

import asyncio
import time

ORDERS = {"rye": 0.2, "seeded": 0.4, "brioche": 5.0}  # seconds each loaf needs
CLOSING = 0.6  # seconds after opening


async def bake(loaf: str, seconds: float, ovens: dict[str, str]) -> str:
    ovens[loaf] = "on"
    try:
        await asyncio.sleep(seconds)
    finally:
        ovens[loaf] = "off"  # baked or not, the oven is switched off
    return loaf


async def close_bakery(
    orders: dict[str, float], closing: float, ovens: dict[str, str]
) -> list[str]:
    """Bake every order at once; at `closing` take out what is unfinished. The loaves
    that were baked, in the order of `orders`."""
    tasks = {loaf: asyncio.create_task(bake(loaf, s, ovens)) for loaf, s in orders.items()}
    done, pending = await asyncio.wait(tasks.values(), timeout=closing)
    for task in pending:
        task.cancel()
    time.sleep(0.05)  # give the ovens a moment to switch off
    if pending:
        await asyncio.wait(pending)  # until every cancelled loaf is out of its oven
    return [loaf for loaf, task in tasks.items() if task in done]


async def main() -> None:
    ovens: dict[str, str] = {}
    baked = await close_bakery(ORDERS, CLOSING, ovens)
    print("baked:", ", ".join(baked))
    still_on = [loaf for loaf, state in ovens.items() if state == "on"]
    print("ovens still on:", ", ".join(still_on) or "none")


if __name__ == "__main__":
    asyncio.run(main())
