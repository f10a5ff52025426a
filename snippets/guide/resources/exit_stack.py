"""AsyncExitStack: enter as many async context managers as the data asks for."""

import asyncio
import contextlib


@contextlib.asynccontextmanager
async def connect(shard: str):
    await asyncio.sleep(0.05)
    if shard == "shard-9":
        raise ConnectionError(f"{shard} is down")
    print(f"open  {shard}")
    try:
        yield shard
    finally:
        print(f"close {shard}")


async def send_usage(count: int) -> None:
    await asyncio.sleep(0.05)
    print(f"usage report sent: {count} connections")


async def query_all(shards: list[str]) -> None:
    async with contextlib.AsyncExitStack() as stack:  # (1)!
        conns = [await stack.enter_async_context(connect(s)) for s in shards]  # (2)!
        stack.push_async_callback(send_usage, len(conns))  # (3)!
        print(f"querying {conns}")


async def main() -> None:
    await query_all(["shard-1", "shard-2", "shard-3"])
    print("---")
    try:
        await query_all(["shard-1", "shard-2", "shard-9"])  # (4)!
    except ConnectionError as error:
        print(f"main caught: {error}")


asyncio.run(main())
