"""The in-page runner end to end, in real Chromium, in both languages.

One browser context (one tab) per language serves all its tests, as a reader's tab
would: Python is loaded once and must survive instant navigation. The English tab asks
for prefetching on intent only (so the test can prove nothing is fetched before), the
Chinese one keeps the site's default (prefetch once the page has settled).
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import SNIPPETS

from asyncdocs.compare import mismatch

pytestmark = pytest.mark.chromium

PAGE = "tutorial/async-await/"
SAMPLE = "tutorial/async-await/fetch_async.py"
SLOW_SAMPLE = "tutorial/async-await/fetch_sync.py"
NEXT_CHAPTER = "tutorial/generators/"
PYODIDE = "/shared/pyodide/"

TEXT = {
    "en": {
        "run": "Run fetch_async.py",
        "buttons": ["Stop", "Reset", "Copy", "Close"],
        "exit0": "Exit status 0",
        "running": "Running",
        "stopped": "Stopped",
        "input": "input() does not work in the browser. Run this example locally",
        "local": "needs a local Python",
    },
    "zh": {
        "run": "运行 fetch_async.py",
        "buttons": ["停止", "重置", "复制", "关闭"],
        "exit0": "退出状态 0",
        "running": "正在运行",
        "stopped": "已停止",
        "input": "浏览器中无法使用 input()。请在本地运行此示例",
        "local": "需要在本地的 Python 中运行",
    },
}


class Tab:
    """A reader's tab on the built site, with every request it made."""

    def __init__(self, browser, base: str, lang: str, prefetch: str | None):
        self.base, self.lang, self.t = base, lang, TEXT[lang]
        self.context = browser.new_context()
        self.context.grant_permissions(["clipboard-read", "clipboard-write"])
        if prefetch:
            self.context.add_init_script(
                f"localStorage.setItem('asyncdocs.runner.prefetch', {json.dumps(prefetch)})"
            )
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, path: str = PAGE) -> None:
        url = f"{self.base}{self.lang}/{path}"
        if self.page.url != url:
            self.page.goto(url)

    def block(self, rel: str = SAMPLE):
        return self.page.locator(f'.highlight[data-runner-path="{rel}"]')

    def pyodide_requests(self) -> list[str]:
        return [u for u in self.requests if PYODIDE in u]

    def start(self, block, code: str | None = None, via=None) -> int:
        """Set the code (if given) and press Run; returns the runs counted before."""
        if code is not None:
            if "runner-open" not in block.get_attribute("class"):
                self.run(block)  # the first Run opens the editor on the sample
            block.locator("textarea").fill(code)
        before = int(block.get_attribute("data-runner-runs") or 0)
        (via or block.locator("button.runner-button--run")).click()
        return before

    def finish(self, block, before: int, timeout: float = 30_000) -> tuple[str, str, str]:
        """Wait for the run after `before`; returns (output, status line, result kind)."""
        self.page.wait_for_function(
            "([el, n]) => Number(el.dataset.runnerRuns || 0) > n",
            arg=[block.element_handle(), before],
            timeout=timeout,
        )
        return (
            block.locator(".runner-output").inner_text(),
            block.locator(".runner-status").inner_text(),
            block.get_attribute("data-runner-state"),
        )

    def run(self, block, code: str | None = None, timeout: float = 30_000):
        return self.finish(block, self.start(block, code), timeout)

    def wait_ready(self) -> None:
        self.page.wait_for_function("window.asyncdocsRunner.state === 'ready'", timeout=30_000)

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def tabs(browser, built_site):
    _, base = built_site
    made: dict[str, Tab] = {}

    def tab(lang: str) -> Tab:
        if lang not in made:
            made[lang] = Tab(browser, base, lang, prefetch="intent" if lang == "en" else None)
        return made[lang]

    # The Chinese tab opens first and is left alone: its Python loads by itself (the
    # site's default prefetch) while the English tests run.
    tab("zh").open()
    yield tab
    for t in made.values():
        assert t.errors == [], t.errors
        t.close()


