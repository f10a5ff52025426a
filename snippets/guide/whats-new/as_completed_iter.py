"""Python 3.13: `async for` over as_completed() yields the original tasks."""

import asyncio


async def quote(shop: str, delay: float, price: float) -> float:
    await asyncio.sleep(delay)
    return price


async def main() -> None:
    offers = {"north": (0.3, 19.5), "east": (0.1, 21.0), "west": (0.2, 18.9)}
    tasks = [asyncio.create_task(quote(shop, *offer), name=shop) for shop, offer in offers.items()]
    async for task in asyncio.as_completed(tasks):  # (1)!
        print(f"{task.get_name()}: {task.result():.2f}")  # (2)!


asyncio.run(main())
