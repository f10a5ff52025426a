"""The sending side of the two-socket examples: a bakery's order desk and its oven.

It binds two ØMQ sockets on 127.0.0.1 and sends, round after round, six messages 0.1 s
apart: a PUB socket broadcasts the oven's state (each round begins with `oven start`) and
a PUSH socket hands out orders. It prints one line when ready and stops on SIGTERM or
Ctrl+C. Run it with `python zmq_services.py`, then run `zmq_poller.py` or `zmq_async.py`.
"""

import asyncio
import signal

import zmq
import zmq.asyncio

ORDERS = "tcp://127.0.0.1:25201"
"""Where the PUSH socket hands out orders."""
OVEN = "tcp://127.0.0.1:25202"
"""Where the PUB socket publishes the oven's state."""
ROUND = [
    ("oven", "start"),
    ("order", "3 rye loaves"),
    ("oven", "212 C"),
    ("order", "12 croissants"),
    ("oven", "218 C"),
    ("order", "1 birthday cake"),
]
"""One round of messages: (socket, text), sent 0.1 s apart."""
STEP = 0.1


async def serve(stop: asyncio.Event) -> None:
    """Send rounds of messages until `stop` is set."""
    ctx = zmq.asyncio.Context()
    orders = ctx.socket(zmq.PUSH)
    oven = ctx.socket(zmq.PUB)
    orders.bind(ORDERS)
    oven.bind(OVEN)
    print(f"bakery: orders on {ORDERS}, oven on {OVEN}", flush=True)
    try:
        while not stop.is_set():
            for kind, text in ROUND:
                if kind == "oven":
                    await oven.send_string(f"oven {text}")  # (1)!
                else:
                    try:
                        await orders.send_string(text, flags=zmq.NOBLOCK)  # (2)!
                    except zmq.Again:
                        pass  # nobody is pulling yet: drop it
                try:
                    await asyncio.wait_for(stop.wait(), STEP)
                    break
                except TimeoutError:
                    pass
    finally:
        orders.close(linger=0)
        oven.close(linger=0)
        ctx.term()


async def main() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await serve(stop)
    print("bakery: closed")


if __name__ == "__main__":
    asyncio.run(main())
