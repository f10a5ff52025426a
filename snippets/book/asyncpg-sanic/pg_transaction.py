"""A transaction with asyncpg: all of its statements take effect, or none of them."""

import asyncio
import os

import asyncpg

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://postgres@localhost:5432/postgres")
ADD = "UPDATE mast SET sensors = sensors + $1 WHERE name = $2"
TAKE = "UPDATE mast SET sensors = sensors - $1 WHERE name = $2"


async def move_sensor(conn, sensor, source, target):
    async with conn.transaction():  # (1)!
        await conn.execute(ADD, sensor, target)  # (2)!
        await conn.execute(TAKE, sensor, source)  # (3)!


async def show(conn, label):
    rows = await conn.fetch("SELECT name, sensors FROM mast ORDER BY name")
    print(f"{label:<18}", ", ".join(f"{r['name']}: {r['sensors']}" for r in rows))


async def main():
    conn = await asyncpg.connect(DATABASE_URL)
    await conn.execute("""
        DROP TABLE IF EXISTS mast;
        CREATE TABLE mast (name text PRIMARY KEY, sensors integer CHECK (sensors >= 0));
        INSERT INTO mast VALUES ('Harbour', 2), ('Hilltop', 1);
    """)
    await show(conn, "start")
    await move_sensor(conn, 1, "Harbour", "Hilltop")
    await show(conn, "moved 1")
    try:
        await move_sensor(conn, 3, "Harbour", "Hilltop")  # (4)!
    except asyncpg.CheckViolationError as error:  # (5)!
        print(f"{'moving 3 failed':<18} {type(error).__name__}: {error.message}")
    await show(conn, "after the failure")
    await conn.close()


asyncio.run(main())
