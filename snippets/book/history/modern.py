"""The async/await era: the same two stations with today's asyncio."""

import asyncio
import time

# station: (seconds to connect, seconds to read, reading in °C)
STATIONS = {"harbour": (0.1, 0.2, 11.5), "summit": (0.2, 0.3, -2.0)}


def log(message: str) -> None:
    print(f"{time.perf_counter() - START:.2f} s  {message}")


async def poll(station: str) -> float:
    connect, read, value = STATIONS[station]
    await asyncio.sleep(connect)  # (1)!
    log(f"{station}: connected")
    await asyncio.sleep(read)
    log(f"{station}: {value} °C")
    return value


async def main() -> None:
    async with asyncio.TaskGroup() as group:  # (2)!
        tasks = {station: group.create_task(poll(station)) for station in STATIONS}
    print("all readings:", {station: task.result() for station, task in tasks.items()})


START = time.perf_counter()
asyncio.run(main())
