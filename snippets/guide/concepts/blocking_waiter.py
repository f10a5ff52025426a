"""A waiter does rounds of the dining room while the kitchen waits for the soup."""

import asyncio
import time


async def waiter(log) -> None:
    for round_ in range(1, 5):
        log(f"waiter: round {round_} of the dining room")
        await asyncio.sleep(0.2)


def simmer(seconds: float) -> None:
    time.sleep(seconds)  # (1)!


async def kitchen(log, blocking: bool) -> None:
    log("kitchen: soup on the stove for 0.5 s")
    if blocking:
        simmer(0.5)
    else:
        await asyncio.sleep(0.5)  # (2)!
    log("kitchen: soup is ready")


async def evening(blocking: bool) -> None:
    print("--", "time.sleep (blocking)" if blocking else "asyncio.sleep (non-blocking)")
    start = time.perf_counter()

    def log(message: str) -> None:
        print(f"{time.perf_counter() - start:4.2f} s  {message}")

    await asyncio.gather(waiter(log), kitchen(log, blocking))  # (3)!


async def main() -> None:
    await evening(blocking=True)
    await evening(blocking=False)


asyncio.run(main())
