"""aiohttp's own connection limits: at most 2 connections to one host, 10 in all."""

import asyncio

import aiohttp

PAGES = ["/", "/install", "/faq"] * 2


async def main() -> None:
    opened = 0
    waited = 0

    async def on_create(session, context, params) -> None:
        nonlocal opened
        opened += 1

    async def on_queued(session, context, params) -> None:
        nonlocal waited
        waited += 1

    trace = aiohttp.TraceConfig()  # (1)!
    trace.on_connection_create_start.append(on_create)
    trace.on_connection_queued_start.append(on_queued)
    connector = aiohttp.TCPConnector(limit=10, limit_per_host=2)  # (2)!
    async with aiohttp.ClientSession(connector=connector, trace_configs=[trace]) as session:

        async def fetch(path: str) -> int:
            async with session.get(f"http://127.0.0.1:8765{path}") as response:
                await response.read()
                return response.status

        statuses = await asyncio.gather(*(fetch(p) for p in PAGES))
    print(f"{len(PAGES)} requests, statuses {sorted(set(statuses))}")
    print(f"connections opened: {opened}; requests that waited for one: {waited}")  # (3)!


asyncio.run(main())
