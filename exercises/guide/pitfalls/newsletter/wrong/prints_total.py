"""Send a newsletter through a mail relay that takes only a few connections at once."""

import asyncio

MAX_CONNECTIONS = 4  # the relay refuses a fifth connection
SEND_TIME = 0.2  # seconds to deliver one newsletter
open_connections = 0


async def send(address: str) -> str:
    """Deliver one newsletter through the relay; returns the address."""
    global open_connections
    if open_connections >= MAX_CONNECTIONS:
        raise ConnectionRefusedError("the relay is busy")
    open_connections += 1
    try:
        await asyncio.sleep(SEND_TIME)
    finally:
        open_connections -= 1
    return address


relay_slots = asyncio.Semaphore(MAX_CONNECTIONS)


async def send_within_limit(address: str) -> str:
    async with relay_slots:  # wait here while the relay is full
        return await send(address)


async def send_all(addresses: list[str]) -> list[str]:
    """Send the newsletter to every address; returns the addresses, in order."""
    return await asyncio.gather(*(send_within_limit(address) for address in addresses))


async def main() -> None:
    addresses = [f"reader{n}@example.org" for n in range(1, 13)]
    print(await send_all(addresses))


if __name__ == "__main__":
    asyncio.run(main())
