"""Check every link of a small website: report broken links, redirects and slow pages.

Usage: python linkcheck.py START_URL [--log FILE]
"""

import argparse
import asyncio
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import aiofiles
import aiohttp

PATIENCE = aiohttp.ClientTimeout(total=2.0)  # seconds for one whole request
IN_FLIGHT = 3  # at most this many requests at once: the site is not ours to flood
SLOW = 0.5  # seconds; slower pages are named in the report


class AnchorCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "a":
            self.hrefs += [value for name, value in attrs if name == "href" and value]


@dataclass
class Verdict:
    url: str
    problem: str = ""  # empty if the link works
    moved_to: str = ""  # where a redirect led
    seconds: float = 0.0
    targets: set[str] = field(default_factory=set)  # links found on the page


async def probe(
    session: aiohttp.ClientSession,
    slots: asyncio.Semaphore,
    url: str,
    on_site: bool,
    log,
    log_lock: asyncio.Lock,
) -> Verdict:
    verdict = Verdict(url)
    html = ""
    async with slots:  # (1)!
        started = time.perf_counter()
        try:
            async with session.get(url) as response:  # (2)!
                if response.history:
                    verdict.moved_to = str(response.url)
                if response.status >= 400:
                    verdict.problem = f"{response.status} {response.reason}"
                elif on_site and response.content_type == "text/html":
                    html = await response.text()
        except TimeoutError:  # (3)!
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
            target = urldefrag(urljoin(base, href)).url  # (4)!
            if urlsplit(target).scheme in ("http", "https") and target != base:
                verdict.targets.add(target)
    async with log_lock:  # (5)!
        await log.write(f"{verdict.seconds:.3f}\t{verdict.problem or 'ok'}\t{url}\n")
    return verdict


async def check_site(start: str, log_path: str) -> tuple[dict, dict, int]:
    verdicts: dict[str, Verdict] = {}
    linked_from: dict[str, set[str]] = {start: set()}
    todo, rounds = [start], 0
    slots, log_lock = asyncio.Semaphore(IN_FLIGHT), asyncio.Lock()
    async with (
        aiohttp.ClientSession(timeout=PATIENCE) as session,  # (6)!
        aiofiles.open(log_path, "w") as log,
    ):
        while todo:
            rounds += 1
            async with asyncio.TaskGroup() as group:  # (7)!
                tasks = [
                    group.create_task(
                        probe(session, slots, url, url.startswith(start), log, log_lock)
                    )
                    for url in todo
                ]
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
        print(f"broken  {short(v.url):<26} {v.problem:<24} linked from {sources(v.url)}")
    for v in sorted(moved, key=lambda v: v.url):
        new = f"now {short(v.moved_to)}"
        print(f"moved   {short(v.url):<26} {new:<24} linked from {sources(v.url)}")
    for v in sorted(slow, key=lambda v: v.url):
        print(f"slow    {short(v.url):<26} {v.seconds:.1f} s")  # (8)!


def main() -> None:
    parser = argparse.ArgumentParser(description="Check the links of a website.")
    parser.add_argument("start", help="the page to start from, e.g. http://127.0.0.1:8765/")
    parser.add_argument("--log", default="linkcheck.tsv", help="one line per request")
    args = parser.parse_args()
    verdicts, linked_from, rounds = asyncio.run(check_site(args.start, args.log))
    report(args.start, verdicts, linked_from, rounds)
    print(f"every request is logged in {args.log}")


if __name__ == "__main__":
    main()
