"""Crawl a hiking club's small wiki, kept in memory: follow every link from a start page."""

import asyncio

WIKI = {  # page -> the pages it links to
    "/": ["/trails", "/huts", "/club"],
    "/trails": ["/trails/ridge", "/trails/lake", "/trails/forest", "/huts"],
    "/trails/ridge": ["/huts/summit", "/"],
    "/trails/lake": ["/huts/boathouse"],
    "/trails/forest": ["/trails/lake", "/club/kit"],
    "/huts": ["/huts/summit", "/huts/boathouse"],
    "/huts/summit": [],
    "/huts/boathouse": ["/club"],
    "/club": ["/club/join", "/club/kit", "/"],
    "/club/join": [],
    "/club/kit": ["/trails"],
}
LATENCY = 0.2  # seconds the wiki takes to serve a page
serving = 0  # fetches the wiki is serving right now
busiest = 0  # the most it ever served at once


async def fetch(page: str) -> list[str]:
    """Ask the wiki for `page`; returns the pages it links to."""
    global serving, busiest
    serving += 1
    busiest = max(busiest, serving)
    try:
        await asyncio.sleep(LATENCY)
    finally:
        serving -= 1
    return WIKI[page]


async def crawl(start: str, limit: int) -> list[str]:
    """Every page reachable from `start`, sorted. Each page is fetched once, and never
    more than `limit` fetches run at the same time."""
    seen = {start}
    todo = [start]
    while todo:  # one round per depth: all of the round's pages at once
        fetches = []
        for first in range(0, len(todo), limit):  # `limit` pages at a time
            batch = todo[first : first + limit]
            fetches += await asyncio.gather(*(fetch(page) for page in batch))
        todo = []
        for links in fetches:
            for link in links:
                if link not in seen:
                    seen.add(link)
                    todo.append(link)
    return sorted(seen)


async def main() -> None:
    pages = await crawl("/", limit=3)
    print(f"{len(pages)} pages: {', '.join(pages)}")
    print(f"the wiki served at most {busiest} pages at once")


if __name__ == "__main__":
    asyncio.run(main())
