"""Reading and running offline (asyncdocs.offline, sw.js, assets/offline.js).

The build's file list and the service worker are checked on a real build; the reader's
side end to end in Chromium, in both languages, on a site served under a project
sub-path (/asyncio-docs/, as on GitHub Pages). `context.set_offline(True)` cuts the
service worker's network too: each offline test first proves it with a fetch the worker
cannot answer from its cache.
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import SNIPPETS, _QuietHandler, free_port
from test_accessibility import AXE, TAGS, described

from asyncdocs import offline, site
from asyncdocs.compare import mismatch

SUB = "asyncio-docs"
VISITED = "tutorial/async-await/"
SAMPLE = "tutorial/async-await/fetch_async.py"
NEVER_VISITED = "book/asyncpg-sanic/"  # never opened before going offline
FAR_SAMPLE = "book/asyncpg-sanic/cache_lru.py"  # it imports a companion file
NOT_SAVED = "guide/queues/"
PYODIDE = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"]

TEXT = {
    "en": {
        "offline": "You are offline",
        "save": "Save for offline",
        "saved": "Available offline",
        "removed": "The offline copy was removed",
        "update": "A new version of this site is ready.",
        "reload": "Reload to update",
        "query": "semaphore",
        "cut": "Saving stopped: the network went away.",
    },
    "zh": {
        "offline": "当前处于离线状态",
        "save": "保存供离线阅读",
        "saved": "已可离线使用",
        "removed": "离线副本已删除",
        "update": "本站的新版本已经就绪。",
        "reload": "重新加载以更新",
        "query": "事件循环",
        "cut": "保存中断：网络断开了。",
    },
}


class _HoldingHandler(_QuietHandler):
    """Serves files; logs each path; `server.hold = (suffix, event)` makes the request
    for that file wait until the event is set (a save caught halfway, without sleeps)."""

    def do_GET(self):
        self.server.requests.append(self.path)
        hold = self.server.hold
        if hold and self.path.endswith(hold[0]):
            hold[1].wait(timeout=60)
        super().do_GET()


class Deployment:
    """Builds served at http://127.0.0.1:PORT/asyncio-docs/; `deploy` swaps the build."""

    def __init__(self, root: Path):
        self.root = root
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/{SUB}/"
        self.first = root / "build-1"
        site.build(self.first, self.base)
        self.link = root / "served" / SUB
        self.link.parent.mkdir()
        self.link.symlink_to(self.first)
        handler = functools.partial(_HoldingHandler, directory=str(self.link.parent))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.server.requests, self.server.hold = [], None
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def manifest(self) -> dict:
        return json.loads((self.link / offline.MANIFEST).read_text(encoding="utf-8"))

    def changed_build(self, name: str, page: str, words: str) -> Path:
        """A copy of the first build with one page changed, finished as a build is."""
        new = self.root / name
        shutil.copytree(self.first, new, symlinks=True)
        index = new / page / "index.html"
        text = index.read_text(encoding="utf-8")
        index.write_text(text.replace("</article>", f"<p>{words}</p></article>", 1))
        offline.finish(new, list(site.LANGUAGES))
        return new

    def deploy(self, build: Path) -> None:
        self.link.unlink()
        self.link.symlink_to(build)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    made = Deployment(tmp_path_factory.mktemp("offline"))
    yield made
    made.close()


# ---- the build ------------------------------------------------------------------------


