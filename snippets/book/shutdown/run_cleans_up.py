"""The same program under asyncio.run(): the left-over task is cancelled, not destroyed."""

import asyncio


async def autosave():
    try:
        while True:
            await asyncio.sleep(0.3)
            print("autosave: draft saved")
    except asyncio.CancelledError:  # (1)!
        print("autosave: cancelled, saving one last time")
        raise


async def main():
    asyncio.create_task(autosave())
    await asyncio.sleep(0.75)
    print("main: done")


asyncio.run(main())  # (2)!
print("program: end")
