"""Parsing HTML is CPU work: in the coroutine it stalls the loop; in a thread it does not."""

import asyncio
import time
from html.parser import HTMLParser

PAGE = "<html><body>" + '<p><a href="/item">item</a> text</p>' * 20_000 + "</body></html>"


class LinkCounter(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.links += tag == "a"


def count_links(html: str) -> int:
    parser = LinkCounter()
    parser.feed(html)
    return parser.links


async def ticker(gaps: list[float], stop: asyncio.Event) -> None:
    last = time.perf_counter()
    while not stop.is_set():
        await asyncio.sleep(0.01)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now


async def measure(label: str, in_thread: bool) -> None:
    gaps: list[float] = []
    stop = asyncio.Event()
    tick = asyncio.create_task(ticker(gaps, stop))
    await asyncio.sleep(0.05)
    start = time.perf_counter()
    if in_thread:
        links = await asyncio.to_thread(count_links, PAGE)  # (1)!
    else:
        links = count_links(PAGE)  # (2)!
    took = time.perf_counter() - start
    await asyncio.sleep(0.05)
    stop.set()
    await tick
    frozen = max(gaps) >= took  # (3)!
    print(f"{label}: {links:,} links; other tasks frozen throughout: {frozen}")


async def main() -> None:
    await measure("parsed in the coroutine", in_thread=False)
    await measure("parsed in a thread     ", in_thread=True)


asyncio.run(main())