def test_the_file_list_covers_the_site_and_each_language_has_its_runner(deployment):
    built = deployment.first
    manifest = deployment.manifest()
    on_disk = {
        p.relative_to(built).as_posix()
        for p in built.rglob("*")
        if p.is_file() and p.name not in offline.NOT_LISTED
    }
    assert set(manifest["files"]) == on_disk
    for path, (revision, size) in manifest["files"].items():
        assert re.fullmatch(r"[0-9a-f]{12}", revision) and size == (built / path).stat().st_size
    for lang in site.LANGUAGES:
        pack = set(offline.pack(manifest["files"], lang))
        assert manifest["sizes"][lang] == sum(manifest["files"][p][1] for p in pack)
        assert {f"shared/pyodide/{n}" for n in PYODIDE} <= pack
        assert f"{lang}/search/search_index.json" in pack
        assert {
            f"{lang}/assets/runner/{n}" for n in ("worker.mjs", "engine.mjs", "shim.py")
        } <= pack
        # Every browser sample of every page: its file and its companions are saved.
        blocks = exercises = 0
        for page in (built / lang).rglob("index.html"):
            text = page.read_text(encoding="utf-8")
            for m in re.finditer(
                r'data-runner="browser" data-runner-path="([^"]+)".*?data-runner-files="([^"]*)"',
                text,
            ):
                blocks += 1
                if m[1] == "exercise.py":
                    continue  # an exercise's starter is in the page; its checks below
                folder = m[1].rpartition("/")[0]
                for name in [m[1].rpartition("/")[2], *json.loads(html.unescape(m[2]))]:
                    assert f"shared/snippets/{folder}/{name}" in pack, (page, name)
            # Every exercise: Check works offline (the checks and the checking module).
            for rel in re.findall(r'data-exercise="([^"]+)"', text):
                assert f"shared/exercises/{rel}/checks.py" in pack, (page, rel)
                exercises += 1
        assert blocks > 50
        assert exercises >= 24
        assert {f"{lang}/assets/runner/{n}" for n in ("checking.py", "check.py")} <= pack
        runner_page = (built / lang / "runner/index.html").read_text(encoding="utf-8")
        assert f'data-offline-bytes="{manifest["sizes"][lang]:012d}"' in runner_page
    sw = (built / offline.WORKER).read_text(encoding="utf-8")
    assert f'"version": "{manifest["version"]}"' in sw
    assert f'<meta name="asyncdocs-build" content="{manifest["version"]}">' in (
        built / "zh/index.html"
    ).read_text(encoding="utf-8")


def test_a_changed_file_changes_only_its_revision_and_the_version(deployment):
    before = deployment.manifest()
    again = offline.finish(deployment.first, list(site.LANGUAGES))
    assert again == before  # finishing twice changes nothing
    changed = deployment.changed_build("build-check", "en/preface", "One more line.")
    after = json.loads((changed / offline.MANIFEST).read_text(encoding="utf-8"))
    assert after["version"] != before["version"]
    differ = {p for p in before["files"] if before["files"][p] != after["files"][p]}
    assert differ == {"en/preface/index.html"}


# ---- the reader's side, in Chromium -------------------------------------------------


