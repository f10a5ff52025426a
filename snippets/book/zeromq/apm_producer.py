"""A pretend application that reports its own CPU and memory use over ØMQ.

Beside its (simulated) work, it runs a reporter coroutine: every `--interval` seconds it
measures its own process with psutil and publishes one JSON message on a PUB socket that
connects to the collector (`apm_collector.py`, ØMQ port 25211 by default). With `--leak`
the work keeps some memory every time, a deliberate leak. It stops after `--seconds` or
`--count` samples, or on SIGTERM or Ctrl+C.

    python apm_producer.py --name steady
    python apm_producer.py --name leaky --leak
"""

import argparse
import asyncio
import signal
import time

import psutil
import zmq
import zmq.asyncio

TICK = 0.1
"""Seconds per round of simulated work."""
LEAK_MB_PER_S = 15
"""How fast `--leak` makes the process grow."""
LEAK_LIMIT_MB = 500
"""The leak stops here, so a forgotten demo cannot eat the machine."""


async def work(busy: float, leak: bool, stop: asyncio.Event) -> None:
    """The application's own job: keep the CPU busy for a `busy` share of each tick.

    With `leak`, also keep a chunk of fresh memory every tick and never free it.
    """
    hoard = []
    chunk = int(LEAK_MB_PER_S * TICK * 2**20)
    while not stop.is_set():
        end = time.perf_counter() + busy * TICK
        while time.perf_counter() < end:
            sum(i * i for i in range(1000))  # (1)!
        if leak and len(hoard) * chunk < LEAK_LIMIT_MB * 2**20:
            hoard.append(b"x" * chunk)  # (2)!
        await asyncio.sleep((1 - busy) * TICK)


async def report(
    sock: zmq.asyncio.Socket, name: str, interval: float, count: int | None, stop: asyncio.Event
) -> int:
    """Send one sample every `interval` seconds until `stop` is set or `count` are sent.

    A sample is a JSON object: `name`, `seq`, `time` (Unix seconds), `cpu` (percent of one
    core since the previous sample) and `rss_mb` (resident memory in MiB).
    Returns how many samples were sent.
    """
    me = psutil.Process()
    me.cpu_percent()  # (3)!
    sent = 0
    while count is None or sent < count:
        try:
            await asyncio.wait_for(stop.wait(), interval)
            break  # stopped
        except TimeoutError:
            pass
        sample = {
            "name": name,
            "seq": sent,
            "time": time.time(),
            "cpu": me.cpu_percent(),
            "rss_mb": round(me.memory_info().rss / 2**20, 1),
        }
        await sock.send_json(sample)  # (4)!
        sent += 1
    stop.set()  # count reached: end the work too
    return sent


async def main(args: argparse.Namespace) -> None:
    """Run the work and the reporter side by side until one of them says stop."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    if args.seconds is not None:
        loop.call_later(args.seconds, stop.set)

    ctx = zmq.asyncio.Context()
    sock = ctx.socket(zmq.PUB)
    sock.connect(f"tcp://127.0.0.1:{args.port}")  # (5)!
    print(f"{args.name}: reporting to port {args.port} every {args.interval} s", flush=True)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work(args.busy, args.leak, stop))
            reporter = tg.create_task(report(sock, args.name, args.interval, args.count, stop))
    finally:
        sock.close(linger=200)
        ctx.term()
    print(f"{args.name}: stopped after {reporter.result()} samples")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command-line options (see `--help`)."""
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--name", default="app", help="how the chart labels this process")
    parser.add_argument("--port", type=int, default=25211, help="the collector's ØMQ port")
    parser.add_argument("--interval", type=float, default=0.15, help="seconds between samples")
    parser.add_argument("--busy", type=float, default=0.2, help="share of CPU time to burn")
    parser.add_argument("--leak", action="store_true", help="leak memory on purpose")
    parser.add_argument("--count", type=int, help="stop after this many samples")
    parser.add_argument("--seconds", type=float, help="stop after this many seconds")
    return parser.parse_args(argv)


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
