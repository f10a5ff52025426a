"""What one waiting thread and one waiting task cost, measured on this machine."""

import asyncio
import platform
import resource
import threading
import tracemalloc

N_TASKS = 10_000
N_THREADS = 100


async def count_tasks() -> float:
    gate = asyncio.Event()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    tasks = [asyncio.create_task(gate.wait()) for _ in range(N_TASKS)]
    await asyncio.sleep(0)  # every task starts and waits on the gate
    per_task = (tracemalloc.get_traced_memory()[0] - before) / N_TASKS
    tracemalloc.stop()
    gate.set()
    await asyncio.gather(*tasks)
    return per_task


per_task = asyncio.run(count_tasks())
print(f"{N_TASKS:,} waiting tasks: each under 2 KB of memory: {per_task < 2048}")  # (1)!

gate = threading.Event()
threads = [threading.Thread(target=gate.wait) for _ in range(N_THREADS)]
for thread in threads:
    thread.start()
print(f"{threading.active_count() - 1} waiting threads started")
if platform.libc_ver()[0] == "glibc":
    stack, _ = resource.getrlimit(resource.RLIMIT_STACK)  # (2)!
    if stack == resource.RLIM_INFINITY:
        print("stack reserved for each thread: glibc's built-in default")
    else:
        print(f"stack reserved for each thread: {stack // 2**20} MiB of address space")
gate.set()
for thread in threads:
    thread.join()
