"""Each thread can run its own event loop; a loop belongs to the thread that runs it."""

import asyncio
import threading


async def where_am_i(label: str) -> asyncio.AbstractEventLoop:
    await asyncio.sleep(0.1)
    loop = asyncio.get_running_loop()  # (1)!
    print(f"{label}: running in {threading.current_thread().name}")
    return loop


def in_a_thread(results: list) -> None:
    results.append(asyncio.run(where_am_i("worker")))  # (2)!


results: list[asyncio.AbstractEventLoop] = []
worker = threading.Thread(target=in_a_thread, args=(results,), name="worker-thread")
worker.start()
worker.join()
results.append(asyncio.run(where_am_i("main")))
print("two different loops:", results[0] is not results[1])

try:
    asyncio.get_running_loop()  # (3)!
except RuntimeError as error:
    print("outside any loop:", error)
