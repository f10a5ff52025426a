"""Breakfast on asyncio: the same program as kitchen_toy.py, on the real loop."""

import asyncio
import time

START = time.perf_counter()


def say(text):
    print(f"{time.perf_counter() - START:.2f} s  {text}")


async def kettle():
    say("kettle: on")
    await asyncio.sleep(0.3)
    say("kettle: boiled")
    return "tea"


async def toaster():
    for side in ("first", "second"):
        say(f"toaster: {side} side")
        await asyncio.sleep(0.2)
    say("toaster: up")
    return "toast"


async def main():
    drink = asyncio.create_task(kettle(), name="kettle")
    food = asyncio.create_task(toaster(), name="toaster")
    say("main: waiting")
    return f"{await drink} and {await food}"


say(f"breakfast: {asyncio.run(main())}")