def axe_on(page, selector: str) -> list[dict]:
    """axe-core's violations inside one element (the control, the notice)."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "([sel, tags]) => axe.run({include: [[sel]]}, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations)",
        [selector, TAGS],
    )


class Reader:
    """A reader's browser profile on the deployment."""

    def __init__(self, browser, deployment: Deployment, lang: str, profile: Path | None = None):
        """A new private context; or, with `profile`, a browser of its own on that
        profile folder, with a disk cache as a reader's everyday browser has (a private
        context keeps its HTTP cache in memory, without files as large as Pyodide's
        9.6 MB WebAssembly)."""
        self.d, self.lang, self.t = deployment, lang, TEXT[lang]
        if profile:
            self.context = browser.browser_type.launch_persistent_context(
                str(profile), executable_path=site.CHROMIUM, args=site.CHROMIUM_ARGS
            )
        else:
            self.context = browser.new_context()
        self.context.add_init_script("localStorage.setItem('asyncdocs.runner.prefetch', 'none')")
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def url(self, path: str) -> str:
        return f"{self.d.base}{self.lang}/{path}"

    def open(self, path: str) -> None:
        self.page.goto(self.url(path))
        self.page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=20_000)

    def run(self, rel: str, timeout: float = 60_000) -> tuple[str, str]:
        block = self.page.locator(f'.highlight[data-runner-path="{rel}"]').first
        before = int(block.get_attribute("data-runner-runs") or 0)
        block.locator("button.runner-button--run").click()
        self.page.wait_for_function(
            "([el, n]) => Number(el.dataset.runnerRuns || 0) > n",
            arg=[block.element_handle(), before],
            timeout=timeout,
        )
        return block.locator(".runner-output").inner_text(), block.get_attribute(
            "data-runner-state"
        )

    def go_offline(self) -> None:
        self.context.set_offline(True)
        # The worker's own network is cut too: a file it never cached cannot be had.
        probe = f"{self.d.base}shared/pyodide/package.json"  # on the server: a 404
        got = self.page.evaluate("url => fetch(url).then(r => r.status, () => 'failed')", probe)
        assert got == "failed"

    def cache_urls(self) -> list[str]:
        return self.page.evaluate(
            """async () => { const out = [];
               for (const name of await caches.keys()) {
                 const cache = await caches.open(name);
                 for (const r of await cache.keys()) out.push(r.url); }
               return out; }"""
        )

    def usage(self) -> int:
        return self.page.evaluate("navigator.storage.estimate().then(e => e.usage)")

    def save(self) -> list[float]:
        """Press Save on the runner page; returns the progress values seen."""
        self.open("runner/")
        box = self.page.locator(".offline-save")
        save = box.locator("button.offline-save__save")
        size = self.d.manifest()["sizes"][self.lang] / 1e6
        assert f"{size:.1f} MB" in save.inner_text()  # the size, stated before it starts
        assert self.t["save"] in save.inner_text()
        assert (found := axe_on(self.page, ".offline-save")) == [], described(found)
        self.page.evaluate(
            """() => { window.progressSeen = [];
               const bar = document.querySelector('.offline-save__bar');
               new MutationObserver(() => window.progressSeen.push(bar.value / bar.max))
                 .observe(bar, {attributes: true}); }"""
        )
        save.focus()
        self.page.keyboard.press("Enter")  # by keyboard
        self.page.wait_for_selector(".offline-save[data-offline-state=saved]", timeout=180_000)
        assert self.t["saved"] in box.locator("[role=status]").inner_text()
        assert (found := axe_on(self.page, ".offline-save")) == [], described(found)
        assert self.page.evaluate(
            "document.activeElement.classList.contains('offline-save__remove')"
        )
        return self.page.evaluate("window.progressSeen")

    def close(self):
        assert self.errors == [], self.errors
        self.context.close()


@pytest.fixture
def reader(browser, deployment, request):
    made = []

    def make(lang, profile=None):
        made.append(Reader(browser, deployment, lang, profile))
        return made[-1]

    yield make
    for r in made:
        r.context.set_offline(False)
        r.close()


@pytest.mark.chromium
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_visited_page_opens_and_runs_offline(reader, lang, tmp_path):
    """In an everyday profile: the worker copies Python from the browser's HTTP cache,
    so that nothing is downloaded twice (checked on the server)."""
    r = reader(lang, profile=tmp_path / "profile")
    asked = len(r.d.server.requests)
    r.open(VISITED)  # the first page: loaded before the worker took over
    output, state = r.run(SAMPLE)
    assert state == "done"
    # The worker copies Python's files a few seconds after the browser fetched them:
    # wait until every one is stored whole (going offline sooner is not claimed to work).
    files = r.d.manifest()["files"]
    python = {
        f"{r.d.base}shared/pyodide/{n}": files[f"shared/pyodide/{n}"][1]
        for n in [*PYODIDE, "pyodide-lock.json"]
    }
    stored_whole = """async sizes => { const [n] = await caches.keys(); if (!n) return false;
         const cache = await caches.open(n);
         for (const [url, size] of Object.entries(sizes)) {
           const stored = await cache.match(url);
           if (!stored || (await stored.arrayBuffer()).byteLength !== size) return false; }
         return true; }"""
    # Polled here: wait_for_function takes the Promise an async function returns as true.
    for _ in range(120):
        if r.page.evaluate(stored_whole, python):
            break
        r.page.wait_for_timeout(500)
    else:
        raise AssertionError("Python's files were not stored within 60 s")
    # The search index, fetched by Material's search worker while this worker took over,
    # is stored too (the page asks for it a few times; only from the HTTP cache).
    index = f"{r.d.base}{lang}/search/search_index.json"
    for _ in range(60):
        if index in r.cache_urls():
            break
        r.page.wait_for_timeout(500)
    else:
        raise AssertionError("the search index was not stored within 30 s")
    fetched = [urlsplit(u).path for u in python]
    served = [path for path in r.d.server.requests[asked:] if path in fetched]
    assert sorted(served) == sorted(fetched), "each of Python's files is downloaded once"
    r.go_offline()
    r.page.reload()
    assert r.page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in (
        "sticky",
        "fixed",
    )  # styles came from the cache
    output, state = r.run(SAMPLE)
    stored = r.page.evaluate(
        "url => caches.match(url).then(r => r ? r.json() : null).then(j => j?.docs?.length ?? 0)",
        index,
    )
    assert stored > 0, "the stored search index is whole"
    recorded = (SNIPPETS / SAMPLE).with_suffix(".out").read_text(encoding="utf-8")
    assert state == "done" and mismatch(recorded, output, same_python=False) is None, output
    # A page never opened: the offline page, in the reader's language.
    response = r.page.goto(r.url(NOT_SAVED))
    assert response.status == 503
    assert r.page.locator("h1").inner_text() == r.t["offline"]
    assert r.page.evaluate("document.documentElement.lang") == lang
    # Nothing was saved: the worker never asked the server for the file list, and its
    # cache holds no note of a save.
    asked_for = [
        p for p in r.d.server.requests[asked:] if urlsplit(p).path.endswith(offline.MANIFEST)
    ]
    assert asked_for == [], asked_for
    assert not [u for u in r.cache_urls() if "/__offline__/" in u]


