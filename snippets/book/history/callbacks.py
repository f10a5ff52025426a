"""The callback era: each step names the function that runs when the step is over."""

import asyncio
import time

# station: (seconds to connect, seconds to read, reading in °C)
STATIONS = {"harbour": (0.1, 0.2, 11.5), "summit": (0.2, 0.3, -2.0)}


def log(message: str) -> None:
    print(f"{time.perf_counter() - START:.2f} s  {message}")


def poll(loop, station, on_reading):
    connect, read, value = STATIONS[station]

    def connected():  # (1)!
        log(f"{station}: connected")
        loop.call_later(read, got_reading)

    def got_reading():
        log(f"{station}: {value} °C")
        on_reading(station, value)  # (2)!

    loop.call_later(connect, connected)


async def main():
    loop = asyncio.get_running_loop()
    finished = loop.create_future()
    readings = {}

    def collect(station, value):  # (3)!
        readings[station] = value
        if len(readings) == len(STATIONS):
            finished.set_result(readings)

    for station in STATIONS:
        poll(loop, station, collect)
    print("all readings:", await finished)  # (4)!


START = time.perf_counter()
asyncio.run(main())
