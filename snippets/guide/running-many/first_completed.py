"""asyncio.wait with FIRST_COMPLETED: download from two mirrors, keep the faster one."""

import asyncio


async def download(mirror: str, seconds: float) -> str:
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{mirror}: download stopped")
        raise
    return f"catalogue.csv from {mirror}"


async def main() -> None:
    tasks = {
        asyncio.create_task(download("mirror-a", 0.4), name="mirror-a"),  # (1)!
        asyncio.create_task(download("mirror-b", 0.2), name="mirror-b"),
    }
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)  # (2)!
    print("done:", [t.get_name() for t in done], "pending:", [t.get_name() for t in pending])
    for task in pending:
        task.cancel()  # (3)!
    await asyncio.wait(pending)
    winner = done.pop()
    print("got", winner.result())  # (4)!


asyncio.run(main())