@pytest.mark.chromium
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_saved_language_opens_searches_and_runs_offline_then_is_removed(reader, lang):
    r = reader(lang)
    seen = r.save()
    assert any(0 < v < 1 for v in seen) and seen[-1] == 1, seen  # the bar moved
    urls = r.cache_urls()
    pack = offline.pack(r.d.manifest()["files"], lang)
    assert len([u for u in urls if "/__offline__/" not in u]) >= len(pack)
    other = "zh" if lang == "en" else "en"
    # Only this language (Material's language menu reads the other one's sitemap).
    assert [u for u in urls if f"/{SUB}/{other}/" in u] in ([], [r.d.base + f"{other}/sitemap.xml"])

    r.go_offline()
    r.page.goto(r.url(NEVER_VISITED))
    assert r.page.locator(f'.highlight[data-runner-path="{FAR_SAMPLE}"]').count() > 0
    output, state = r.run(FAR_SAMPLE)
    recorded = (SNIPPETS / FAR_SAMPLE).with_suffix(".out").read_text(encoding="utf-8")
    assert state == "done" and mismatch(recorded, output, same_python=False) is None, output
    # Search, offline, on a page opened offline.
    r.page.locator("input.md-search__input").click()
    r.page.locator("input.md-search__input").fill(r.t["query"])
    r.page.keyboard.press("End")  # Material searches on a key
    r.page.wait_for_selector(".md-search-result__item", timeout=20_000)
    assert r.page.locator(".md-search-result__item").count() > 0

    r.context.set_offline(False)
    r.open("runner/")
    r.page.wait_for_selector(".offline-save[data-offline-state=saved]")
    before = r.usage()
    r.page.locator("button.offline-save__remove").click()
    r.page.wait_for_selector(".offline-save[data-offline-state=idle]")
    assert r.t["removed"] in r.page.locator(".offline-save [role=status]").inner_text()
    freed = before - r.usage()
    assert freed > 0.8 * r.d.manifest()["sizes"][lang], (before, freed)
    r.go_offline()
    response = r.page.goto(r.url(NEVER_VISITED))
    assert response.status == 503 and r.page.locator("h1").inner_text() == r.t["offline"]


