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
    queue = asyncio.Queue()  # no rounds: `limit` workers share a queue of pages
    queue.put_nowait(start)
    seen = set()  # the pages fetched so far

    async def worker() -> None:
        while True:
            page = await queue.get()
            try:
                if page not in seen:
                    links = await fetch(page)
                    seen.add(page)
                    for link in links:
                        if link not in seen:
                            queue.put_nowait(link)
            finally:
                queue.task_done()

    workers = [asyncio.create_task(worker()) for _ in range(limit)]
    await queue.join()
    for task in workers:
        task.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    return sorted(seen)


async def main() -> None:
    pages = await crawl("/", limit=3)
    print(f"{len(pages)} pages: {', '.join(pages)}")
    print(f"the wiki served at most {busiest} pages at once")


if __name__ == "__main__":
    asyncio.run(main())
