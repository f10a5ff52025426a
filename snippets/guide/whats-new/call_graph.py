"""Python 3.14: asyncio.capture_call_graph() shows where a task waits, and who waits for it."""

import asyncio


async def fetch(source: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    return f"{source}: ok"


async def load_news() -> str:
    return await fetch("news", 5)  # a backend that hangs


async def load_weather() -> str:
    return await fetch("weather", 0.1)


def where(graph: asyncio.FutureCallGraph) -> str:
    codes = [entry.frame.f_code for entry in graph.call_stack]  # (1)!
    mine = [code.co_qualname for code in codes if code.co_filename == __file__]
    return " -> ".join(reversed(mine))  # (2)!


async def watchdog(tasks: list[asyncio.Task]) -> None:
    await asyncio.sleep(0.3)
    for task in tasks:
        if not task.done():
            graph = asyncio.capture_call_graph(task)  # (3)!
            print(f"{task.get_name()} is stuck in {where(graph)}")
            for parent in graph.awaited_by:  # (4)!
                print(f"  awaited by {parent.future.get_name()} in {where(parent)}")
            task.cancel()


async def main() -> None:
    async with asyncio.TaskGroup() as tg:
        tasks = [
            tg.create_task(load_news(), name="news"),
            tg.create_task(load_weather(), name="weather"),
        ]
        tg.create_task(watchdog(tasks), name="watchdog")
    for task in tasks:
        print(task.get_name(), "->", "cancelled" if task.cancelled() else task.result())


asyncio.run(main())
