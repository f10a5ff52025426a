"""What asyncio.run() does for you, spelled out with the low-level loop API."""

import asyncio

background: set[asyncio.Task] = set()  # strong references to tasks started "for later"


async def heartbeat(label: str) -> None:
    beats = 0
    try:
        while True:
            await asyncio.sleep(0.1)
            beats += 1
    except asyncio.CancelledError:
        print(f"  {label}: the forgotten heartbeat was cancelled after {beats} beats")
        raise


async def main(label: str) -> str:
    background.add(asyncio.create_task(heartbeat(label)))  # (1)!
    await asyncio.sleep(0.25)
    return f"{label}: main() returned"


def run_by_hand(coro):
    loop = asyncio.new_event_loop()  # (2)!
    try:
        return loop.run_until_complete(coro)  # (3)!
    finally:
        pending = asyncio.all_tasks(loop)  # (4)!
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))  # (5)!
        loop.run_until_complete(loop.shutdown_asyncgens())  # (6)!
        loop.run_until_complete(loop.shutdown_default_executor())
        loop.close()  # (7)!


print(run_by_hand(main("by hand")))
print(asyncio.run(main("asyncio.run")))  # (8)!
