"""A TCP echo server on 127.0.0.1:8801 that shuts down cleanly on SIGINT or SIGTERM."""

import asyncio
import itertools
import signal

HOST, PORT = "127.0.0.1", 8801
GRACE = 2.0  # seconds that open connections get to finish at shutdown


async def main():
    numbers = itertools.count(1)
    handlers = set()

    async def echo(reader, writer):
        number = next(numbers)
        handlers.add(asyncio.current_task())  # (1)!
        print(f"client {number}: connected")
        lines = 0
        try:
            while line := await reader.readline():  # b"" when the client has gone
                writer.write(line)
                await writer.drain()
                lines += 1
        except asyncio.CancelledError:  # (2)!
            writer.write(b"server shutting down, bye\n")
        finally:
            writer.close()
            handlers.discard(asyncio.current_task())
            print(f"client {number}: gone, lines echoed: {lines}")

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)  # (3)!

    server = await asyncio.start_server(echo, HOST, PORT)
    print(f"echo server on {HOST}:{PORT}, Ctrl-C to stop")
    await stop.wait()

    server.close()  # (4)!
    print(f"shutting down: no new connections, {len(handlers)} still open")
    if handlers:
        _, late = await asyncio.wait(handlers, timeout=GRACE)  # (5)!
        for task in late:
            task.cancel()
        await asyncio.gather(*late, return_exceptions=True)
    await server.wait_closed()
    print("echo server stopped")


asyncio.run(main())
