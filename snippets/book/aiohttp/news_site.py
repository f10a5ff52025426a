"""A pretend news site on http://127.0.0.1:25110/ with four invented outlets.

Each outlet is a page with its own HTML layout (the `news_outlet_*.html` files next to
this module) that answers after its own delay; one outlet is down for maintenance and
answers 503. Run it with `python news_site.py`; stop it with Ctrl+C or SIGTERM.
"""

import asyncio
import signal
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

HOST, PORT = "127.0.0.1", 25110


@dataclass(frozen=True)
class Page:
    """How one outlet answers: its HTML file, its delay in seconds and its HTTP status."""

    file: str
    delay: float
    status: int = 200


PAGES = {
    "lantern": Page("news_outlet_lantern.html", 0.2),
    "courier": Page("news_outlet_courier.html", 0.3),
    "pinevalley": Page("news_outlet_pinevalley.html", 0.5),
    "northwind": Page("news_outlet_northwind.html", 0.1, status=503),  # (1)!
}
HTML = web.AppKey("html", dict[str, str])


async def outlet(request: web.Request) -> web.Response:
    """Serve one outlet's page after that outlet's delay; 404 for unknown outlets."""
    name = request.match_info["outlet"]
    if name not in PAGES:
        raise web.HTTPNotFound()
    page = PAGES[name]
    await asyncio.sleep(page.delay)  # (2)!
    return web.Response(text=request.app[HTML][name], status=page.status, content_type="text/html")


def make_app() -> web.Application:
    """Build the application, with every page read into memory once, up front."""
    app = web.Application()
    folder = Path(__file__).parent
    app[HTML] = {name: (folder / p.file).read_text(encoding="utf-8") for name, p in PAGES.items()}
    app.router.add_get("/{outlet}", outlet)
    return app


async def main() -> None:
    """Serve until SIGINT or SIGTERM, then close the listening socket and every connection."""
    runner = web.AppRunner(make_app(), access_log=None)  # (3)!
    await runner.setup()
    await web.TCPSite(runner, HOST, PORT).start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    outlets = " ".join(f"/{name}" for name in PAGES)
    print(f"news site on http://{HOST}:{PORT}, outlets: {outlets}", flush=True)
    await stop.wait()
    await runner.cleanup()  # (4)!


if __name__ == "__main__":
    asyncio.run(main())
