"""The event loop is pluggable: the same program on uvloop's faster loop."""

import asyncio

import uvloop  # pip install uvloop (Linux and macOS)


async def main() -> None:
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.1)
    print("running on", type(loop).__module__ + "." + type(loop).__name__)


asyncio.run(main())  # (1)!
with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:  # (2)!
    runner.run(main())