def recorded(rel: str) -> str:
    return (SNIPPETS / rel).with_suffix(".out").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_python_is_fetched_only_when_a_reader_is_likely_to_run(tabs, lang):
    tab = tabs(lang)
    tab.open()
    tab.page.wait_for_load_state("networkidle")
    own = urlsplit(tab.base).netloc
    if lang == "en":  # prefetch on intent: nothing until a pointer reaches a Run button
        assert tab.pyodide_requests() == []
        with tab.page.expect_request(lambda r: r.url.endswith("pyodide.asm.wasm")):
            tab.block().get_by_role("button", name=tab.t["run"]).hover()
    # The site's default (zh) loads it once the page has settled, with no interaction.
    tab.wait_ready()
    fetched = tab.pyodide_requests()
    assert fetched and all(urlsplit(u).netloc == own for u in fetched)
    assert all(urlsplit(u).path.startswith(PYODIDE) for u in fetched), "one copy for all languages"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_run_shows_the_recorded_output(tabs, lang):
    tab = tabs(lang)
    tab.open()
    block = tab.block()
    run = block.get_by_role("button", name=tab.t["run"])
    output, status, kind = tab.finish(block, tab.start(block, via=run))
    assert kind == "done"
    assert tab.t["exit0"] in status
    assert mismatch(recorded(SAMPLE), output, same_python=False) is None, output


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_edit_and_run_again(tabs, lang):
    tab = tabs(lang)
    tab.open()
    block = tab.block()
    code = (
        "import sys\n"
        'print("<b>not bold</b> & <script>alert(1)</script>")\n'
        'print("to stderr", end="", file=sys.stderr)\n'
        'raise ValueError("boom")\n'
    )
    output, status, _ = tab.run(block, code)
    assert output.startswith("<b>not bold</b> & <script>alert(1)</script>\nto stderr")
    assert block.locator(".runner-output b, .runner-output script").count() == 0, "text, not HTML"
    stderr = block.locator(".runner-stderr").inner_text()
    assert stderr.startswith("to stderr")
    assert 'File "fetch_async.py", line 4, in <module>' in stderr, "the editor's line numbers"
    assert "ValueError: boom" in stderr and "_runner_shim" not in stderr
    assert "ValueError" in status

    output, status, _ = tab.run(block, 'name = input("name? ")\n')
    assert tab.t["input"] in output, "RunLocallyError speaks the page's language"
    assert tab.t["local"] in status

    block.get_by_role("button", name=tab.t["buttons"][1], exact=True).click()  # Reset
    original = block.get_attribute("data-runner-code")
    assert block.locator("textarea").input_value() == original
    assert "# (" not in original, "annotation markers are not in the editor"
    block.get_by_role("button", name=tab.t["buttons"][2], exact=True).click()  # Copy
    copied = tab.page.evaluate("navigator.clipboard.readText()")
    assert copied == original
    output, _, kind = tab.run(block)
    assert kind == "done" and mismatch(recorded(SAMPLE), output, same_python=False) is None


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_stop_then_run_again(tabs, lang):
    tab = tabs(lang)
    tab.open()
    block = tab.block()
    stop = block.get_by_role("button", name=tab.t["buttons"][0])
    status = block.locator(".runner-status")
    tab.run(block, "pass\n")  # Python is up (alone, this test may be the tab's first Run)
    worker = tab.page.evaluate_handle("window.asyncdocsRunner.worker")

    # Awaiting code is cancelled by a message: the same Python carries on.
    before = tab.start(
        block,
        "import asyncio\n\n\nasync def main():\n    while True:\n"
        '        print("tick", flush=True)\n        await asyncio.sleep(0.05)\n\n\n'
        "asyncio.run(main())\n",
    )
    block.locator(".runner-output").get_by_text("tick").first.wait_for()
    stop.click()
    output, text, kind = tab.finish(block, before)
    assert kind == "stopped" and tab.t["stopped"] in text
    assert output.rstrip().endswith("KeyboardInterrupt")
    assert tab.page.evaluate("(w) => w === window.asyncdocsRunner.worker", worker)

    # A loop that never yields is stopped by ending the worker; a new one starts by itself.
    before = tab.start(block, "while True:\n    pass\n")
    status.get_by_text(tab.t["running"]).wait_for()
    stop.click()
    _, text, kind = tab.finish(block, before)
    assert kind == "stopped" and tab.t["stopped"] in text
    assert not tab.page.evaluate("(w) => w === window.asyncdocsRunner.worker", worker)
    tab.wait_ready()
    output, _, kind = tab.run(block, 'print("running again")\n')
    assert (output, kind) == ("running again\n", "done")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_next_chapter_runs_without_fetching_python_again(tabs, lang):
    tab = tabs(lang)
    tab.open()
    tab.wait_ready()
    tab.page.evaluate("window.sameDocument = true")
    fetched = len(tab.pyodide_requests())
    tab.page.locator(
        f'.md-nav--primary a.md-nav__link[href$="{NEXT_CHAPTER.split("/")[-2]}/"]'
    ).first.click()
    tab.page.wait_for_url(f"**/{lang}/{NEXT_CHAPTER}")
    assert tab.page.evaluate("window.sameDocument === true"), "instant navigation, no reload"
    # The chapter's samples live in the snippets folder of the same name.
    sample = f'.highlight[data-runner="browser"][data-runner-path^="{NEXT_CHAPTER}"]'
    block = tab.page.locator(sample).first
    block.scroll_into_view_if_needed()
    rel = block.get_attribute("data-runner-path")
    output, _, kind = tab.run(block)
    assert kind in ("done",)
    assert mismatch(recorded(rel), output, same_python=False) is None, output
    assert len(tab.pyodide_requests()) == fetched, "Python was not fetched again"
    tab.page.go_back()  # instant navigation handles history too
    tab.page.wait_for_url(f"**/{lang}/{PAGE}")
    tab.block().wait_for()
    assert tab.page.evaluate("window.sameDocument === true")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_controls_are_buttons_and_work_from_the_keyboard(tabs, lang):
    tab = tabs(lang)
    tab.open()
    page, block = tab.page, tab.block()
    run = block.get_by_role("button", name=tab.t["run"], exact=True)

    # Tab from the code block before this one reaches Run; Enter runs.
    tab.block(SLOW_SAMPLE).locator("button.runner-button--run").focus()
    for _ in range(60):
        page.keyboard.press("Tab")
        if run.evaluate("(b) => b === document.activeElement"):
            break
    else:
        pytest.fail("Run is not reachable with Tab")
    before = int(block.get_attribute("data-runner-runs") or 0)
    page.keyboard.press("Enter")
    tab.finish(block, before)
    for name in [tab.t["run"], *tab.t["buttons"]]:
        control = block.get_by_role("button", name=name, exact=True)
        assert control.evaluate("(b) => b.tagName") == "BUTTON", name

    # In the editor: Tab indents, Shift+Tab dedents, Ctrl+Enter runs, Esc then Tab leaves.
    editor = block.locator("textarea")
    editor.fill('print("keys")')
    editor.evaluate("(t) => t.setSelectionRange(0, 0)")
    page.keyboard.press("Tab")
    assert editor.input_value() == '    print("keys")'
    page.keyboard.press("Shift+Tab")
    assert editor.input_value() == 'print("keys")'
    before = int(block.get_attribute("data-runner-runs") or 0)
    page.keyboard.press("Control+Enter")
    output, _, _ = tab.finish(block, before)
    assert output == "keys\n"
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert not editor.evaluate("(t) => t === document.activeElement"), "Esc, Tab leaves"


