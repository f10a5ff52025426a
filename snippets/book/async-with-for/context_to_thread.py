"""Blocking setup and teardown, moved to threads inside an async context manager."""

import asyncio
import time
from contextlib import asynccontextmanager

START = time.perf_counter()


def elapsed() -> str:
    return f"{time.perf_counter() - START:.2f} s"


def check_out(feature: str) -> str:  # (1)!
    time.sleep(0.75)  # a licence server's blocking client library
    return f"{feature}-key-0042"


def check_in(key: str) -> None:
    time.sleep(0.5)


@asynccontextmanager
async def licence(feature: str):
    key = await asyncio.to_thread(check_out, feature)  # (2)!
    print(f"  {elapsed()} got {key}")
    try:
        yield key
    finally:
        await asyncio.to_thread(check_in, key)  # (3)!
        print(f"  {elapsed()} handed {key} back")


async def ticker() -> None:
    while True:
        await asyncio.sleep(0.5)
        print(f"  {elapsed()} tick")


async def main() -> None:
    ticks = asyncio.create_task(ticker())
    async with licence("render") as key:
        print(f"  {elapsed()} rendering with {key}")
        await asyncio.sleep(0.5)
    ticks.cancel()


asyncio.run(main())
