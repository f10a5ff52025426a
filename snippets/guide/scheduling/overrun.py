"""When one run takes longer than the interval, skip the ticks it missed."""

import asyncio
import math

INTERVAL = 0.4
JOB_SECONDS = [0.1, 1.0, 0.1, 0.1]  # the second run is slow


async def main() -> None:
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    slot = 0
    for seconds in JOB_SECONDS:
        print(f"slot {slot} starts at {loop.time() - t0:.2f} s")
        await asyncio.sleep(seconds)  # the job
        slot += 1
        late = loop.time() - (t0 + slot * INTERVAL)
        if late > 0:  # (1)!
            missed = math.ceil(late / INTERVAL)
            print(f"  overran by {late:.2f} s: skipping {missed} slot(s)")
            slot += missed
        await asyncio.sleep(t0 + slot * INTERVAL - loop.time())


asyncio.run(main())
