"""The same three steps as coroutines: the code reads in the order it runs."""

import asyncio

READINGS = {"attic": 14.5, "cellar": 11.0}
TARGETS = {"attic": 19.0}


async def read_sensor(room: str) -> float:
    await asyncio.sleep(0.05)
    if room not in READINGS:
        raise LookupError(f"no sensor in the {room}")
    return READINGS[room]


async def look_up_target(room: str) -> float:
    await asyncio.sleep(0.05)
    if room not in TARGETS:
        raise LookupError(f"no target for the {room}")
    return TARGETS[room]


async def set_heater(room: str, watts: int) -> str:
    await asyncio.sleep(0.05)
    return f"{room} heater at {watts} W"


async def adjust(room: str) -> str:
    try:  # (1)!
        celsius = await read_sensor(room)
        target = await look_up_target(room)
    except LookupError as error:
        return f"{room}: {error}"
    watts = max(0, round((target - celsius) * 200))
    return await set_heater(room, watts)


async def main() -> None:
    async with asyncio.TaskGroup() as tg:  # (2)!
        tasks = [tg.create_task(adjust(room)) for room in ("attic", "cellar")]
    for task in tasks:
        print(task.result())


asyncio.run(main())
