"""A tiny website on 127.0.0.1 for the crawler to visit: links, a 404, a slow page, a redirect.

Run it in one terminal, then the crawler in another:  python demo_site.py
"""

import asyncio

from aiohttp import web

PORT = 8765
PAGES = {
    "/": '<a href="/tea">Tea</a> <a href="/coffee">Coffee</a> <a href="/gone">Old page</a>',
    "/tea": '<a href="/">Home</a> <a href="/coffee">Coffee</a> <a href="https://example.org/">x</a>',
    "/coffee": '<a href="/">Home</a> <a href="/tea#green">Green tea</a>',
}


async def page(request: web.Request) -> web.Response:
    html = PAGES.get(request.path)
    if html is None:
        raise web.HTTPNotFound()
    return web.Response(text=f"<html><body>{html}</body></html>", content_type="text/html")


async def slow(request: web.Request) -> web.Response:
    await asyncio.sleep(5)  # (1)!
    return web.Response(text="<html>finally</html>", content_type="text/html")


async def moved(request: web.Request) -> web.Response:
    raise web.HTTPFound("/coffee")  # (2)!


async def main() -> None:
    app = web.Application()
    app.add_routes([web.get("/slow", slow), web.get("/moved", moved), web.get("/{tail:.*}", page)])
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
