"""Run the demo scenarios against the improved broker, `mq_broker_v2.py`."""

import asyncio

from mq_demo import scenario


async def main() -> None:
    await scenario(8, {"dashboard": 0.0, "archive": 0.25})  # (1)!
    await scenario(16, {"dashboard": 0.0, "archive": 0.1, "sleepy": 1.5})  # (2)!


if __name__ == "__main__":
    asyncio.run(main())
