"""Twelve requests through one ClientSession, with and without a semaphore."""

import asyncio
import time

import aiohttp

BASE = "http://127.0.0.1:8771"
TIMEOUT = aiohttp.ClientTimeout(total=2, sock_connect=0.5)  # (1)!


async def fetch(session: aiohttp.ClientSession, gate: asyncio.Semaphore, n: int) -> int:
    async with gate:  # (2)!
        async with session.get(f"{BASE}/item/{n}") as response:
            response.raise_for_status()
            return (await response.json())["item"]  # (3)!


async def batch(session: aiohttp.ClientSession, limit: int) -> None:
    gate = asyncio.Semaphore(limit)
    start = time.perf_counter()
    items = await asyncio.gather(*(fetch(session, gate, n) for n in range(12)))
    elapsed = time.perf_counter() - start
    async with session.get(f"{BASE}/stats") as response:
        stats = await response.json()
    print(f"limit {limit:2}: items {items[0]}..{items[-1]} in {elapsed:.2f} s")
    print(f"          at most {stats['peak']} at once, over {stats['connections']} connections")


async def main() -> None:
    async with aiohttp.ClientSession(timeout=TIMEOUT) as session:  # (4)!
        await batch(session, limit=3)
        await batch(session, limit=12)


asyncio.run(main())
