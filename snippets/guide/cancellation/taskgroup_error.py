"""One task in a TaskGroup fails: its siblings are cancelled and the group re-raises."""

import asyncio
import time

start = time.perf_counter()


def log(message: str) -> None:
    print(f"{time.perf_counter() - start:.2f} s  {message}")


async def fetch_price(shop: str, seconds: float) -> float:
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        log(f"{shop}: cancelled")
        raise
    if shop == "gadgetbarn":
        raise ConnectionError(f"{shop} refused the connection")  # (1)!
    log(f"{shop}: 19.99")
    return 19.99


async def main() -> None:
    try:
        async with asyncio.TaskGroup() as tg:  # (2)!
            for shop, seconds in [("bitmart", 0.1), ("gadgetbarn", 0.3), ("chipstop", 0.6)]:
                tg.create_task(fetch_price(shop, seconds))
        log("all prices in")  # never reached
    except* ConnectionError as group:  # (3)!
        for error in group.exceptions:
            log(f"giving up: {error}")


asyncio.run(main())
