"""Stopping consumers with Queue.shutdown() (Python 3.13+) instead of cancelling them."""

import asyncio


async def crane(quay: asyncio.Queue) -> None:
    for number in range(1, 5):
        await asyncio.sleep(0.4)
        await quay.put(f"C{number}")
    quay.shutdown()  # (1)!


async def truck(name: str, quay: asyncio.Queue) -> int:
    trips = 0
    while True:
        try:
            box = await quay.get()
        except asyncio.QueueShutDown:  # (2)!
            print(f"truck {name}: quay closed, parking after {trips} trips")
            return trips
        print(f"truck {name} hauls {box}")
        await asyncio.sleep(0.6)
        trips += 1


async def main() -> None:
    quay: asyncio.Queue = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(crane(quay))
        fleet = [tg.create_task(truck(name, quay)) for name in "xy"]
    print("containers hauled:", sum(t.result() for t in fleet))


asyncio.run(main())
