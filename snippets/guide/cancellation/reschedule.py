"""An idle timeout: every message that arrives pushes the deadline back."""

import asyncio
import time

IDLE = 0.5
start = time.perf_counter()


def log(message: str) -> None:
    print(f"{time.perf_counter() - start:.2f} s  {message}")


async def receive(gaps: list[float]):
    for n, gap in enumerate(gaps, 1):
        await asyncio.sleep(gap)
        yield f"message {n}"


async def main() -> None:
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(IDLE) as cm:  # (1)!
            async for message in receive([0.3, 0.1, 0.3, 0.8, 0.1]):
                cm.reschedule(loop.time() + IDLE)  # (2)!
                log(f"{message}; the deadline moves to {cm.when() - t0:.2f} s")
    except TimeoutError:
        log(f"connection idle for {IDLE} s, closing it")


asyncio.run(main())
