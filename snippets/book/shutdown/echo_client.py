"""Two clients of the echo server (echo_server.py), talking at the same time."""

import asyncio

HOST, PORT = "127.0.0.1", 8801


async def say(name, reader, writer, text):
    writer.write(f"{text}\n".encode())
    await writer.drain()
    reply = await reader.readline()
    print(f"{name} sent {text!r}, got back {reply.decode().strip()!r}")


async def leave(name, reader, writer):
    writer.write_eof()  # (1)!
    await reader.read()  # (2)!
    writer.close()
    await writer.wait_closed()
    print(f"{name} left, and the server has closed its end")


async def main():
    ann = await asyncio.open_connection(HOST, PORT)
    bob = await asyncio.open_connection(HOST, PORT)
    await say("ann", *ann, "good morning")
    await say("bob", *bob, "hello")
    await say("ann", *ann, "anyone here?")
    await leave("ann", *ann)
    await say("bob", *bob, "bye")
    await leave("bob", *bob)


asyncio.run(main())
