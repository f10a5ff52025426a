"""Check the links of a small website: broken links, redirects, slow pages.

Usage: python linkcheck.py START_URL [--log FILE]
"""

import argparse
import asyncio
import time
from dataclasses import dataclass, field
from functools import partial
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import aiofiles
import aiohttp

PATIENCE = aiohttp.ClientTimeout(total=2.0)  # seconds for one whole request
IN_FLIGHT = 3  # requests at once, at most: the site is not ours to flood
SLOW = 0.5  # seconds; slower pages are named in the report


class AnchorCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


@dataclass
class Verdict:
    url: str
    problem: str = ""  # empty if the link works
    moved_to: str = ""  # where a redirect led
    seconds: float = 0.0
    targets: set[str] = field(default_factory=set)  # links found on the page


class RequestLog:
    """One line per request, written as soon as its answer is in."""

    def __init__(self, file) -> None:
        self.file = file
        self.lock = asyncio.Lock()

    async def add(self, verdict: Verdict) -> None:
        outcome = verdict.problem or "ok"
        line = f"{verdict.seconds:.3f}\t{outcome}\t{verdict.url}\n"
        async with self.lock:  # (1)!
            await self.file.write(line)


async def probe(
    session: aiohttp.ClientSession,
    slots: asyncio.Semaphore,
    log: RequestLog,
    site: str,  # pages under this URL are searched for links
    url: str,
) -> Verdict:
    verdict = Verdict(url)
    html = ""
    async with slots:  # (2)!
        started = time.perf_counter()
        try:
            async with session.get(url) as response:  # (3)!
                if response.history:
                    verdict.moved_to = str(response.url)
                if response.status >= 400:
                    verdict.problem = f"{response.status} {response.reason}"
                elif url.startswith(site) and "html" in response.content_type:
                    html = await response.text()
        except TimeoutError:  # (4)!
            verdict.problem = f"no answer within {PATIENCE.total} s"
        except aiohttp.ClientConnectorError:
            verdict.problem = "cannot connect"
        except aiohttp.ClientError as error:
            verdict.problem = type(error).__name__
        verdict.seconds = time.perf_counter() - started
    if html:
        collector = AnchorCollector()
        collector.feed(html)
        base = verdict.moved_to or url
        for href in collector.hrefs:
            target = urldefrag(urljoin(base, href)).url  # (5)!
            if urlsplit(target).scheme in ("http", "https") and target != base:
                verdict.targets.add(target)
    await log.add(verdict)
    return verdict


async def check_site(start: str, log_path: str) -> tuple[dict, dict, int]:
    verdicts: dict[str, Verdict] = {}
    linked_from: dict[str, set[str]] = {start: set()}
    todo, rounds = [start], 0
    slots = asyncio.Semaphore(IN_FLIGHT)
    async with (
        aiohttp.ClientSession(timeout=PATIENCE) as session,  # (6)!
        aiofiles.open(log_path, "w") as log_file,
    ):
        visit = partial(probe, session, slots, RequestLog(log_file), start)
        while todo:
            rounds += 1
            async with asyncio.TaskGroup() as group:  # (7)!
                tasks = [group.create_task(visit(url)) for url in todo]
            todo = []
            for task in tasks:
                verdict = task.result()
                verdicts[verdict.url] = verdict
                for target in sorted(verdict.targets):
                    if target not in linked_from:
                        linked_from[target] = set()
                        todo.append(target)
                    linked_from[target].add(verdict.url)
    return verdicts, linked_from, rounds


def report(start: str, verdicts: dict, linked_from: dict, rounds: int) -> None:
    parts = urlsplit(start)
    origin = f"{parts.scheme}://{parts.netloc}"

    def short(url: str) -> str:
        return url.removeprefix(origin) if url.startswith(origin + "/") else url

    def sources(url: str) -> str:
        return ", ".join(short(page) for page in sorted(linked_from[url]))

    broken = [v for v in verdicts.values() if v.problem]
    moved = [v for v in verdicts.values() if v.moved_to and not v.problem]
    slow = [v for v in verdicts.values() if v.seconds > SLOW and not v.problem]
    fine = len(verdicts) - len(broken) - len(moved)
    print(f"{len(verdicts)} URLs checked in {rounds} rounds: ", end="")
    print(f"{fine} fine, {len(broken)} broken, {len(moved)} redirected")
    for v in sorted(broken, key=lambda v: v.url):
        print(f"broken {short(v.url):<27}{v.problem:<24}on {sources(v.url)}")
    for v in sorted(moved, key=lambda v: v.url):
        new = f"now {short(v.moved_to)}"
        print(f"moved  {short(v.url):<27}{new:<24}on {sources(v.url)}")
    for v in sorted(slow, key=lambda v: v.url):
        print(f"slow   {short(v.url):<27}{v.seconds:.1f} s")  # (8)!


def main() -> None:
    parser = argparse.ArgumentParser(description="Check the links of a site.")
    parser.add_argument("start", help="first page, e.g. http://127.0.0.1:8765/")
    parser.add_argument("--log", default="linkcheck.tsv", help="request log")
    args = parser.parse_args()
    results = asyncio.run(check_site(args.start, args.log))
    report(args.start, *results)
    print(f"every request is logged in {args.log}")


if __name__ == "__main__":
    main()
