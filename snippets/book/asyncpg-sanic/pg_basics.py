"""asyncpg basics: connect, create a table, insert with parameters, read rows back."""

import asyncio
import os

import asyncpg

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://postgres@localhost:5432/postgres")

READINGS = [
    ("Harbour", 11.5, 82),
    ("Hilltop", 7.25, 64),
    ("Airfield", 9.75, 71),
    ("Harbour", 12.0, 79),
]


async def main():
    conn = await asyncpg.connect(DATABASE_URL)  # (1)!
    await conn.execute("""
        DROP TABLE IF EXISTS reading;
        CREATE TABLE reading (
            id serial PRIMARY KEY,
            station text NOT NULL,
            temp_c numeric(4, 2) NOT NULL,
            humidity integer NOT NULL
        )
    """)  # (2)!
    await conn.executemany(
        "INSERT INTO reading (station, temp_c, humidity) VALUES ($1, $2, $3)", READINGS
    )  # (3)!

    rows = await conn.fetch("SELECT * FROM reading WHERE station = $1 ORDER BY id", "Harbour")
    for row in rows:  # (4)!
        print(f"fetch:    #{row['id']} {row['station']} {row['temp_c']} °C, {row['humidity']} %")

    warmest = await conn.fetchrow("SELECT station, temp_c FROM reading ORDER BY temp_c DESC")
    print(f"fetchrow: warmest {warmest['station']} at {warmest['temp_c']} °C, {dict(warmest)}")

    count = await conn.fetchval("SELECT count(*) FROM reading WHERE humidity > $1", 70)
    print(f"fetchval: {count} readings above 70 % humidity ({type(count).__name__})")

    status = await conn.execute(
        "UPDATE reading SET humidity = humidity - 5 WHERE station = $1", "Harbour"
    )
    print(f"execute:  {status!r}")  # (5)!
    await conn.close()


asyncio.run(main())
