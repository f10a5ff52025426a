"""A client for `hello_server.py`: a few requests with one `aiohttp.ClientSession`.

Start the server first (`python hello_server.py`), then run `python hello_client.py`.
"""

import asyncio

import aiohttp

SERVER = "http://127.0.0.1:25100"


async def main() -> None:
    """Fetch the front page, get two greetings, then try a page that does not exist."""
    async with aiohttp.ClientSession(base_url=SERVER) as session:  # (1)!
        async with session.get("/") as response:  # (2)!
            print(response.status, response.content_type, "|", await response.text())
        for name in ("Mira", "Tomás"):
            async with session.get(f"/greet/{name}") as response:
                print(response.status, response.content_type, "|", await response.json())  # (3)!
        async with session.get("/nowhere") as response:
            print(response.status, response.reason)  # (4)!


if __name__ == "__main__":
    asyncio.run(main())
