"""Debug mode names the task step that held the event loop too long."""

import asyncio
import time


def resize_image(name: str) -> None:
    time.sleep(0.25)  # (1)!


async def handle(name: str) -> None:
    await asyncio.sleep(0.1)
    resize_image(name)


async def main() -> None:
    loop = asyncio.get_running_loop()
    task = loop.create_task(handle("cat.png"), name="resize")  # (2)!
    await task
    print("all done")


asyncio.run(main(), debug=True)  # (3)!
