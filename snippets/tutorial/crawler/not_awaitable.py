"""A blocking HTTP library returns a finished response, not something to await."""

import asyncio
import time
import urllib.request

URL = "http://127.0.0.1:8765/api/reference"  # the demo site answers after 5 s


async def heartbeat() -> None:
    while True:
        await asyncio.sleep(0.5)
        print("heartbeat")


async def main() -> None:
    asyncio.create_task(heartbeat())
    await asyncio.sleep(0)
    start = time.perf_counter()
    try:
        await urllib.request.urlopen(URL)  # (1)!
    finally:
        print(f"urlopen returned after {time.perf_counter() - start:.1f} s, no heartbeat meanwhile")


asyncio.run(main())
