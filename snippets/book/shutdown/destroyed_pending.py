"""A loop managed by hand, closed while a task is still pending."""

import asyncio
import gc


async def autosave():
    while True:
        await asyncio.sleep(0.3)
        print("autosave: draft saved")


async def main():
    asyncio.create_task(autosave())  # (1)!
    await asyncio.sleep(0.75)
    print("main: done")


loop = asyncio.new_event_loop()
loop.run_until_complete(main())  # (2)!
loop.close()  # (3)!
gc.collect()  # (4)!
print("program: end")
