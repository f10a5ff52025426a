"""Run the APM case study end to end: a collector, two producers and a feed reader.

It starts `apm_collector.py` and two `apm_producer.py` processes (one of them leaking),
reads the collector's event stream like a browser would, and prints what the samples
show. It uses ports 25220 and 25221, so a collector you started by hand can keep running.
"""

import asyncio
import json
import sys

import aiohttp

HTTP_PORT, ZMQ_PORT = 25220, 25221
WANTED = 15
"""Samples to read from each producer (about 2 s at 0.15 s each)."""


async def start(*args: str) -> asyncio.subprocess.Process:
    """Start `python *args` with its output piped, and wait for its first line."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, *args, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    await proc.stdout.readline()  # (1)!
    return proc


async def read_feed(feed: aiohttp.ClientResponse) -> dict[str, list[dict]]:
    """Read server-sent events until each of two producers has sent `WANTED` samples."""
    series: dict[str, list[dict]] = {}
    async for line in feed.content:  # (2)!
        if not line.startswith(b"data: "):
            continue  # blank separator lines and comments
        sample = json.loads(line.removeprefix(b"data: "))
        series.setdefault(sample["name"], []).append(sample)
        if len(series) == 2 and all(len(s) >= WANTED for s in series.values()):
            return series
    raise RuntimeError("the feed ended early")


async def stop(proc: asyncio.subprocess.Process) -> int:
    """Ask a process to stop with SIGTERM; return its exit status."""
    proc.terminate()
    await proc.communicate()  # (3)!
    return proc.returncode


async def main() -> None:
    collector = await start(
        "apm_collector.py", "--http-port", str(HTTP_PORT), "--zmq-port", str(ZMQ_PORT)
    )
    producers = []
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{HTTP_PORT}/feed") as feed:
                print(f"feed: {feed.status} {feed.content_type}")
                for name, extra in (("steady", []), ("leaky", ["--leak"])):
                    producers.append(
                        await start(
                            "apm_producer.py", "--name", name, "--port", str(ZMQ_PORT), *extra
                        )
                    )
                series = await asyncio.wait_for(read_feed(feed), timeout=15)  # (4)!
    finally:
        statuses = [await stop(p) for p in producers]
        collector_status = await stop(collector)

    print(f"producers seen: {', '.join(sorted(series))}")
    for name in ("steady", "leaky"):
        memory = [s["rss_mb"] for s in series[name][:WANTED]]
        growth = memory[-1] - memory[0]
        if abs(growth) < 5:
            verdict = "memory flat (changed by less than 5 MiB)"
        elif growth > 20:
            verdict = "memory grew by more than 20 MiB"
        else:
            verdict = "memory changed by 5 to 20 MiB"
        print(f"{name}: {len(memory)} samples, {verdict}")
    print(f"exit statuses: producers {statuses}, collector {collector_status}")


if __name__ == "__main__":
    asyncio.run(main())
