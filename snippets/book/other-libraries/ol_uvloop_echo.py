import asyncio

import uvloop

CLIENTS, ROUND_TRIPS, SIZE = 20, 250, 100


async def echo(reader, writer):
    while data := await reader.read(4096):
        writer.write(data)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(n, port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    message = bytes([n]) * SIZE
    checksum = 0
    for _ in range(ROUND_TRIPS):
        writer.write(message)
        reply = await reader.readexactly(SIZE)  # (1)!
        checksum += sum(reply)
    writer.close()
    await writer.wait_closed()
    return checksum


async def workload():
    """Echo CLIENTS * ROUND_TRIPS messages over 127.0.0.1; return (round trips, checksum)."""
    server = await asyncio.start_server(echo, "127.0.0.1", 0)  # (2)!
    port = server.sockets[0].getsockname()[1]
    async with server:
        sums = await asyncio.gather(*(client(n, port) for n in range(CLIENTS)))
    return CLIENTS * ROUND_TRIPS, sum(sums)


def run_on(loop_factory):
    with asyncio.Runner(loop_factory=loop_factory) as runner:  # (3)!
        cls = type(runner.get_loop())
        trips, checksum = runner.run(workload())
    print(f"{cls.__module__}.{cls.__qualname__}: {trips} round trips, checksum {checksum}")
    return trips, checksum


if __name__ == "__main__":
    default = run_on(None)  # (4)!
    fast = run_on(uvloop.new_event_loop)
    print("same result on both loops:", default == fast)
