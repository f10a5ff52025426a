"""A client for `news_scraper.py`: fetch the combined front page and print it as text.

Start `news_site.py` and `news_scraper.py` first, then run `python news_fetch.py`.
It asks for the front page twice: with the scraper's default patience, then with a
patience of 0.4 s per outlet.
"""

import asyncio
import time

import aiohttp
from news_scraper import pick  # (1)!

FRONT_PAGE = "http://127.0.0.1:25120/"


async def show(session: aiohttp.ClientSession, url: str) -> None:
    """Time one request for a front page, then print its outlets and headlines."""
    start = time.perf_counter()
    async with session.get(url) as response:
        page = await response.text()
    seconds = time.perf_counter() - start
    print(f"GET {url} -> {response.status} in {seconds:.2f} s")
    found = pick(page, "h2.outlet-name", "p.timing", "li.headline", "p.unavailable")  # (2)!
    for selector, text in found:
        if selector == "h2.outlet-name":
            print(f"  {text}", end="")
        elif selector == "p.timing":
            print(f" ({text})")
        elif selector == "li.headline":
            print(f"    - {text}")
        else:
            print(f"    ! {text}")
    total = sum(float(text.split()[0]) for selector, text in found if selector == "p.timing")
    print(f"  the outlets took {total:.2f} s added up; the page took {seconds:.2f} s")  # (3)!


async def main() -> None:
    """Fetch the front page with the default patience, then with 0.4 s per outlet."""
    async with aiohttp.ClientSession() as session:
        await show(session, FRONT_PAGE)
        await show(session, FRONT_PAGE + "?patience=0.4")  # (4)!


if __name__ == "__main__":
    asyncio.run(main())