def test_runners_on_one_page_keep_to_themselves(tabs):
    tab = tabs("en")
    tab.open()
    slow, fast = tab.block(SLOW_SAMPLE), tab.block(SAMPLE)
    slow_before = tab.start(slow)
    fast_before = tab.start(fast, 'print("second")\n')  # waits for the first to end
    fast_output, _, _ = tab.finish(fast, fast_before)
    slow_output, _, _ = tab.finish(slow, slow_before)
    assert fast_output == "second\n"
    assert mismatch(recorded(SLOW_SAMPLE), slow_output, same_python=False) is None


def renderer_threads(browser) -> dict[int, tuple[float, float]]:
    """For each renderer of `browser` whose threads could be read: its main thread's CPU
    seconds, and the seconds that thread and the compositor's were ready to run but
    waited for a CPU (Linux's schedstat). A busy machine delays frames by that wait."""
    cdp = browser.new_browser_cdp_session()
    info = cdp.send("SystemInfo.getProcessInfo")
    cdp.detach()
    found = {}
    for process in info["processInfo"]:
        if process["type"] != "renderer":
            continue
        pid, cpu, waited, seen = process["id"], 0.0, 0.0, set()
        try:
            tasks = list(Path(f"/proc/{pid}/task").iterdir())
        except OSError:
            continue  # not Linux, or the renderer has just gone
        for task in tasks:
            try:
                main = task.name == str(pid)
                if main or (task / "comm").read_text().strip() == "Compositor":
                    ran, queued = (task / "schedstat").read_text().split()[:2]
                    cpu += int(ran) / 1e9 if main else 0
                    waited += int(queued) / 1e9
                    seen.add("main" if main else "compositor")
            except OSError:
                continue  # a pool thread that has just ended
        if seen == {"main", "compositor"}:
            found[pid] = (cpu, waited)
    return found


