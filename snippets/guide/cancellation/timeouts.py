"""wait_for, asyncio.timeout and asyncio.timeout_at around slow steps."""

import asyncio
import time

start = time.perf_counter()


def log(message: str) -> None:
    print(f"{time.perf_counter() - start:.2f} s  {message}")


async def step(name: str, seconds: float) -> str:
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        log(f"  {name} got CancelledError")  # (1)!
        raise
    log(f"  {name} done")
    return name


async def main() -> None:
    try:
        await asyncio.wait_for(step("ping", 0.5), timeout=0.2)  # (2)!
    except TimeoutError:
        log("wait_for: ping took too long")

    try:
        async with asyncio.timeout(0.8) as cm:  # (3)!
            await step("login", 0.2)
            await step("download", 0.2)
            await step("logout", 0.8)
    except TimeoutError:
        log(f"timeout: the whole session took too long (expired: {cm.expired()})")

    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.8  # (4)!
    for name, seconds in [("first", 0.2), ("second", 0.2), ("third", 0.8)]:
        try:
            async with asyncio.timeout_at(deadline):
                await step(name, seconds)
        except TimeoutError:
            log(f"timeout_at: no time left for {name}")


asyncio.run(main())
