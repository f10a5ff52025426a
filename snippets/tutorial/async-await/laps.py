"""Three runners, one track, one thread: a scoreboard shows them take turns."""

import asyncio
import time

LAPS = 3
laps_done = {"Ada": 0, "Bo": 0, "Cy": 0}  # the scoreboard every runner writes to


def show_scoreboard(elapsed: float) -> None:
    board = "  ".join(f"{name} {laps}" for name, laps in laps_done.items())
    print(f"{elapsed:4.2f} s  {board}")


async def run(name: str, lap_time: float, start: float) -> float:
    for lap in range(1, LAPS + 1):
        await asyncio.sleep(start + lap * lap_time - time.perf_counter())  # (1)!
        laps_done[name] += 1  # (2)!
        show_scoreboard(time.perf_counter() - start)
    return time.perf_counter() - start


async def main() -> None:
    paces = {"Cy": 0.5, "Bo": 0.4, "Ada": 0.3}  # (3)!
    start = time.perf_counter()  # the starting signal, once the loop is running
    runners = (run(name, pace, start) for name, pace in paces.items())
    finish = await asyncio.gather(*runners)
    print("in the order of the gather call:")
    for name, seconds in zip(paces, finish, strict=True):
        print(f"  {name} finished after {seconds:.2f} s")
    total = LAPS * sum(paces.values())
    print(f"all {LAPS * len(paces)} laps add up to {total:.2f} s")


asyncio.run(main())
