"""Load test for server.py: 200 clients, 5 requests each, at most 50 connected at once."""

import asyncio
import random

HOST, PORT = "127.0.0.1", 8802
CLIENTS, REQUESTS, CONCURRENCY = 200, 5, 50
CLIENT_TIMEOUT = 10.0  # seconds one client may take in total


def expected(request):
    unit, value = request.split()
    if unit == "C2F":
        return f"{float(value) * 9 / 5 + 32:.1f} F"
    return f"{(float(value) - 32) * 5 / 9:.1f} C"


async def one_client(number, gate, counts):
    rng = random.Random(number)  # (1)!
    async with gate:  # (2)!
        try:
            async with asyncio.timeout(CLIENT_TIMEOUT):  # (3)!
                reader, writer = await asyncio.open_connection(HOST, PORT)
                try:
                    for _ in range(REQUESTS):
                        unit = rng.choice(["C2F", "F2C"])
                        request = f"{unit} {rng.uniform(-40, 110):.1f}"
                        writer.write(f"{request}\n".encode())
                        await writer.drain()
                        counts["sent"] += 1
                        answer = (await reader.readline()).decode().strip()
                        ok = answer == expected(request)
                        counts["answered" if ok else "wrong"] += 1
                finally:
                    writer.close()
                    await writer.wait_closed()
        except (OSError, TimeoutError) as error:  # (4)!
            counts["failed clients"] += 1
            print(f"client {number}: {type(error).__name__}: {error}")


async def misbehave(kind):
    async with asyncio.timeout(CLIENT_TIMEOUT):
        reader, writer = await asyncio.open_connection(HOST, PORT)
        if kind == "oversized":
            writer.write(b"C2F " + b"9" * 1000 + b"\n")  # (5)!
        answer = await reader.readline()  # the idle client just waits to be dropped
        writer.close()
        await writer.wait_closed()
    return f"{kind} client: server said {answer.decode().strip()!r}"


async def main():
    counts = dict.fromkeys(["sent", "answered", "wrong", "failed clients"], 0)
    gate = asyncio.Semaphore(CONCURRENCY)
    async with asyncio.TaskGroup() as group:
        odd_ones = [group.create_task(misbehave(kind)) for kind in ("idle", "oversized")]
        for number in range(CLIENTS):
            group.create_task(one_client(number, gate, counts))
    print(f"{CLIENTS} clients x {REQUESTS} requests, at most {CONCURRENCY} at once")
    print(", ".join(f"{name}: {value}" for name, value in counts.items()))  # (6)!
    for task in odd_ones:
        print(task.result())


asyncio.run(main())
