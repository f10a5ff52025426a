"""asyncio.Runner (Python 3.11+): several top-level calls on one event loop."""

import asyncio


async def connect() -> str:
    await asyncio.sleep(0.1)
    return f"connection made on loop {id(asyncio.get_running_loop()):#x}"


async def query(sql: str) -> str:
    await asyncio.sleep(0.1)
    return f"{sql!r} ran on loop {id(asyncio.get_running_loop()):#x}"


with asyncio.Runner() as runner:  # (1)!
    print(runner.run(connect()))
    print(runner.run(query("SELECT 1")))  # (2)!
    print(runner.run(query("SELECT 2")))
print("the runner closed its loop on the way out")
