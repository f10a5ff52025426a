import asyncio
import time

import httpx

BASE = "http://127.0.0.1:25401"
CODES = ["USD", "GBP", "JPY", "CHF"]


def sync_lookup():
    with httpx.Client(base_url=BASE) as client:  # (1)!
        reply = client.get("/rates/USD")
        print("sync: ", reply.status_code, reply.json())


async def async_lookup():
    async with httpx.AsyncClient(base_url=BASE) as client:  # (2)!
        reply = await client.get("/rates/USD")
        print("async:", reply.status_code, reply.json())

        start = time.perf_counter()
        for code in CODES:
            await client.get(f"/rates/{code}")
        print(f"{len(CODES)} requests one after another: {time.perf_counter() - start:.2f} s")

        start = time.perf_counter()
        replies = await asyncio.gather(*(client.get(f"/rates/{c}") for c in CODES))  # (3)!
        rates = {r.json()["code"]: r.json()["per_eur"] for r in replies}
        print(f"{len(CODES)} requests at once:         {time.perf_counter() - start:.2f} s")
        print("rates:", rates)

        missing = await client.get("/rates/XYZ")
        print("unknown:", missing.status_code, missing.text)  # (4)!


sync_lookup()
asyncio.run(async_lookup())
