"""A client for the cache API (`cache_api.py`): cache hits, and evictions after changes.

It reads stations through the API and changes them both through the API and directly in
the database, behind the API's back. Each change reaches the API as a notification from
the trigger; the client waits until the API has counted it before reading again. Run it
while `python cache_api.py` is running, with the same `DATABASE_URL`.
"""

import asyncio

import asyncpg
import cache_db
import httpx

API = "http://127.0.0.1:25300"


async def read(http: httpx.AsyncClient, station_id: int) -> None:
    """Read one station through the API and say whether the cache answered."""
    response = await http.get(f"/stations/{station_id}")
    body = response.json()
    if response.status_code == 404:
        print(f"GET station {station_id}: 404, {body['error']}")
        return
    source = "cache hit" if body["cached"] else "cache miss"
    print(f"GET station {station_id}: {body['name']} is {body['status']} ({source})")


async def notifications_reach(http: httpx.AsyncClient, count: int, limit: float = 2.0) -> None:
    """Wait until the API has received `count` notifications; give up after `limit` s."""
    async with asyncio.timeout(limit):  # (1)!
        while (await http.get("/stats")).json()["notifications"] < count:
            await asyncio.sleep(0.02)


async def main() -> None:
    """Run the scenario; print every step in order, and the API's statistics at the end."""
    db = await asyncpg.connect(cache_db.DATABASE_URL)
    async with httpx.AsyncClient(base_url=API) as http:
        await read(http, 2)
        await read(http, 2)  # (2)!
        await db.execute("UPDATE station SET status = 'maintenance' WHERE id = 2")  # (3)!
        print("-- station 2 set to maintenance directly in the database")
        await notifications_reach(http, 1)
        await read(http, 2)

        await read(http, 1)
        response = await http.put("/stations/1", json={"status": "offline"})
        print(f"-- PUT station 1 through the API: {response.status_code}")
        await notifications_reach(http, 2)  # (4)!
        await read(http, 1)

        await read(http, 4)
        await db.execute("DELETE FROM station WHERE id = 4")
        print("-- station 4 deleted directly in the database")
        await notifications_reach(http, 3)
        await read(http, 4)

        stats = (await http.get("/stats")).json()
    await db.close()
    print("cache:", stats["cache"])
    calls = {name: row["calls"] for name, row in stats["endpoints"].items()}
    print("calls per endpoint:", calls)  # (5)!


if __name__ == "__main__":
    asyncio.run(main())
