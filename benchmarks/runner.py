"""How fast the in-page runner is: builds and serves the site, drives headless Chromium.

Run: .venv/bin/python benchmarks/runner.py [RUNS] [--cold-only] [--site DIR]
     (RUNS cold runs, at least 5; --cold-only measures only the two cold starts below;
     --site serves an already built site instead of building one)

Each cold run is a new browser context (empty cache, a new tab) on the async-await
chapter; times are taken inside the page with performance.now(). Prints one table
(median, min and max over the runs, and the target) and writes the figures to
benchmarks/results/runner.json.

* bare Pyodide, cold: beside each cold run of the runner, in a new context of the same
  browser and from the same server, a page whose button starts a bare Pyodide module
  worker that prints one line: click → that line on the page. The table ends with the
  ratio of the two medians (the runner's cold start over the bare worker's), target
  ≤ 1.00: the runner's own files must cost nothing on top of Pyodide;

* editor painted: click on Run → the second animation frame after it (the editor and
  the "Starting Python" line are on screen); no target was set, 100 ms is the usual
  bound for an immediate response;
* freeze: the longest gap between two animation frames from then to the first output
  of a cold start (Pyodide loads meanwhile in the worker);
* cold: click on Run → first output, nothing loaded before;
* after prefetch: the same once the prefetch (a pointer on Run) has finished;
* re-run overhead: click → exit status of a program that does nothing (`pass`), with
  Python ready; and click → exit status of fetch_async.py minus the 0.5 s it sleeps
  (which adds the browser's timer slack to it);
* next page: after instant navigation to another chapter, click → first output;
* stop: click on Stop → "Stopped", for code that awaits and for `while True: pass`;
* bytes: gzip size of the runner's files a page loads before any Run (and the Pyodide
  requests made by then: none is the target).
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from asyncdocs import site  # noqa: E402

CHROMIUM, ARGS = site.CHROMIUM, site.CHROMIUM_ARGS
PAGE = "en/tutorial/async-await/"
SAMPLE = "tutorial/async-await/fetch_async.py"
SAMPLE_SLEEPS_MS = 500
NEXT_CHAPTER = "generators/"

TARGETS = {  # name: (target, unit); lower is better
    "click → editor painted": (100, "ms"),
    "freeze while loading": (50, "ms"),
    "click → first output, cold": (4000, "ms"),
    "bare Pyodide worker: click → first line": (4000, "ms"),
    "first output after prefetch": (300, "ms"),
    "re-run overhead": (30, "ms"),
    "re-run of fetch_async.py, beyond its 0.5 s": (30, "ms"),
    "next page: first output": (150, "ms"),
    "stop, awaiting code": (100, "ms"),
    "stop, CPU-bound loop": (500, "ms"),
    "runner code before first Run (gzip)": (60, "KB"),
    "Pyodide requests before prefetch/Run": (0, "requests"),
}

# In the page: a promise that resolves when a block's runner has counted a new run.
ENDED = """const ended = (block, runs) => new Promise((resolve) => {
  const over = () => Number(block.dataset.runnerRuns || 0) > runs;
  if (over()) return resolve();
  const observer = new MutationObserver(() => {
    if (over()) { observer.disconnect(); resolve(); }
  });
  observer.observe(block, { attributes: true, attributeFilter: ["data-runner-runs"] });
});"""

# In the page: press Run on a block and time it. Resolves with the click → first
# output time, the click → exit status time and the longest gap between frames.
TIME_RUN = """async ([rel, code]) => {
  ENDED
  const block = document.querySelector(`.highlight[data-runner-path="${rel}"]`);
  const runs = Number(block.dataset.runnerRuns || 0);
  if (code !== null) {
    const ta = block.querySelector("textarea");
    ta.value = code;
    ta.dispatchEvent(new Event("input"));
  }
  let longest = 0, last = performance.now(), going = true;
  const frame = (now) => {
    longest = Math.max(longest, now - last);
    last = now;
    if (going) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const start = performance.now();
  block.querySelector("button.runner-button--run").click();
  const out = block.querySelector(".runner-output");
  const end = ended(block, runs);
  const output = Promise.race([  // null for a program that prints nothing
    end.then(() => null),
    new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (out.textContent.length > 0 && !out.classList.contains("runner-output--empty")) {
          observer.disconnect();
          resolve(performance.now() - start);
        }
      });
      observer.observe(out, { childList: true, subtree: true, characterData: true });
    }),
  ]);
  // The editor opens at once: the frame after the click paints it. From then on,
  // the page should not stall while Python loads in its worker.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const shown = performance.now() - start;
  longest = 0;
  const first = await output;
  const freeze = longest;
  await end;
  going = false;
  return { first, done: performance.now() - start, freeze, shown };
}""".replace("ENDED", ENDED)

# In the page: start code that runs until stopped, wait for its first output, then
# time Stop → the runner saying it stopped.
TIME_STOP = """async ([rel, code]) => {
  ENDED
  const block = document.querySelector(`.highlight[data-runner-path="${rel}"]`);
  const runs = Number(block.dataset.runnerRuns || 0);
  const ta = block.querySelector("textarea");
  ta.value = code;
  ta.dispatchEvent(new Event("input"));
  block.querySelector("button.runner-button--run").click();
  const out = block.querySelector(".runner-output");
  await new Promise((resolve) => {
    const check = () => out.textContent.includes("started") ? resolve() : setTimeout(check, 5);
    check();
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const start = performance.now();
  block.querySelector("button.runner-button--stop").click();
  await ended(block, runs);
  return { stop: performance.now() - start, state: block.dataset.runnerState };
}""".replace("ENDED", ENDED)

AWAITING = (
    "import asyncio\n\n\nasync def main():\n"
    '    print("started", flush=True)\n'
    "    while True:\n        await asyncio.sleep(0.01)\n\n\nasyncio.run(main())\n"
)
CPU_BOUND = 'print("started", flush=True)\nwhile True:\n    pass\n'

# A page with a button that starts a bare Pyodide module worker printing one line, as
# a page without the runner would; served beside the site (BARE), from the same server.
BARE = "bench-bare/"
BARE_PAGE = """<!doctype html>
<meta charset="utf-8"><title>bare Pyodide worker</title>
<button id="go">Run</button><pre id="out"></pre>
<script type="module">
window.started = new Promise((resolve) => {
  document.getElementById("go").addEventListener("click", () => {
    const start = performance.now();
    const worker = new Worker("./worker.mjs", { type: "module" });
    worker.addEventListener("message", ({ data }) => {
      document.getElementById("out").textContent += data;
      resolve(performance.now() - start);
    }, { once: true });
  });
});
</script>
"""
# Pyodide as distributed: its own python_stdlib.zip (the site serves a compiled one).
BARE_WORKER = """const indexURL = new URL("../shared/pyodide/", import.meta.url).href;
const stdLibURL = new URL("./python_stdlib.zip", import.meta.url).href;
const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
const stdout = (line) => postMessage(line + "\\n");
const pyodide = await loadPyodide({ indexURL, stdLibURL, stdout });
pyodide.runPython("print('hello from a bare worker')");
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(folder: Path, port: int) -> tuple[subprocess.Popen, str]:
    """A static server in its own process, as a real one would be (a thread of this
    process would compete with the browser driver for the interpreter)."""
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            urllib.request.urlopen(base, timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    return server, base


def gzip_kb(folder: Path, urls: list[str]) -> float:
    total = 0
    for url in urls:
        data = (folder / urlsplit(url).path.lstrip("/")).read_bytes()
        total += len(gzip.compress(data, 9))
    return total / 1024


def bare_cold(browser, base: str) -> float:
    """A fresh tab on the bare worker's page: click → its first line, in ms."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + BARE)
    page.wait_for_load_state("networkidle")
    page.click("#go")
    took = page.evaluate("window.started")
    context.close()
    return took


def cold_run(browser, base: str, folder: Path, cold_only: bool = False) -> dict[str, float]:
    """One fresh tab: bytes before Run, cold run, re-runs, next page, stops; and a
    cold start of the bare worker in another fresh tab."""
    figures: dict[str, float] = {
        "bare Pyodide worker: click → first line": bare_cold(browser, base)
    }
    context = browser.new_context()
    context.add_init_script("localStorage.setItem('asyncdocs.runner.prefetch', 'intent')")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base + PAGE)
    page.wait_for_load_state("networkidle")
    runner_files = [u for u in requests if "/assets/runner/" in u]
    figures["runner code before first Run (gzip)"] = gzip_kb(folder, runner_files)
    figures["Pyodide requests before prefetch/Run"] = len([u for u in requests if "pyodide" in u])

    cold = page.evaluate(TIME_RUN, [SAMPLE, None])
    figures["click → first output, cold"] = cold["first"]
    figures["freeze while loading"] = cold["freeze"]
    figures["click → editor painted"] = cold["shown"]
    if cold_only:
        context.close()
        return figures

    reruns = [page.evaluate(TIME_RUN, [SAMPLE, None])["done"] for _ in range(3)]
    figures["re-run of fetch_async.py, beyond its 0.5 s"] = (
        statistics.median(reruns) - SAMPLE_SLEEPS_MS
    )
    page.evaluate(TIME_RUN, [SAMPLE, "pass\n"])  # the editor now holds a program doing nothing
    noop = [page.evaluate(TIME_RUN, [SAMPLE, None])["done"] for _ in range(5)]
    figures["re-run overhead"] = statistics.median(noop)

    figures["stop, awaiting code"] = page.evaluate(TIME_STOP, [SAMPLE, AWAITING])["stop"]
    figures["stop, CPU-bound loop"] = page.evaluate(TIME_STOP, [SAMPLE, CPU_BOUND])["stop"]
    page.wait_for_function("window.asyncdocsRunner.state === 'ready'", timeout=60_000)

    page.locator(f'.md-nav--primary a.md-nav__link[href$="{NEXT_CHAPTER}"]').first.click()
    page.wait_for_url(f"**/{NEXT_CHAPTER}")
    # Wait for the new chapter's content: its samples are in the folder of the same name.
    sample = f'.highlight[data-runner="browser"][data-runner-path*="/{NEXT_CHAPTER}"]'
    rel = page.locator(sample).first.get_attribute("data-runner-path")
    figures["next page: first output"] = page.evaluate(TIME_RUN, [rel, None])["first"]
    context.close()

    # A second fresh tab: prefetch (a pointer on Run), wait until ready, then run.
    context = browser.new_context()
    context.add_init_script("localStorage.setItem('asyncdocs.runner.prefetch', 'intent')")
    page = context.new_page()
    page.goto(base + PAGE)
    page.locator(f'.highlight[data-runner-path="{SAMPLE}"] button.runner-button--run').hover()
    page.wait_for_function("window.asyncdocsRunner.state === 'ready'", timeout=60_000)
    figures["first output after prefetch"] = page.evaluate(TIME_RUN, [SAMPLE, None])["first"]
    context.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="?", type=int, default=5)
    parser.add_argument("--cold-only", action="store_true")
    parser.add_argument("--site", type=Path, help="a site built for http://127.0.0.1:PORT/")
    parser.add_argument("--port", type=int, help="the port --site was built for")
    options = parser.parse_args()
    runs = max(5, options.runs)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="runner-bench-") as tmp:
        folder = options.site or Path(tmp)
        port = options.port or _free_port()
        base = f"http://127.0.0.1:{port}/"
        if not options.site:
            print(f"building the site into {folder} …", file=sys.stderr)
            site.build(folder, base)
        (folder / BARE).mkdir(exist_ok=True)
        (folder / BARE / "index.html").write_text(BARE_PAGE, encoding="utf-8")
        (folder / BARE / "worker.mjs").write_text(BARE_WORKER, encoding="utf-8")
        shutil.copy(ROOT / "node_modules/pyodide/python_stdlib.zip", folder / BARE)
        server, base = serve(folder, port)
        results: list[dict[str, float]] = []
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                for i in range(runs):
                    results.append(cold_run(browser, base, folder, options.cold_only))
                    print(f"run {i + 1}/{runs} done", file=sys.stderr)
                version = browser.version
                browser.close()
        finally:
            server.terminate()
            server.wait()

    print(f"\nIn-page runner, {runs} cold runs, headless Chromium {version}, {PAGE}\n")
    header = (
        f"| {'measure':<44} | {'median':>11} | {'min':>9} | {'max':>9} | {'target':>13} | ok  |"
    )
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    summary = {}
    for name, (target, unit) in TARGETS.items():
        if name not in results[0]:
            continue
        values = [r[name] for r in results]
        median = statistics.median(values)
        ok = "yes" if median <= target else "NO"
        digits = 1 if unit == "KB" else 0
        short = "req" if unit == "requests" else unit
        print(
            f"| {name:<44} | {median:>7.{digits}f} {short:<3} | {min(values):>9.{digits}f} | "
            f"{max(values):>9.{digits}f} | ≤ {target:>6} {short:<3} | {ok:<3} |"
        )
        summary[name] = {"unit": unit, "target": target, "values": values, "median": median}
    ratio = (
        summary["click → first output, cold"]["median"]
        / summary["bare Pyodide worker: click → first line"]["median"]
    )
    print(
        f"\nrunner cold start / bare Pyodide worker: {ratio:.2f}× "
        f"(target ≤ 1.00×: {'yes' if ratio <= 1 else 'NO'})"
    )
    summary["cold start ratio, runner / bare worker"] = {
        "unit": "×",
        "target": 1.0,
        "median": ratio,
    }
    out = ROOT / "benchmarks/results/runner.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"chromium": version, "runs": summary}, indent=2), encoding="utf-8")
    print(f"\nfigures written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
