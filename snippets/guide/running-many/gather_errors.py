"""What gather does when one awaitable fails: by default, and with return_exceptions=True."""

import asyncio
import time

start = time.perf_counter()


def log(message: str) -> None:
    print(f"{time.perf_counter() - start:4.2f} s  {message}")


async def stock(supplier: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    if supplier == "east":
        raise ConnectionError("east is offline")
    log(f"{supplier} answered")
    return f"{supplier}: ok"


def checks():
    return stock("east", 0.1), stock("north", 0.2), stock("south", 0.3)


async def main() -> None:
    try:
        await asyncio.gather(*checks())
    except ConnectionError as exc:
        log(f"gather raised {exc!r}")  # (1)!
    await asyncio.sleep(0.3)  # (2)!

    log("-- again, with return_exceptions=True")
    results = await asyncio.gather(*checks(), return_exceptions=True)  # (3)!
    log(f"results: {results}")


asyncio.run(main())