@pytest.mark.chromium
@pytest.mark.parametrize("lang", ["zh"])
def test_a_save_cut_off_halfway_says_so_and_goes_on_where_it_stopped(reader, deployment, lang):
    r = reader(lang)
    r.open("runner/")
    box = r.page.locator(".offline-save")
    server = deployment.server
    held = "/shared/pyodide/pyodide.asm.wasm"  # files before it are stored, many after
    gate = threading.Event()
    server.hold = (held, gate)
    try:
        box.locator("button.offline-save__save").click()
        r.page.wait_for_function("document.querySelector('.offline-save__bar').value > 0")
        for _ in range(600):
            if any(p.endswith(held) for p in server.requests):
                break
            r.page.wait_for_timeout(100)
        else:
            raise AssertionError("the save never asked for " + held)
        r.go_offline()  # mid-save: the other downloads fail
    finally:
        gate.set()
        server.hold = None
    r.page.wait_for_selector(".offline-save[data-offline-state=failed]", timeout=60_000)
    assert box.locator("[role=status]").inner_text().startswith(r.t["cut"])
    assert box.locator("button.offline-save__remove").is_visible()  # what was stored can go
    stored = {urlsplit(u).path for u in r.cache_urls() if "/__offline__/" not in u} & {
        f"/{SUB}/{p}".removesuffix("index.html") for p in deployment.manifest()["files"]
    }
    assert len(stored) > 10, stored

    r.context.set_offline(False)
    first = len(server.requests)
    box.locator("button.offline-save__save").click()
    r.page.wait_for_selector(".offline-save[data-offline-state=saved]", timeout=180_000)
    again = set(server.requests[first:])
    assert any(p.endswith(held) for p in again) or f"/{SUB}{held}" in stored
    assert not stored & again, sorted(stored & again)  # nothing stored is fetched again
    r.page.locator("button.offline-save__remove").click()
    r.page.wait_for_selector(".offline-save[data-offline-state=idle]")


@pytest.mark.chromium
def test_a_new_build_is_fetched_in_the_background_announced_once_never_mixed(reader, deployment):
    first = deployment.manifest()
    readers = {lang: reader(lang) for lang in ("en", "zh")}
    for r in readers.values():
        r.save()
        if r.lang == "zh":  # a page of a language this reader did not save
            r.page.goto(f"{deployment.base}en/{VISITED}")
        r.open(VISITED)
    words = "A line added by the new build."
    new = deployment.changed_build("build-2", f"en/{VISITED}", words)
    deployment.deploy(new)
    try:
        second = deployment.manifest()
        for lang, r in readers.items():
            r.page.evaluate("navigator.serviceWorker.getRegistration().then(g => g.update())")
            notice = r.page.locator(".offline-update")
            notice.get_by_text(TEXT[lang]["update"]).wait_for(timeout=60_000)
            assert notice.get_attribute("role") == "status"
            assert (found := axe_on(r.page, ".offline-update")) == [], described(found)
            # The new worker copied what did not change and fetched what did; it waits.
            assert sorted(r.page.evaluate("caches.keys()")) == sorted(
                [f"asyncdocs-{first['version']}", f"asyncdocs-{second['version']}"]
            )
        # Chinese reader: until they ask, every page load is all of the first build; a
        # reload shows the saved copy, and the notice is not shown a second time.
        r = readers["zh"]
        r.page.reload()
        assert first["version"] in r.page.content()
        r.page.wait_for_timeout(1000)
        assert r.page.locator(".offline-update").is_hidden()
        # Where a language was not saved, its copy may lack files that only the newer
        # build has: the newer page is shown, whole, instead of the stored one.
        r.page.goto(f"{deployment.base}en/{VISITED}")
        assert words in r.page.content() and second["version"] in r.page.content()
        # Its runner is of the newer build too: Python from the network (the save went
        # past the HTTP cache), not this build's stored copy.
        asked = len(deployment.server.requests)
        output, state = r.run(SAMPLE)
        assert state == "done", output
        assert f"/{SUB}/shared/pyodide/pyodide.asm.wasm" in deployment.server.requests[asked:]
        # English reader: "Reload to update" switches to the new build.
        r = readers["en"]
        r.page.get_by_role("button", name=TEXT["en"]["reload"]).click()
        r.page.wait_for_function(f"document.documentElement.innerHTML.includes({words!r})")
        assert second["version"] in r.page.content()
        assert r.page.evaluate("caches.keys()") == [f"asyncdocs-{second['version']}"]
        # Still saved, in the new version: it opens and runs offline.
        r.go_offline()
        r.page.reload()
        assert words in r.page.content()
        output, state = r.run(SAMPLE)
        assert state == "done", output
    finally:
        deployment.deploy(deployment.first)
