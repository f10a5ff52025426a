"""Where a read-modify-write can be interrupted: anywhere in a thread, only at await in a task."""

import asyncio
import sys
import threading


class Counter:
    def __init__(self) -> None:
        self.value = 0


def note(_: int) -> None:
    """Any function call between the read and the write."""


def bump_in_thread(counter: Counter) -> None:
    for i in range(100_000):
        current = counter.value
        note(i)  # (1)!
        counter.value = current + 1


async def bump_in_task(counter: Counter, pause: bool) -> None:
    for i in range(1_000):
        current = counter.value
        note(i)
        if pause:
            await asyncio.sleep(0)  # (2)!
        counter.value = current + 1


sys.setswitchinterval(1e-6)  # switch threads as often as possible
counter = Counter()
threads = [threading.Thread(target=bump_in_thread, args=(counter,)) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"4 threads, 400,000 increments: updates lost: {counter.value < 400_000}")


async def main(pause: bool) -> None:
    counter = Counter()
    await asyncio.gather(*(bump_in_task(counter, pause) for _ in range(4)))
    label = "with an await inside" if pause else "no await inside"
    print(f"4 tasks, {label}: {counter.value:,} of 4,000")  # (3)!


asyncio.run(main(pause=False))
asyncio.run(main(pause=True))
