"""Fetch a list of pages concurrently, collect the links on them, and save the links.

Usage: python crawler.py URLS_FILE [OUTPUT_FILE]
"""

import asyncio
import sys
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import aiofiles
import aiohttp

MAX_AT_ONCE = 3  # be nice: never more than this many requests in flight
TIMEOUT = aiohttp.ClientTimeout(total=1.0)  # seconds for one whole request


class LinkParser(HTMLParser):
    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base
        self.links: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            link = urljoin(self.base, href).split("#")[0]  # (1)!
            if urlsplit(link).scheme in ("http", "https"):
                self.links.add(link)


async def fetch_html(session: aiohttp.ClientSession, url: str) -> tuple[str, str]:
    async with session.get(url) as response:  # (2)!
        response.raise_for_status()  # a 404 becomes ClientResponseError
        return str(response.url), await response.text()  # the URL after any redirect


async def crawl_one(session: aiohttp.ClientSession, gate: asyncio.Semaphore, url: str) -> tuple:
    async with gate:  # (3)!
        try:
            final_url, html = await fetch_html(session, url)
        except aiohttp.ClientResponseError as error:
            return url, f"HTTP {error.status}", set()
        except (aiohttp.ClientError, TimeoutError) as error:  # (4)!
            return url, type(error).__name__, set()
    parser = LinkParser(final_url)
    parser.feed(html)
    return url, "ok", parser.links


async def main(urls_file: str, output_file: str) -> None:
    async with aiofiles.open(urls_file) as f:  # (5)!
        urls = [line.strip() for line in await f.readlines() if line.strip()]
    gate = asyncio.Semaphore(MAX_AT_ONCE)
    async with aiohttp.ClientSession(timeout=TIMEOUT) as session:  # (6)!
        results = await asyncio.gather(*(crawl_one(session, gate, u) for u in urls))
    found: set[str] = set()
    for url, status, links in results:
        print(f"{status:<22} {url}  ({len(links)} links)")
        found |= links
    async with aiofiles.open(output_file, "w") as f:
        await f.write("".join(f"{link}\n" for link in sorted(found)))
    print(f"{len(found)} distinct links written to {output_file}")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "links.txt"))
