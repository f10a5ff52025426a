"""Python 3.11: asyncio.timeout() puts a deadline on a whole block."""

import asyncio
import time


async def main() -> None:
    start = time.perf_counter()
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(0.6) as deadline:  # (1)!
        await asyncio.sleep(0.4)
        print(f"first half downloaded at {time.perf_counter() - start:.2f} s")
        deadline.reschedule(loop.time() + 0.6)  # (2)!
        await asyncio.sleep(0.4)
        print(f"second half downloaded at {time.perf_counter() - start:.2f} s")

    try:
        async with asyncio.timeout(0.2):
            await asyncio.sleep(1)  # a server that never answers
    except TimeoutError:  # (3)!
        print(f"gave up at {time.perf_counter() - start:.2f} s")


asyncio.run(main())
