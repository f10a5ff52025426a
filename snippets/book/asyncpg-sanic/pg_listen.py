"""LISTEN/NOTIFY with asyncpg: one connection listens, another one sends."""

import asyncio
import os

import asyncpg

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://postgres@localhost:5432/postgres")


async def main():
    inbox = asyncio.Queue()

    def on_alert(connection, pid, channel, payload):  # (1)!
        inbox.put_nowait((channel, payload))

    listener = await asyncpg.connect(DATABASE_URL)
    sender = await asyncpg.connect(DATABASE_URL)
    await listener.add_listener("alerts", on_alert)  # (2)!

    await sender.execute("NOTIFY alerts, 'Hilltop: gusts over 80 km/h'")  # (3)!
    print("received", await asyncio.wait_for(inbox.get(), 2))

    await sender.execute("SELECT pg_notify($1, $2)", "alerts", "Harbour: fog")  # (4)!
    print("received", await asyncio.wait_for(inbox.get(), 2))

    async with sender.transaction():
        await sender.execute("SELECT pg_notify('alerts', 'Airfield: ice on the runway')")
        await asyncio.sleep(0.2)
        print(f"inside the transaction: {inbox.qsize()} waiting")  # (5)!
    print("after COMMIT, received", await asyncio.wait_for(inbox.get(), 2))

    await listener.remove_listener("alerts", on_alert)
    await asyncio.gather(listener.close(), sender.close())


asyncio.run(main())
