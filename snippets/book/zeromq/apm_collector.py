"""Collects metrics from `apm_producer.py` processes and streams them to browsers.

An aiohttp application and a ØMQ SUB socket share one event loop: a background task
receives every sample and hands it to each connected browser, which reads them as
server-sent events from `/feed`. The page `apm_chart.html`, served at `/`, draws them.

    python apm_collector.py    # http://127.0.0.1:25210/, ØMQ on port 25211

It stops on SIGTERM or Ctrl+C.
"""

import argparse
import asyncio
import contextlib
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import zmq
import zmq.asyncio
from aiohttp import web

PAGE = Path(__file__).with_name("apm_chart.html")
QUEUE_SIZE = 100
"""Samples kept for a browser that reads slowly; older ones are dropped."""
HEARTBEAT = 10.0
"""Seconds of silence after which a feed sends a comment line, to notice lost browsers."""


class Hub:
    """Hands every message to one queue per connected browser."""

    def __init__(self) -> None:
        self.queues: set[asyncio.Queue[str | None]] = set()

    def subscribe(self) -> asyncio.Queue[str | None]:
        """A new queue that receives every message from now on."""
        queue: asyncio.Queue[str | None] = asyncio.Queue(QUEUE_SIZE)
        self.queues.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[str | None]) -> None:
        """Stop feeding `queue`."""
        self.queues.discard(queue)

    def publish(self, message: str | None) -> None:
        """Put `message` into every queue without waiting (None means "shutting down")."""
        for queue in self.queues:
            if queue.full():
                queue.get_nowait()  # (1)!
            queue.put_nowait(message)


HUB = web.AppKey("hub", Hub)


async def receive(sock: zmq.asyncio.Socket, hub: Hub) -> None:
    """Receive samples from the ØMQ socket for ever, passing each one to the hub."""
    while True:
        hub.publish(await sock.recv_string())  # (2)!


async def zmq_receiver(app: web.Application, port: int) -> AsyncIterator[None]:
    """Bind the SUB socket and run `receive` while the application is up."""
    ctx = zmq.asyncio.Context()
    sock = ctx.socket(zmq.SUB)
    sock.bind(f"tcp://127.0.0.1:{port}")  # (3)!
    sock.subscribe(b"")
    task = asyncio.create_task(receive(sock, app[HUB]))
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    sock.close(linger=0)
    ctx.term()


async def index(request: web.Request) -> web.FileResponse:
    """The chart page."""
    return web.FileResponse(PAGE)


async def feed(request: web.Request) -> web.StreamResponse:
    """Stream every sample to one browser as server-sent events, until it goes away."""
    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"}
    )
    await response.prepare(request)
    hub = request.app[HUB]
    queue = hub.subscribe()
    try:
        while True:
            try:
                message = await asyncio.wait_for(queue.get(), HEARTBEAT)
            except TimeoutError:
                await response.write(b": still here\n\n")  # (4)!
                continue
            if message is None:
                break  # the collector is shutting down
            await response.write(f"data: {message}\n\n".encode())
    except ConnectionResetError:
        pass  # (5)!
    finally:
        hub.unsubscribe(queue)
    return response


def make_app(zmq_port: int) -> web.Application:
    """The aiohttp application: `/` (the chart page) and `/feed` (the event stream)."""
    app = web.Application()
    app[HUB] = Hub()
    app.router.add_get("/", index)
    app.router.add_get("/feed", feed)
    app.cleanup_ctx.append(lambda app: zmq_receiver(app, zmq_port))

    async def end_feeds(app: web.Application) -> None:
        app[HUB].publish(None)  # (6)!

    app.on_shutdown.append(end_feeds)
    return app


async def main(http_port: int, zmq_port: int) -> None:
    """Serve until SIGTERM or Ctrl+C, then shut down cleanly."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    runner = web.AppRunner(make_app(zmq_port))
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", http_port).start()
    print(f"collector: http://127.0.0.1:{http_port}/, ØMQ port {zmq_port}", flush=True)
    await stop.wait()
    await runner.cleanup()
    print("collector: stopped")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--http-port", type=int, default=25210)
    parser.add_argument("--zmq-port", type=int, default=25211)
    args = parser.parse_args()
    asyncio.run(main(args.http_port, args.zmq_port))
