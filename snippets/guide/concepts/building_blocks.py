"""Coroutine functions, coroutines, tasks and futures, as Python sees them."""

import asyncio
import inspect


async def cook(dish: str) -> str:
    await asyncio.sleep(0.1)
    return f"{dish} cooked"


def describe(name: str, obj: object) -> None:
    print(
        f"{name:<7} coroutine: {inspect.iscoroutine(obj)!s:<6}"
        f"future: {asyncio.isfuture(obj)!s:<6}awaitable: {inspect.isawaitable(obj)}"
    )


async def main() -> None:
    loop = asyncio.get_running_loop()  # (1)!
    coro = cook("soup")  # (2)!
    task = asyncio.create_task(cook("rice"))  # (3)!
    future = loop.create_future()  # (4)!
    loop.call_later(0.2, future.set_result, "bill paid")

    print("cook is a coroutine function:", inspect.iscoroutinefunction(cook))
    print("calling it returned a", type(coro).__name__)
    for name, obj in [("cook", cook), ("coro", coro), ("task", task), ("future", future)]:
        describe(name, obj)
    print("a Task is a Future:", isinstance(task, asyncio.Future))  # (5)!
    print("the task wraps a coroutine:", inspect.iscoroutine(task.get_coro()))
    print("the task runs on this loop:", task.get_loop() is loop)

    print(await coro, "/", await task, "/", await future)  # (6)!


asyncio.run(main())
