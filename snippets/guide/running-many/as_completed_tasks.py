"""Python 3.13+: `async for` over as_completed gives back the original tasks."""

import asyncio

PARCELS = {"books": 0.3, "lamp": 0.1, "chair": 0.2}


async def deliver(parcel: str, seconds: float) -> float:
    await asyncio.sleep(seconds)
    if parcel == "chair":
        raise RuntimeError("the chair does not fit in the van")
    return seconds


async def main() -> None:
    tasks = [asyncio.create_task(deliver(p, s), name=p) for p, s in PARCELS.items()]
    async for task in asyncio.as_completed(tasks):  # (1)!
        if task.exception():  # (2)!
            print(f"{task.get_name()}: failed, {task.exception()}")
        else:
            print(f"{task.get_name()}: delivered after {task.result():.1f} s")


asyncio.run(main())
