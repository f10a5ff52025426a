"""The news scraper: an aiohttp app on http://127.0.0.1:25120/ that combines several outlets.

Every request for the front page fetches all outlets of the news site (`news_site.py`,
which must be running) at the same time with one shared `aiohttp.ClientSession`, picks
the headlines out of each outlet's HTML with the standard library's `html.parser`, and
renders them into the template `news_page.html`. An outlet that fails or is too slow is
shown as unavailable. Run it with `python news_scraper.py`; stop it with Ctrl+C or SIGTERM.
"""

import asyncio
import html
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from string import Template

import aiohttp
from aiohttp import web

HOST, PORT = "127.0.0.1", 25120
NEWS_SITE = "http://127.0.0.1:25110"
PATIENCE = 1.0  # seconds we wait for one outlet, unless the request asks otherwise


# --8<-- [start:picker]
@dataclass(frozen=True)
class Outlet:
    """A news outlet: its name, its page on the news site, and where its headlines are.

    `selector` is `"tag.class"`: every element with that tag and class holds one headline.
    """

    name: str
    path: str
    selector: str


OUTLETS = [
    Outlet("The Lantern Daily", "/lantern", "h2.headline"),  # (1)!
    Outlet("Riverside Courier", "/courier", "a.story-link"),
    Outlet("Pine Valley Post", "/pinevalley", "td.title"),
    Outlet("Northwind Wire", "/northwind", "h3.wire-title"),
]


class TextPicker(HTMLParser):
    """Collect, in document order, the text of the elements matching some selectors."""

    def __init__(self, selectors: list[str]) -> None:
        super().__init__()
        self.wanted = {tuple(s.split(".", 1)): s for s in selectors}
        self.picked: list[tuple[str, str]] = []  # (selector, text) pairs
        self.inside: tuple[str, str] | None = None  # the (tag, selector) being read
        self.depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.inside:
            self.depth += tag == self.inside[0]  # (2)!
            return
        for cls in (dict(attrs).get("class") or "").split():
            if (tag, cls) in self.wanted:
                self.inside, self.depth, self.text = (tag, self.wanted[tag, cls]), 1, []
                return

    def handle_endtag(self, tag: str) -> None:
        if self.inside and tag == self.inside[0]:
            self.depth -= 1
            if self.depth == 0:
                text = " ".join("".join(self.text).split())  # (3)!
                self.picked.append((self.inside[1], text))
                self.inside = None

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.text.append(data)


def pick(page: str, *selectors: str) -> list[tuple[str, str]]:
    """Return `(selector, text)` for each element of `page` that matches a selector.

    Args:
        page: the HTML text.
        selectors: `"tag.class"` strings, such as `"h2.headline"`.
    """
    picker = TextPicker(list(selectors))
    picker.feed(page)
    picker.close()
    return picker.picked


# --8<-- [end:picker]


# --8<-- [start:fetch]
@dataclass
class Report:
    """What scraping one outlet gave: its headlines, or the reason it is unavailable."""

    outlet: Outlet
    seconds: float
    headlines: list[str] = field(default_factory=list)
    problem: str | None = None


async def fetch_headlines(
    session: aiohttp.ClientSession, outlet: Outlet, patience: float
) -> list[str]:
    """Download one outlet's page and return its headlines; raise if that fails.

    Args:
        session: the shared client session, whose `base_url` is the news site.
        outlet: the outlet to scrape.
        patience: seconds allowed for the whole exchange; then `TimeoutError`.
    """
    async with asyncio.timeout(patience):  # (1)!
        async with session.get(outlet.path) as response:
            response.raise_for_status()  # (2)!
            page = await response.text()
    return [text for _, text in pick(page, outlet.selector)]


async def scrape(session: aiohttp.ClientSession, outlet: Outlet, patience: float) -> Report:
    """Scrape one outlet, timing it; a failure becomes a report, not an exception."""
    start = time.perf_counter()
    try:
        headlines = await fetch_headlines(session, outlet, patience)
    except aiohttp.ClientResponseError as error:
        problem = f"HTTP {error.status} {error.message}"
    except TimeoutError:
        problem = f"no answer within {patience:.2f} s"
    except aiohttp.ClientError as error:  # (3)!
        problem = type(error).__name__
    else:
        return Report(outlet, time.perf_counter() - start, headlines)
    return Report(outlet, time.perf_counter() - start, problem=problem)


async def scrape_all(session: aiohttp.ClientSession, patience: float) -> list[Report]:
    """Scrape every outlet at the same time; reports come back in the order of `OUTLETS`."""
    jobs = (scrape(session, outlet, patience) for outlet in OUTLETS)
    return await asyncio.gather(*jobs)  # (4)!


# --8<-- [end:fetch]


# --8<-- [start:app]
SESSION = web.AppKey("session", aiohttp.ClientSession)
TEMPLATE = web.AppKey("template", Template)


def render_section(report: Report) -> str:
    """One outlet's `<section>` of the combined page, with every text escaped."""
    url = html.escape(NEWS_SITE + report.outlet.path)
    if report.problem:
        body = f'<p class="unavailable">unavailable: {html.escape(report.problem)}</p>'
    else:
        items = "".join(f'<li class="headline">{html.escape(h)}</li>' for h in report.headlines)
        body = f"<ul>{items}</ul>"
    return (
        f'    <section class="outlet"><h2 class="outlet-name"><a href="{url}">'
        f"{html.escape(report.outlet.name)}</a></h2>"
        f'<p class="timing">{report.seconds:.2f} s</p>{body}</section>'
    )


async def front_page(request: web.Request) -> web.Response:
    """`GET /`: scrape all outlets now and answer with the combined page.

    The query parameter `patience` (seconds, default `PATIENCE`) sets how long to wait
    for each outlet, e.g. `/?patience=0.4`.
    """
    try:
        patience = float(request.query.get("patience", PATIENCE))  # (1)!
    except ValueError:
        raise web.HTTPBadRequest(text="patience must be a number of seconds") from None
    start = time.perf_counter()
    reports = await scrape_all(request.app[SESSION], patience)
    seconds = time.perf_counter() - start
    working = [r for r in reports if not r.problem]
    count = sum(len(r.headlines) for r in working)
    summary = f"{count} headlines from {len(working)} of {len(reports)} outlets in {seconds:.2f} s"
    print(f"front page: {summary}")
    page = request.app[TEMPLATE].substitute(  # (2)!
        summary=summary, sections="\n".join(render_section(r) for r in reports)
    )
    return web.Response(text=page, content_type="text/html")


async def client_session(app: web.Application) -> AsyncIterator[None]:
    """Open the one `ClientSession` the app shares at startup; close it at shutdown."""
    async with aiohttp.ClientSession(base_url=NEWS_SITE) as session:  # (3)!
        app[SESSION] = session
        yield
    print("news scraper: client session closed")


def make_app() -> web.Application:
    """Build the application: the front page, the page template and the client session."""
    app = web.Application()
    template_file = Path(__file__).with_name("news_page.html")
    app[TEMPLATE] = Template(template_file.read_text(encoding="utf-8"))
    app.cleanup_ctx.append(client_session)
    app.router.add_get("/", front_page)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host=HOST, port=PORT, access_log=None)  # (4)!
# --8<-- [end:app]
