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

    async def polite_fetch(page: str) -> list[str]:
        async with asyncio.Semaphore(limit):  # at most `limit` at a time
            return await fetch(page)

    seen = {start}
    todo = [start]
    while todo:  # one round per depth: all of the round's pages at once
        async with asyncio.TaskGroup() as tg:
            fetches = [tg.create_task(polite_fetch(page)) for page in todo]
        todo = []
        for task in fetches:
            for link in task.result():
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
