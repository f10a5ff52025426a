"""Which event loop does asyncio.run() create here, and what state is it in?"""

import asyncio
import selectors
import sys


async def main() -> asyncio.AbstractEventLoop:
    loop = asyncio.get_running_loop()
    print(f"platform: {sys.platform}")
    print(f"loop class: {type(loop).__name__}")  # (1)!
    print(f"selector: {type(selectors.DefaultSelector()).__name__}")  # (2)!
    print(f"inside main: is_running={loop.is_running()}, is_closed={loop.is_closed()}")
    return loop


loop = asyncio.run(main())
print(f"after run(): is_running={loop.is_running()}, is_closed={loop.is_closed()}")  # (3)!