def test_a_million_lines_leave_the_tab_responsive(tabs, browser):
    tab = tabs("en")
    tab.open()
    block = tab.block()
    before = tab.start(block, "for i in range(1_000_000):\n    print(i)\n")
    block.locator(".runner-truncated").wait_for()
    # While Python prints, the page keeps painting: frames are never far apart, except
    # by the time the tab's renderer waited for a CPU the machine gave to others (the
    # busiest renderer in that second is the tab's). That wait is the whole second's,
    # so it bounds what load alone can add to any one frame; on a quiet machine it is
    # close to zero. Where it cannot be read, it counts as zero.
    threads_before = renderer_threads(browser)
    longest = tab.page.evaluate(
        """() => new Promise((done) => {
            let last = performance.now(), longest = 0;
            const end = last + 1000;
            const tick = (now) => {
                longest = Math.max(longest, now - last);
                last = now;
                if (now < end) requestAnimationFrame(tick); else done(longest);
            };
            requestAnimationFrame(tick);
        })"""
    )
    threads_after = renderer_threads(browser)
    both = threads_before.keys() & threads_after.keys()
    busiest = max(both, key=lambda pid: threads_after[pid][0] - threads_before[pid][0], default=0)
    waited = (threads_after[busiest][1] - threads_before[busiest][1]) * 1000 if both else 0.0
    assert longest - waited < 250, (
        f"a frame took {longest:.0f} ms ({waited:.0f} ms waiting for a CPU)"
    )
    output, _, kind = tab.finish(block, before, timeout=90_000)
    assert kind == "done"
    assert output.startswith("0\n1\n2\n") and len(output) <= 200_001
    assert "output truncated" in block.locator(".runner-truncated").inner_text()


def test_a_crashed_python_is_replaced(tabs):
    tab = tabs("en")
    tab.open()
    tab.wait_ready()
    block = tab.block()
    # Deep enough to overflow WebAssembly's stack: Pyodide fails for good.
    crash = (
        "import sys\n\nsys.setrecursionlimit(10**6)\nx = []\n"
        "for _ in range(10**5):\n    x = [x]\nprint(repr(x))\n"
    )
    _, status, kind = tab.run(block, crash)
    assert kind == "crashed" and status
    # A new Python is loading; the worker itself failing then (an uncaught error) ends
    # the waiting run the same way, and yet another Python starts.
    before = tab.start(block, 'print("fresh")\n')
    tab.page.evaluate(
        "window.asyncdocsRunner.worker.dispatchEvent(new ErrorEvent('error', {message: 'gone'}))"
    )
    output, _, kind = tab.finish(block, before)
    assert kind == "crashed" and "gone" in output
    tab.wait_ready()
    assert tab.run(block, 'print("fresh again")\n')[0] == "fresh again\n"


TIMELINE = {
    "en": {"tab": "Timeline", "legend": ["running", "waiting", "printed a line"]},
    "zh": {"tab": "时间线", "legend": ["运行", "等待", "打印一行"]},
}


