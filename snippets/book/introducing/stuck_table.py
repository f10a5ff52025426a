"""The same stuck table with one bot on an event loop: the manager can cancel the wait."""

import asyncio


async def serve(table: int, guests_gone: asyncio.Event) -> None:
    await asyncio.sleep(0.2)  # serve the meal
    try:
        await guests_gone.wait()
    except asyncio.CancelledError:  # (1)!
        print(f"table {table}: closing time, clearing up anyway")
        raise
    print(f"table {table}: guests gone, table cleared")


async def main() -> None:
    guests_gone = {1: asyncio.Event(), 2: asyncio.Event()}
    tasks = {table: asyncio.create_task(serve(table, gone)) for table, gone in guests_gone.items()}
    guests_gone[1].set()  # the guests at table 2 never leave
    done, stuck = await asyncio.wait(tasks.values(), timeout=0.5)
    for task in stuck:
        task.cancel()  # (2)!
    await asyncio.gather(*tasks.values(), return_exceptions=True)
    for table, task in tasks.items():
        print(f"table {table}: {'cancelled' if task.cancelled() else 'finished'}")


asyncio.run(main())
