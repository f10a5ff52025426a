"""Run listeners and a sender against the broker at the same time, then report.

The broker (`mq_broker.py`, or `mq_broker_v2.py`) must already be running.
"""

import asyncio
import sys

INTERVAL, SIZE = 0.05, 500_000  # the sender: a message of 500 kB every 0.05 s


async def start(*args: str) -> asyncio.subprocess.Process:
    """Start `python <args>` with its output piped to us."""
    return await asyncio.create_subprocess_exec(
        sys.executable, *args, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )


async def finish(proc: asyncio.subprocess.Process) -> str:
    """Read the rest of a process's output and wait for it to end."""
    output = await proc.stdout.read()
    await proc.wait()
    return output.decode()


async def scenario(count: int, listeners: dict[str, float]) -> None:
    """Start one listener per entry (name -> seconds per message), then the sender."""
    who = ", ".join(f"{name} ({delay} s per message)" for name, delay in listeners.items())
    print(f"{count} messages, listeners: {who}")
    common = ["--channel", "weather", "--count", str(count)]
    procs = {}
    for name, delay in listeners.items():
        procs[name] = await start("mq_listener.py", *common, "--name", name, "--delay", str(delay))
        await procs[name].stdout.readline()  # (1)!
    options = ["--name", "station", "--interval", str(INTERVAL), "--size", str(SIZE)]
    procs["station"] = await start("mq_sender.py", *common, *options)
    outputs = await asyncio.gather(*(finish(proc) for proc in procs.values()))  # (2)!
    for output in outputs:  # (3)!
        for line in output.splitlines():
            if ": got #" not in line:  # (4)!
                print(f"  {line}")


if __name__ == "__main__":
    asyncio.run(scenario(8, {"dashboard": 0.0, "archive": 0.25}))
