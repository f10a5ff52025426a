"""A tiny exchange-rate service on http://127.0.0.1:25401 for the httpx client sample.

Run it with `python ol_rates_service.py`; stop it with Ctrl+C or SIGTERM.
"""

import asyncio
import signal

from aiohttp import web

HOST, PORT = "127.0.0.1", 25401
RATES = {"EUR": 1.0, "USD": 1.08, "GBP": 0.85, "JPY": 162.4, "CHF": 0.95}


async def rate(request: web.Request) -> web.Response:
    code = request.match_info["code"].upper()
    if code not in RATES:
        raise web.HTTPNotFound(text=f"unknown currency {code}")
    await asyncio.sleep(0.25)  # a slow upstream lookup
    return web.json_response({"code": code, "per_eur": RATES[code]})


async def main() -> None:
    app = web.Application()
    app.router.add_get("/rates/{code}", rate)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, HOST, PORT).start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    print(f"rates service on http://{HOST}:{PORT}", flush=True)
    await stop.wait()
    await runner.cleanup()


if __name__ == "__main__":
    asyncio.run(main())
