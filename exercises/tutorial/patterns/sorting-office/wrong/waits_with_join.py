"""A sorting office: parcels go into one tray, and sorters take them out one by one."""

import asyncio

SORT_TIME = 0.2  # seconds a sorter needs for one parcel


async def sorter(tray: asyncio.Queue, done: list[str]) -> None:
    while True:
        parcel = await tray.get()
        await asyncio.sleep(SORT_TIME)  # reading the address, choosing the bag
        done.append(parcel)


async def sort_all(parcels: list[str], sorters: int) -> list[str]:
    """Sort every parcel with `sorters` sorters sharing one tray; return the parcels in
    the order they were sorted."""
    tray: asyncio.Queue[str] = asyncio.Queue()
    done: list[str] = []
    workers = [asyncio.create_task(sorter(tray, done)) for _ in range(sorters)]
    for parcel in parcels:
        tray.put_nowait(parcel)
    while len(done) < len(parcels):  # look again every 10 ms
        await asyncio.sleep(0.01)
    for worker in workers:
        worker.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    return done


async def main() -> None:
    done = await sort_all(["Deal", "Ayr", "Eye", "Bath", "Cork", "Ely"], sorters=2)
    print(f"{len(done)} parcels sorted:", ", ".join(sorted(done)))


if __name__ == "__main__":
    asyncio.run(main())
