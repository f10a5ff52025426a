"""The database side of the cache case study: the `station` table, its trigger, seed rows.

`setup()` (re)creates the table, fills it with a few weather stations and installs the
trigger from `cache_triggers.sql`, which announces every changed row on the channel
`station_changes`. Run `python cache_db.py` to set up the database in `DATABASE_URL` by
hand and watch the trigger at work.
"""

import asyncio
import os
from pathlib import Path

import asyncpg

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://postgres@localhost:5432/postgres")
"""Where the database is; the tests point it at a throwaway PostgreSQL server."""
CHANNEL = "station_changes"
"""The channel the trigger sends its notifications on."""
TRIGGER_SQL = Path(__file__).with_name("cache_triggers.sql")
"""The trigger function and the trigger, in SQL."""

STATIONS = [
    ("Harbour", "coast", "online"),
    ("Hilltop", "uplands", "online"),
    ("Airfield", "plain", "online"),
    ("Lighthouse", "coast", "online"),
]


async def setup(conn: asyncpg.Connection) -> None:
    """Drop and recreate the `station` table, seed it, then install the trigger.

    Everything happens in one transaction, so readers of the table never see it half
    built. The rows are inserted before the trigger exists: seeding sends no notifications.
    """
    async with conn.transaction():
        await conn.execute("""
            DROP TABLE IF EXISTS station;
            CREATE TABLE station (
                id serial PRIMARY KEY,
                name text NOT NULL UNIQUE,
                region text NOT NULL,
                status text NOT NULL
            );
        """)
        await conn.executemany(
            "INSERT INTO station (name, region, status) VALUES ($1, $2, $3)", STATIONS
        )
        await conn.execute(TRIGGER_SQL.read_text())  # (1)!


async def main() -> None:
    """Set up the database, then change three rows and print what the trigger sends."""
    conn = await asyncpg.connect(DATABASE_URL)
    await setup(conn)
    for row in await conn.fetch("SELECT * FROM station ORDER BY id"):
        print(dict(row))

    changes = asyncio.Queue()

    def collect(connection, pid, channel, payload):
        changes.put_nowait(payload)

    await conn.add_listener(CHANNEL, collect)  # (2)!
    await conn.execute(
        "INSERT INTO station (name, region, status) VALUES ('Quarry', 'uplands', 'online')"
    )
    await conn.execute("UPDATE station SET status = 'offline' WHERE name = 'Hilltop'")
    await conn.execute("DELETE FROM station WHERE name = 'Airfield'")
    for _ in range(3):
        payload = await asyncio.wait_for(changes.get(), 2)
        print(f"{CHANNEL}: {payload}")  # (3)!
    await conn.close()


if __name__ == "__main__":
    asyncio.run(main())
