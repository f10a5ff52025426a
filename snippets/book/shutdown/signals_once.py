"""A batch worker: the first SIGINT or SIGTERM stops it gently, a second one is ignored."""

import asyncio
import signal

JOBS = [("invoice-1", 1.0), ("invoice-2", 1.5), ("invoice-3", 1.0), ("invoice-4", 0.8)]
SLOTS = 2  # jobs that may run at the same time


async def run_job(name, seconds):
    await asyncio.sleep(seconds)  # stands in for real work
    print(f"{name}: done after {seconds:.1f} s")


async def main():
    stopping = asyncio.Event()

    def on_signal(sig):  # (1)!
        if stopping.is_set():
            print(f"{sig.name} again: already stopping, ignored")  # (2)!
            return
        print(f"{sig.name}: finishing the jobs in progress, starting no new ones")
        stopping.set()

    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, on_signal, sig)  # (3)!
    print(f"worker started with {len(JOBS)} jobs (Ctrl-C to stop)")

    slots = asyncio.Semaphore(SLOTS)
    started = 0
    async with asyncio.TaskGroup() as group:
        for name, seconds in JOBS:
            await slots.acquire()
            if stopping.is_set():  # (4)!
                break
            job = group.create_task(run_job(name, seconds))
            job.add_done_callback(lambda _: slots.release())
            started += 1
    print(f"worker stopped: {started} jobs done, {len(JOBS) - started} left for the next run")


asyncio.run(main())
