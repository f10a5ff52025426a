"""Checks for crawling the club's wiki (tutorial/crawler): bounded concurrency."""

import asyncio
import contextlib
import io
import time

from checking import Fail, check

FAN = {"/": [f"/walk/{n}" for n in range(1, 7)], **{f"/walk/{n}": ["/"] for n in range(1, 7)}}
WIDE = {"/": [f"/hut/{n}" for n in range(1, 9)], **{f"/hut/{n}": [] for n in range(1, 9)}}
TANGLED = {  # pages linked from several others, and cycles
    "/a": ["/b", "/c"],
    "/b": ["/d", "/a"],
    "/c": ["/d", "/e"],
    "/d": ["/e", "/b"],
    "/e": ["/a"],
}


class FakeWiki:
    """A wiki of the checks' own: counts fetches per page and the most at once."""

    def __init__(self, pages, latency):
        self.pages = pages
        self.latency = latency
        self.fetched = {}
        self.now = self.peak = 0

    async def fetch(self, page):
        self.fetched[page] = self.fetched.get(page, 0) + 1
        self.now += 1
        self.peak = max(self.peak, self.now)
        try:
            await asyncio.sleep(self.latency)
        finally:
            self.now -= 1
        return list(self.pages[page])


@contextlib.contextmanager
def serving(program, wiki):
    """The reader's `crawl` fetches from `wiki` while the block runs."""
    module = program.module
    real = program.function("fetch")
    module.fetch = wiki.fetch
    try:
        yield
    finally:
        module.fetch = real


async def crawled(program, wiki, start, limit):
    crawl = program.function("crawl")
    with serving(program, wiki), contextlib.redirect_stdout(io.StringIO()):
        pages = await crawl(start, limit)
    want = sorted(wiki.pages)
    if list(pages) != want:
        raise Fail(
            en=f"crawl({start!r}, {limit}) returned {pages!r}, expected {want!r}: every page "
            "reachable from the start page, sorted.",
            zh=f"crawl({start!r}, {limit}) 返回了 {pages!r}，应该是 {want!r}："
            "从起始页出发能到达的每一页，排好序。",
        )
    return pages


@check(
    "behaviour",
    en="Never more than limit fetches at the same time",
    zh="同时进行的抓取从不超过 limit 个",
)
async def never_more_than_limit(program):
    wiki = FakeWiki(WIDE, 0.05)
    await crawled(program, wiki, "/", 2)
    if wiki.peak > 2:
        raise Fail(
            en=f"crawl('/', limit=2) on a page with eight links fetched {wiki.peak} pages at "
            "the same time. Every fetch must wait for a free slot in one "
            "`asyncio.Semaphore(limit)`, created once per crawl and shared by all fetches: "
            "a semaphore created inside each fetch limits nobody.",
            zh=f"crawl('/', limit=2) 遇到一个有八个链接的页面，同时抓取了 {wiki.peak} 个页面。"
            "每次抓取都必须在同一个 `asyncio.Semaphore(limit)` 上等待空位，这个信号量每次爬取"
            "只创建一个，由所有抓取共用：在每次抓取里各自新建的信号量什么也限制不了。",
        )


@check(
    "behaviour",
    en="Each page is fetched once, however many pages link to it",
    zh="每个页面只抓取一次，不管有多少页面链接到它",
)
async def each_page_once(program):
    wiki = FakeWiki(TANGLED, 0.05)
    await crawled(program, wiki, "/a", 3)
    twice = sorted(page for page, count in wiki.fetched.items() if count > 1)
    if twice:
        raise Fail(
            en=f"On a wiki where several pages link to the same ones, crawl('/a', 3) fetched "
            f"{', '.join(twice)} more than once. Mark a page as seen when you first decide "
            "to fetch it, before any `await`, not once it has been fetched: until then, "
            "other pages can queue it again.",
            zh=f"在一个多个页面链接到同一些页面的 wiki 上，crawl('/a', 3) 把 {', '.join(twice)} "
            "抓取了不止一次。应该在第一次决定抓取某页时、在任何 `await` 之前就把它记为已见过，"
            "而不是等它抓取完：在那之前，别的页面还会再次把它排进来。",
        )


@check(
    "timing",
    en="Up to limit pages are fetched side by side",
    zh="能同时抓取多达 limit 个页面",
)
async def fetches_side_by_side(program):
    wiki = FakeWiki(FAN, 0.15)
    start = time.perf_counter()
    await wiki.fetch("/")
    one = time.perf_counter() - start
    wiki.fetched.clear()
    start = time.perf_counter()
    await crawled(program, wiki, "/", 3)
    took = time.perf_counter() - start
    if took > 4.5 * one:
        raise Fail(
            en=f"The start page and its six links, three at a time, should take about three "
            f"fetches' time; crawl('/', 3) took {took:.2f} s, {took / one:.1f} times one "
            f"fetch ({one:.2f} s): the pages are fetched one after another. Start every "
            "page of a round as a task, and let the semaphore hold back all but `limit` of "
            "them.",
            zh=f"起始页加上它的六个链接，每次三个，应该只要大约三次抓取的时间；crawl('/', 3) "
            f"却用了 {took:.2f} 秒，是一次抓取（{one:.2f} 秒）的 {took / one:.1f} 倍："
            "页面是一个接一个抓取的。请把一轮中的每个页面都作为任务启动，"
            "让信号量把超出 `limit` 的那些拦下来等待。",
        )


@check(
    "structure",
    en="The limit is kept with an asyncio.Semaphore or a queue of workers",
    zh="用 asyncio.Semaphore 或者工作者队列来限制并发",
)
async def uses_a_semaphore(program):
    if not any(
        program.uses(name)
        for name in ("asyncio.Semaphore", "asyncio.BoundedSemaphore", "asyncio.Queue")
    ):
        raise Fail(
            en="The program uses neither an `asyncio.Semaphore` nor an `asyncio.Queue`. "
            "Fetching the pages in batches of `limit` keeps the limit, but each batch waits "
            "for its slowest page while the other slots stand idle. A semaphore hands a "
            "slot to the next page the moment one is free.",
            zh="程序既没有用 `asyncio.Semaphore`，也没有用 `asyncio.Queue`。"
            "按每批 `limit` 个页面抓取虽然守住了上限，但每一批都要等最慢的那一页，"
            "其余空位只能闲着。信号量则在有空位的那一刻就把它交给下一个页面。",
        )
