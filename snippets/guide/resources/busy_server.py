"""A local server that counts how many requests it is handling at once.

Start it in one terminal, then run limited_client.py in another:  python busy_server.py
"""

import asyncio

from aiohttp import web

PORT = 8771
stats = {"in_flight": 0, "peak": 0, "peers": set()}


async def item(request: web.Request) -> web.Response:
    stats["in_flight"] += 1
    stats["peak"] = max(stats["peak"], stats["in_flight"])  # (1)!
    stats["peers"].add(request.transport.get_extra_info("peername"))  # (2)!
    try:
        await asyncio.sleep(0.2)  # every answer takes 0.2 s
    finally:
        stats["in_flight"] -= 1
    return web.json_response({"item": int(request.match_info["n"])})


async def report(request: web.Request) -> web.Response:
    body = {"peak": stats["peak"], "connections": len(stats["peers"])}
    stats.update(peak=0, peers=set())  # start counting afresh
    return web.json_response(body)


async def main() -> None:
    app = web.Application()
    app.add_routes([web.get("/item/{n}", item), web.get("/stats", report)])
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", PORT).start()
    print(f"serving on http://127.0.0.1:{PORT}/ (Ctrl-C to stop)", flush=True)
    try:
        await asyncio.Event().wait()  # serve until interrupted
    finally:
        await runner.cleanup()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