def lanes_seen(page, root: str) -> list[dict]:
    """The timeline lanes under `root` as drawn: name, box, and whether they show."""
    return page.evaluate(
        """(root) => [...document.querySelectorAll(`${root} .atl-lane`)]
            .filter((lane) => lane.getBoundingClientRect().width > 0)  // the shown picture
            .map((lane) => {
            const box = lane.getBoundingClientRect();
            const name = lane.querySelector(".atl-name");
            const shown = [...name.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
            return {name: shown.map((n) => n.data).join(""), top: box.top, height: box.height,
                    width: box.width, fill: getComputedStyle(name).fill,
                    runs: lane.querySelectorAll(".atl-run").length};
        })""",
        root,
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_timeline_tab_after_a_run(tabs, lang, tmp_path):
    """After a run, a Timeline tab draws one lane per task, readable in both themes."""
    tab = tabs(lang)
    tab.open()
    block = tab.block()
    reset = block.locator("button.runner-button--reset")
    if reset.is_visible():  # earlier tests edited the sample
        reset.click()
    _, _, kind = tab.run(block)
    assert kind == "done"
    timeline_tab = block.locator(".runner-tab").nth(1)
    assert timeline_tab.inner_text() == TIMELINE[lang]["tab"]
    timeline_tab.click()
    assert timeline_tab.get_attribute("aria-selected") == "true"
    assert block.locator(".runner-output").is_hidden()
    root = f'.highlight[data-runner-path="{SAMPLE}"] .runner-timeline'
    fills = {}
    for scheme in ("default", "slate"):
        tab.page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        lanes = lanes_seen(tab.page, root)
        names = [lane["name"] for lane in lanes]
        assert names == ["Task-1", "Task-2", "Task-3", "Task-4"], names  # every print in a task
        assert all(lane["height"] > 10 and lane["width"] > 200 for lane in lanes)
        tops = [lane["top"] for lane in lanes]
        assert tops == sorted(tops) and len(set(tops)) == len(tops), "lanes one under another"
        assert [lane["runs"] for lane in lanes[1:]] == [2, 2, 2], "each download() runs twice"
        legend = tab.page.locator(f"{root} svg text.atl-muted").all_text_contents()
        assert all(word in legend for word in TIMELINE[lang]["legend"])
        fills[scheme] = lanes[1]["fill"]
        picture = tmp_path / f"timeline-{lang}-{scheme}.png"
        block.locator(".runner-result").screenshot(path=picture)
        assert picture.stat().st_size > 5_000
    assert fills["default"] != fills["slate"], "labels follow the theme's text colour"
    tab.page.evaluate("document.body.setAttribute('data-md-color-scheme', 'default')")
    block.locator(".runner-tab").first.click()
    assert block.locator(".runner-output").is_visible()


@pytest.mark.parametrize(("lang", "caption"), [("en", "recorded on CPython"), ("zh", "上录制")])
def test_pages_show_static_timelines(tabs, lang, caption):
    tab = tabs(lang)
    tab.open()
    figures = tab.page.locator("figure.atl-figure")
    assert figures.count() == 2
    lanes = lanes_seen(tab.page, 'figure.atl-figure[data-timeline$="fetch_async.py"]')
    assert [lane["name"] for lane in lanes] == ["Task-1", "Task-2", "Task-3", "Task-4"]
    assert caption in figures.nth(1).locator("figcaption").inner_text()


# In the page: what sticks out of its box, for the runner views of a block (and the
# page's first timeline figure, and every local-only box): [description, overflow px].
OVERFLOWS = """(rel) => {
  const block = document.querySelector(`.highlight[data-runner-path="${rel}"]`);
  const edge = block.getBoundingClientRect().right + 0.5;
  const found = [];
  const inside = (el, what) => {
    if (!el || el.offsetParent === null) return;
    const right = el.getBoundingClientRect().right;
    if (right > edge) found.push([what, right - edge]);
  };
  const fits = (el, what) => {
    if (el && el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
      found.push([what + " scrolls", el.scrollWidth - el.clientWidth]);
  };
  const buttons = block.querySelectorAll(".runner-controls button:not([hidden])");
  for (const b of buttons) inside(b, b.textContent);
  inside(block.querySelector(".runner-editor"), "editor");
  inside(block.querySelector(".runner-hint"), "hint");
  fits(block.querySelector(".runner-output"), "output");
  fits(block.querySelector(".runner-timeline .atl-box"), "timeline");
  inside(block.querySelector(".runner-timeline svg"), "timeline picture");
  for (const box of document.querySelectorAll("figure.atl-figure .atl-box")) fits(box, "figure");
  for (const local of document.querySelectorAll(".runner-local")) fits(local, "local-only box");
  return found;
}"""

# In the page: the time axis of the block's timeline as drawn: tick values (seconds) and
# whether each label is inside the visible box.
AXIS = """(rel) => {
  const block = document.querySelector(`.highlight[data-runner-path="${rel}"]`);
  const box = block.querySelector(".runner-timeline .atl-box").getBoundingClientRect();
  const lane = block.querySelector(".runner-timeline .atl-lane").getBoundingClientRect();
  return [...block.querySelectorAll(".runner-timeline svg > text.atl-muted")]
    .filter((t) => t.getBoundingClientRect().bottom < lane.top)
    .map((t) => {
      const r = t.getBoundingClientRect();
      return [parseFloat(t.textContent), r.left >= box.left - 0.5 && r.right <= box.right + 0.5];
    });
}"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_runner_view_fits_a_phone_and_a_tablet(tabs, lang, tmp_path):
    """At 390 px and 768 px: toolbar, editor, output and the whole timeline of a 1.2 s
    run (its time axis to the end) stay inside the page; so do the page's timeline
    figures and its local-only boxes."""
    tab = tabs(lang)
    page = tab.page
    try:
        for width in (390, 768):
            page.set_viewport_size({"width": width, "height": 844})  # CSS follows at once
            tab.open()
            block = tab.block(SLOW_SAMPLE)
            _, _, kind = tab.run(block)
            assert kind == "done"
            block.locator(".runner-tab").nth(1).click()
            assert page.evaluate(OVERFLOWS, SLOW_SAMPLE) == [], width
            axis = page.evaluate(AXIS, SLOW_SAMPLE)
            assert all(shown for _, shown in axis), axis
            assert max(value for value, _ in axis) >= 1.0, axis  # the run took 1.2 s
            block.screenshot(path=tmp_path / f"{lang}-{width}.png")
        tab.open("tutorial/event-loop/")  # its local-only boxes, at 768 px then 390 px
        for width in (768, 390):
            page.set_viewport_size({"width": width, "height": 844})
            assert page.evaluate(OVERFLOWS, "tutorial/event-loop/old_style.py") == [], width
    finally:
        page.set_viewport_size({"width": 1280, "height": 720})
        tab.open()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_copy_button_leaves_the_code_alone(tabs, lang):
    """Material's copy button sits in the filename bar, clear of a long first line."""
    tab = tabs(lang)
    tab.open()
    block = tab.block(SLOW_SAMPLE)
    if "runner-open" in (block.get_attribute("class") or ""):
        block.locator("button.runner-button--close").click()
    block.hover()
    boxes = tab.page.evaluate(
        """(rel) => {
          const block = document.querySelector(`.highlight[data-runner-path="${rel}"]`);
          const rect = (el) => { const r = el.getBoundingClientRect();
                                 return [r.left, r.top, r.right, r.bottom]; };
          const range = document.createRange();
          range.selectNodeContents(block.querySelector("pre > code"));
          return {copy: rect(block.querySelector(".md-code__button")),
                  bar: rect(block.querySelector(":scope > .filename")),
                  run: rect(block.querySelector(".runner-button--run")),
                  code: [...range.getClientRects()].map((r) => [r.left, r.top, r.right, r.bottom])};
        }""",
        SLOW_SAMPLE,
    )

    def overlap(a, b):
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    copy = boxes["copy"]
    assert copy[2] > copy[0], "the copy button is there"
    assert boxes["bar"][1] <= copy[1] and copy[3] <= boxes["bar"][3], "inside the bar"
    assert not overlap(copy, boxes["run"])
    assert not any(overlap(copy, line) for line in boxes["code"])


def open_editor(tab, rel: str = SAMPLE):
    """The block's editor, open on the sample's own code (after one run), in a freshly
    loaded page: no undo history from earlier tests."""
    tab.open()
    tab.page.reload()
    block = tab.block(rel)
    tab.run(block)
    return block


EDITOR_STATE = """(block) => {
  const ta = block.querySelector("textarea");
  return {value: ta.value, start: ta.selectionStart, end: ta.selectionEnd,
          view: block.querySelector(".runner-editor__view").textContent,
          runs: Number(block.dataset.runnerRuns || 0),
          busy: block.hasAttribute("data-runner-busy")};
}"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_chinese_input_method_in_the_editor(tabs, lang):
    """Composition (as an input method types 你好 from "nihao") leaves the text, the caret
    and the highlighted copy right, and Ctrl+Enter while composing runs nothing."""
    tab = tabs(lang)
    tab.open()
    block = tab.block()
    if "runner-open" not in (block.get_attribute("class") or ""):
        tab.run(block)  # opens the editor
    block.locator("button.runner-button--reset").click()
    page = tab.page
    textarea = block.locator("textarea")
    code = textarea.input_value()
    line_end = code.index("\n", code.index('print(f"{clock()}  got {path}")'))
    at = line_end - len('")')  # inside the string, after "{path}"
    textarea.focus()
    page.evaluate("([ta, at]) => ta.setSelectionRange(at, at)", [textarea.element_handle(), at])
    cdp = page.context.new_cdp_session(page)
    state = lambda: page.evaluate(EDITOR_STATE, block.element_handle())  # noqa: E731
    runs = state()["runs"]
    for typed in ("n", "ni", "nih", "niha", "nihao", "你好"):
        cdp.send(
            "Input.imeSetComposition",
            {"text": typed, "selectionStart": len(typed), "selectionEnd": len(typed)},
        )
        now = state()
        assert now["value"] == code[:at] + typed + code[at:]
        assert now["start"] == now["end"] == at + len(typed), "the caret stays after it"
        assert now["view"] == now["value"] + "\n ", "the highlighted copy follows"
    page.keyboard.press("Control+Enter")  # mid-composition: nothing may run
    for kind in ("rawKeyDown", "keyUp"):  # the input method's own Enter (key code 229)
        cdp.send(
            "Input.dispatchKeyEvent",
            {"type": kind, "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 229},
        )
    cdp.send("Input.insertText", {"text": "你好"})  # which commits the candidate
    now = state()
    assert now["value"] == code[:at] + "你好" + code[at:], "no character lost or doubled"
    assert now["start"] == now["end"] == at + 2
    assert now["view"] == now["value"] + "\n "
    assert now["runs"] == runs and not now["busy"], "Ctrl+Enter during composition ran"
    page.keyboard.press("Control+Enter")  # composition over: now it runs
    _, _, kind = tab.finish(block, runs)
    assert kind == "done"
    assert "got /news你好" in block.locator(".runner-output").inner_text()
    cdp.detach()


def test_undo_and_redo_after_tab_enter_and_reset(tabs):
    """Ctrl+Z walks back through Enter's auto-indent, Tab, Shift+Tab and Reset exactly;
    Ctrl+Shift+Z walks forward again."""
    tab = tabs("en")
    block = open_editor(tab)
    page = tab.page
    textarea = block.locator("textarea")
    state = lambda: page.evaluate(EDITOR_STATE, block.element_handle())  # noqa: E731
    code = textarea.input_value()
    at = code.index(":\n", code.index("async def main()")) + 1  # end of "async def main():"
    textarea.focus()
    page.evaluate("([ta, at]) => ta.setSelectionRange(at, at)", [textarea.element_handle(), at])
    seen = [state()["value"]]
    for key in ("Enter", "Tab", "Shift+Tab", "Shift+Tab", "Enter"):
        page.keyboard.press(key)
        seen.append(state()["value"])
    assert seen[1] == code[:at] + "\n    " + code[at:], "Enter indents after a colon"
    assert seen[2] == code[:at] + "\n        " + code[at:], "Tab adds four spaces"
    assert seen[3] == seen[1], "Shift+Tab takes them away"
    assert seen[4] == code[:at] + "\n" + code[at:]
    assert seen[5] == code[:at] + "\n\n" + code[at:]
    block.locator("button.runner-button--reset").click()
    assert state()["value"] == code
    textarea.focus()
    page.keyboard.press("Control+z")
    assert state()["value"] == seen[-1], "Reset is undone"
    for expected in reversed(seen[:-1]):
        page.keyboard.press("Control+z")
        assert state()["value"] == expected
        assert state()["view"] == expected + "\n "
    for expected in seen[1:]:
        page.keyboard.press("Control+Shift+z")
        assert state()["value"] == expected
    page.keyboard.press("Control+Shift+z")
    assert state()["value"] == code, "and Reset is redone"
