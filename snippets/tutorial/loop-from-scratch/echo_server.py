"""An echo server on 127.0.0.1:25870, served by the toy loop of toyio.py."""

import itertools
import socket

from toyio import Task, accept, loop, recv, send_all

HOST, PORT = "127.0.0.1", 25870
numbers = itertools.count(1)


async def echo(client, number):
    print(f"order window {number}: open")
    lines = 0
    while data := await recv(client, 1024):  # (1)!
        await send_all(client, data)
        lines += data.count(b"\n")
    client.close()
    print(f"order window {number}: closed after {lines} lines")


async def serve():
    server = socket.create_server((HOST, PORT))
    server.setblocking(False)  # (2)!
    print(f"echo server on {HOST}:{PORT}, Ctrl-C to stop")
    while True:
        client, _ = await accept(server)
        Task(echo(client, next(numbers)))  # (3)!


try:
    loop.run(serve())
except KeyboardInterrupt:  # (4)!
    print("echo server stopped")
