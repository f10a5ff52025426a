"""A TaskGroup shuts its tasks down for you when one of them fails."""

import asyncio


async def poll(name, period, cleanup):
    polls = 0
    try:
        while True:
            await asyncio.sleep(period)
            polls += 1
    finally:  # (1)!
        await asyncio.sleep(cleanup)  # say, flush a buffer
        print(f"{name}: stopped (polls: {polls}), cleaned up")


async def broker_link():
    await asyncio.sleep(0.75)
    raise ConnectionError("lost the link to the message broker")


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [
                group.create_task(poll("inbox poller", 0.3, cleanup=0.1)),
                group.create_task(poll("metrics sender", 0.5, cleanup=0.25)),
                group.create_task(broker_link()),  # (2)!
            ]
    except* ConnectionError as failure:  # (3)!
        print(f"service stopped: {failure.exceptions[0]}")
    print(f"every task done: {all(task.done() for task in tasks)}")  # (4)!


asyncio.run(main())
