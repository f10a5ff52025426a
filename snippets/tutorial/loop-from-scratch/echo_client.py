"""Two tables send their orders to the echo server over two connections at once,
on the toy loop of toyio.py."""

import time

from toyio import Task, connect, loop, recv, send_all, sleep

HOST, PORT = "127.0.0.1", 25870
START = time.monotonic()


def say(text):
    print(f"{time.monotonic() - START:.2f} s  {text}")


async def table(name, orders, pause):
    sock = await connect((HOST, PORT))
    for order in orders:
        await send_all(sock, f"{order}\n".encode())
        reply = await recv(sock, 1024)  # (1)!
        say(f"{name}: sent {order!r}, heard {reply.decode().strip()!r}")
        await sleep(pause)  # (2)!
    sock.close()
    return len(orders)


async def main():
    first = Task(table("table 1", ["soup", "bread"], 0.6))
    await sleep(0.3)  # (3)!
    second = Task(table("table 2", ["pie", "tea", "toast"], 0.6))
    total = await first + await second
    say(f"{total} orders echoed")


loop.run(main())
