"""A grace period at shutdown: finish what you can in 0.6 s, cancel the rest."""

import asyncio


async def request(name, seconds):
    try:
        await asyncio.sleep(seconds)
        print(f"{name}: answered")
    except asyncio.CancelledError:
        print(f"{name}: cancelled, the client will retry elsewhere")
        raise


async def main():
    in_flight = [
        asyncio.create_task(request(name, seconds))
        for name, seconds in [("GET /menu", 0.2), ("POST /order", 0.4), ("GET /report", 3.0)]
    ]
    loop = asyncio.get_running_loop()
    start = loop.time()
    print("shutting down: 3 requests in flight, grace period 0.6 s")
    try:
        async with asyncio.timeout(0.6):  # (1)!
            await asyncio.gather(*in_flight)  # (2)!
    except TimeoutError:
        print(f"grace period over after {loop.time() - start:.2f} s")
    finished = sum(not task.cancelled() for task in in_flight)
    print(f"{finished} answered, {len(in_flight) - finished} cancelled")


asyncio.run(main())
