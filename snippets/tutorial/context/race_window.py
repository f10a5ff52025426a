"""Where a read-modify-write can be interrupted: anywhere in a thread, only at await in a task."""

import asyncio
import threading
import time


class Counter:
    def __init__(self) -> None:
        self.value = 0


def crunch(seconds: float) -> None:
    """Pure computation: nothing in here waits or releases the interpreter on purpose."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def bump_in_thread(counter: Counter) -> None:
    for _ in range(10):
        current = counter.value
        crunch(0.01)  # (1)!
        counter.value = current + 1


async def bump_in_task(counter: Counter, pause: bool) -> None:
    for _ in range(1_000):
        current = counter.value
        if pause:
            await asyncio.sleep(0)  # (2)!
        counter.value = current + 1


counter = Counter()
threads = [threading.Thread(target=bump_in_thread, args=(counter,)) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"4 threads, 40 increments: updates lost: {counter.value < 40}")


async def main(pause: bool) -> None:
    counter = Counter()
    await asyncio.gather(*(bump_in_task(counter, pause) for _ in range(4)))
    label = "with an await inside" if pause else "no await inside"
    print(f"4 tasks, {label}: {counter.value:,} of 4,000")  # (3)!


asyncio.run(main(pause=False))
asyncio.run(main(pause=True))
