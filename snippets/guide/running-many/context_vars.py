"""Each task runs in a copy of the context: a ContextVar set in a task stays in that task."""

import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")


def log(message: str) -> None:
    print(f"[{request_id.get()}] {message}")  # (1)!


async def check_stock(item: str) -> None:
    await asyncio.sleep(0.01)
    log(f"{item}: 3 left")


async def handle(rid: str, item: str) -> None:
    request_id.set(rid)  # (2)!
    log("start")
    await check_stock(item)  # (3)!
    log("end")


async def main() -> None:
    request_id.set("main")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(handle("r1", "kettle"))  # (4)!
        tg.create_task(handle("r2", "teapot"))
    log("both requests handled")  # (5)!


asyncio.run(main())
