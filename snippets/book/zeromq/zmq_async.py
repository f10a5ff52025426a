"""The bakery worker of `zmq_poller.py` again, with `zmq.asyncio`: one coroutine per socket.

Start `zmq_services.py` first, then run `python zmq_async.py`.
"""

import asyncio

import zmq
import zmq.asyncio

ORDERS = "tcp://127.0.0.1:25201"
OVEN = "tcp://127.0.0.1:25202"
WANTED_ORDERS = 3
WANTED_READINGS = 2


async def watch_oven(oven: zmq.asyncio.Socket, started: asyncio.Event) -> int:
    """Follow the oven; announce the start of a round, then report two readings."""
    readings = 0
    while readings < WANTED_READINGS:
        text = (await oven.recv_string()).removeprefix("oven ")  # (1)!
        if text == "start":
            started.set()  # (2)!
            print("oven:  start of a round")
        elif started.is_set():
            readings += 1
            print(f"oven:  {text}")
    return readings


async def take_orders(orders: zmq.asyncio.Socket, started: asyncio.Event) -> int:
    """Handle three orders, skipping those from before the round started."""
    handled = 0
    while handled < WANTED_ORDERS:
        text = await orders.recv_string()
        if started.is_set():
            handled += 1
            print(f"order: {text}")
    return handled


async def main() -> None:
    ctx = zmq.asyncio.Context()  # (3)!
    orders = ctx.socket(zmq.PULL)
    oven = ctx.socket(zmq.SUB)
    orders.connect(ORDERS)
    oven.connect(OVEN)
    oven.subscribe("oven")

    print("asyncio: waiting for the oven to start a round")
    started = asyncio.Event()
    async with asyncio.TaskGroup() as tg:  # (4)!
        oven_task = tg.create_task(watch_oven(oven, started))
        orders_task = tg.create_task(take_orders(orders, started))
    handled, readings = orders_task.result(), oven_task.result()
    print(f"asyncio: {handled} orders, {readings} readings, one coroutine per socket")
    orders.close(linger=0)
    oven.close(linger=0)
    ctx.term()


if __name__ == "__main__":
    asyncio.run(main())
