"""A made-up tool's documentation on 127.0.0.1, with the usual flaws.

Run it in one terminal, then the link checker in another:  python demo_site.py
"""

import asyncio

from aiohttp import web

PORT = 8765
LINKS = {  # each page, and the links on it as its authors wrote them
    "/": ["install", "guide/", "faq", "changelog"],
    "/install": ["/", "guide/", "/download"],
    "/guide/": ["basics", "advanced", "../faq#timeouts"],
    "/guide/basics": ["./", "../api/reference"],
    "/guide/advanced": ["#top", "/old-guide"],
    "/faq": ["/", "http://127.0.0.1:9/mirror"],
    "/changelog": ["/"],
    "/api/reference": ["/"],
}
DELAYS = {"/changelog": 1.2, "/api/reference": 5.0}  # (1)!
MOVED = {"/old-guide": "/guide/"}


async def serve_page(request: web.Request) -> web.Response:
    path = request.path
    if path in MOVED:
        raise web.HTTPMovedPermanently(MOVED[path])  # (2)!
    if path not in LINKS:
        raise web.HTTPNotFound()
    await asyncio.sleep(DELAYS.get(path, 0))
    anchors = " ".join(f'<a href="{href}">{href}</a>' for href in LINKS[path])
    html = f'<html><body><h1 id="top">{path}</h1><p>{anchors}</p></body></html>'
    return web.Response(text=html, content_type="text/html")


async def main() -> None:
    app = web.Application()
    app.add_routes([web.get("/{path:.*}", serve_page)])
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", PORT).start()
    print(f"docs site on http://127.0.0.1:{PORT}/ (Ctrl-C to stop)", flush=True)
    try:
        await asyncio.Event().wait()  # serve until interrupted
    finally:
        await runner.cleanup()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
