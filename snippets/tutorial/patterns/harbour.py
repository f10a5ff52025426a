"""Producers and consumers around a queue: cranes unload, trucks haul away.

The same six containers are cleared twice, first by one truck, then by two.
"""

import asyncio

# crane -> the moments it sets its containers down on the quay
UNLOADS = {"A": [0.2, 1.0, 1.8], "B": [0.6, 1.4, 2.2]}
HAUL = 0.5  # seconds a truck needs to take a container away and come back


async def crane(name: str, quay: asyncio.Queue, clock) -> None:
    for number, at in enumerate(UNLOADS[name], start=1):
        await asyncio.sleep(at - clock())  # (1)!
        await quay.put((f"{name}{number}", at))  # (2)!


async def truck(name: str, quay: asyncio.Queue, clock) -> None:
    while True:
        box, set_down = await quay.get()  # (3)!
        event = f"truck {name} takes {box}, set down at {set_down:.1f} s"
        print(f"  {clock():3.1f} s  {event}")
        await asyncio.sleep(HAUL)
        quay.task_done()  # (4)!


async def clear_quay(trucks: int) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()

    def clock() -> float:
        return loop.time() - started

    quay: asyncio.Queue = asyncio.Queue()
    names = "xy"[:trucks]
    fleet = [asyncio.create_task(truck(name, quay, clock)) for name in names]
    await asyncio.gather(*(crane(name, quay, clock) for name in UNLOADS))
    await quay.join()  # (5)!
    for task in fleet:
        task.cancel()  # (6)!
    await asyncio.gather(*fleet, return_exceptions=True)
    print(f"  quay clear after {clock():.1f} s")


async def main() -> None:
    for trucks, label in ((1, "one truck"), (2, "two trucks")):
        print(f"{label}:")
        await clear_quay(trucks)


asyncio.run(main())
