"""as_completed: take quotes as they arrive and stop at the first cheap enough one."""

import asyncio
import time

QUOTES = {"north": (0.3, 95), "east": (0.1, 120), "south": (0.2, 88), "west": (0.4, 70)}


async def quote(supplier: str) -> tuple[str, int]:
    seconds, price = QUOTES[supplier]
    await asyncio.sleep(seconds)
    return supplier, price


async def main() -> None:
    start = time.perf_counter()
    tasks = [asyncio.create_task(quote(s)) for s in QUOTES]
    for next_quote in asyncio.as_completed(tasks):  # (1)!
        supplier, price = await next_quote  # (2)!
        print(f"{time.perf_counter() - start:.2f} s  {supplier} asks {price}")
        if price < 90:
            print(f"taking {supplier}'s offer")
            break
    for task in tasks:
        task.cancel()  # (3)!
    await asyncio.gather(*tasks, return_exceptions=True)
    print("cancelled:", sum(task.cancelled() for task in tasks))


asyncio.run(main())
