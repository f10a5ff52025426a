"""A queue between producers and consumers: cranes unload containers, trucks haul them away.

The same six containers are cleared twice, first by one truck, then by three.
"""

import asyncio

UNLOADS = {"A": [0.1, 0.3, 0.5], "B": [0.2, 0.4, 0.6]}  # crane -> when it sets each one down
HAUL = 0.35  # seconds a truck needs to take a container away and come back


async def crane(name: str, quay: asyncio.Queue, clock) -> None:
    for number, at in enumerate(UNLOADS[name], start=1):
        await asyncio.sleep(at - clock())  # (1)!
        await quay.put((f"{name}{number}", at))  # (2)!


async def truck(name: str, quay: asyncio.Queue, clock) -> None:
    while True:
        container, set_down = await quay.get()  # (3)!
        print(f"  {clock():4.2f} s  truck {name} takes {container}, set down at {set_down:.2f} s")
        await asyncio.sleep(HAUL)
        quay.task_done()  # (4)!


async def clear_quay(trucks: int) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()

    def clock() -> float:
        return loop.time() - started

    quay: asyncio.Queue = asyncio.Queue()
    fleet = [asyncio.create_task(truck(name, quay, clock)) for name in "xyz"[:trucks]]
    await asyncio.gather(*(crane(name, quay, clock) for name in UNLOADS))
    await quay.join()  # (5)!
    for task in fleet:
        task.cancel()  # (6)!
    await asyncio.gather(*fleet, return_exceptions=True)
    print(f"  quay clear after {clock():.2f} s")


async def main() -> None:
    for trucks, label in ((1, "one truck"), (3, "three trucks")):
        print(f"{label}:")
        await clear_quay(trucks)


asyncio.run(main())
