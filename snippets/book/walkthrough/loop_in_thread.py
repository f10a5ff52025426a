"""One event loop per thread; a coroutine can be handed to another thread's loop."""

import asyncio
import threading


async def report(job: str) -> str:
    await asyncio.sleep(0.1)
    return f"{job} ran in {threading.current_thread().name}"


def serve(loop: asyncio.AbstractEventLoop) -> None:
    loop.run_forever()  # (1)!


try:
    asyncio.get_running_loop()
except RuntimeError as error:
    print("at module level:", error)  # (2)!

side_loop = asyncio.new_event_loop()
side = threading.Thread(target=serve, args=(side_loop,), name="side-thread")
side.start()


async def main() -> None:
    print("main's loop is the side loop:", asyncio.get_running_loop() is side_loop)
    print(await report("job 1"))
    future = asyncio.run_coroutine_threadsafe(report("job 2"), side_loop)  # (3)!
    print(await asyncio.wrap_future(future))  # (4)!


asyncio.run(main())
side_loop.call_soon_threadsafe(side_loop.stop)  # (5)!
side.join()
side_loop.close()
print("both loops are closed")
