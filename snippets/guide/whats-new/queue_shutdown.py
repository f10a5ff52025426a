"""Python 3.13: Queue.shutdown(immediate=True) drops what is left and wakes everyone."""

import asyncio


async def printer(jobs: asyncio.Queue) -> None:
    while True:
        try:
            job = await jobs.get()
        except asyncio.QueueShutDown:  # (1)!
            print("printer: queue shut down, switching off")
            return
        print(f"printer: printing {job}")
        await asyncio.sleep(0.1)
        jobs.task_done()


async def main() -> None:
    jobs: asyncio.Queue = asyncio.Queue()
    for name in ["invoice.pdf", "photo.png", "report.docx", "map.svg"]:
        jobs.put_nowait(name)
    task = asyncio.create_task(printer(jobs))
    await asyncio.sleep(0.15)
    print("main: paper jam! shutting the queue down")
    jobs.shutdown(immediate=True)  # (2)!
    print(f"main: {jobs.qsize()} jobs left in the queue")
    try:
        await jobs.put("late.txt")
    except asyncio.QueueShutDown:
        print("main: put() refused: the queue is shut down")  # (3)!
    await task


asyncio.run(main())
