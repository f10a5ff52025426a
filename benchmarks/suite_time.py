"""How long the whole test suite takes here, and whether it holds under load.

Prints, per run, the time, pytest's closing line, how many snippets needed a second run
and how many matched only with their measured wait for a CPU (see `asyncdocs.compare`),
then the median against the 3-minute target.

Run: .venv/bin/python benchmarks/suite_time.py [--runs N] [--load none|cpu|chromium]

- `--load cpu`: a busy loop keeps one core fully busy for the whole run.
- `--load chromium`: headless Chromium loads a page that starts Pyodide, again and again
  (the heaviest thing a reader's browser does here), beside the suite.

Both loads are bounded: they stop when the suite run ends, after at most an hour, and
the page loop after at most 2,000 loads.

Each run's whole pytest report is kept in benchmarks/results/suite-<load>-<run>.log, so
that a failure's details can be read afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 180.0  # seconds
RESULTS = ROOT / "benchmarks" / "results"
MAX_LOAD_SECONDS = 3600

# Each load also stops when this script is gone (killed before its `finally` ran): its
# parent is then another process.
CPU_HOG = f"""
import os, time
parent = os.getppid()
deadline = time.monotonic() + {MAX_LOAD_SECONDS}
while time.monotonic() < deadline and os.getppid() == parent:
    for _ in range(100):
        sum(range(10_000))
"""

PAGE = """<!doctype html><meta charset="utf-8"><title>load</title>
<script type="module">
  import { loadPyodide } from "./pyodide/pyodide.mjs";
  const py = await loadPyodide({ indexURL: "./pyodide/" });
  py.runPython("sum(i * i for i in range(200_000))");
  document.title = "done";
</script>
"""

CHROMIUM_LOOP = f"""
import functools, http.server, os, sys, tempfile, threading, time
from pathlib import Path
parent = os.getppid()
from playwright.sync_api import sync_playwright
sys.path.insert(0, {str(ROOT / "src")!r})
from asyncdocs.site import CHROMIUM, CHROMIUM_ARGS

folder = Path(tempfile.mkdtemp(prefix="load-page-"))
(folder / "index.html").write_text({PAGE!r}, encoding="utf-8")
(folder / "pyodide").symlink_to({str(ROOT / "node_modules/pyodide")!r})
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
handler = functools.partial(Quiet, directory=str(folder))
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{{server.server_port}}/index.html"
deadline = time.monotonic() + {MAX_LOAD_SECONDS}
with sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    for _ in range(2000):
        if time.monotonic() > deadline or os.getppid() != parent:
            break
        page = browser.new_page()
        page.goto(url)
        page.wait_for_function("document.title === 'done'", timeout=120_000)
        page.close()
    browser.close()
"""

LOADS = {"cpu": CPU_HOG, "chromium": CHROMIUM_LOOP}


@contextlib.contextmanager
def load(kind: str):
    """Run the chosen load in a process of its own for the duration of the block."""
    if kind == "none":
        yield
        return
    proc = subprocess.Popen([sys.executable, "-c", LOADS[kind]], cwd=ROOT)
    try:
        time.sleep(3)  # let it get going before the suite starts
        if proc.poll() is not None:
            raise SystemExit(f"the {kind} load ended at once (status {proc.returncode})")
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


SECOND = re.compile(r"^snippets that needed a second run: (\d+)$", re.MULTILINE)
LATE = re.compile(r"^snippets whose durations matched only with their wait for a CPU: (\d+)$", re.M)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--load", choices=["none", *LOADS], default="none")
    parser.add_argument("--durations", type=int, default=0, help="show the N slowest tests")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # `finally` stops the load
    extra = [f"--durations={args.durations}"] if args.durations else []
    times, failed_runs = [], 0
    env = {**os.environ, "CI": os.environ.get("CI", "true")}
    for i in range(args.runs):
        before = os.getloadavg()
        with load(args.load):
            start = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra],
                cwd=ROOT,
                capture_output=True,
                text=True,
                env=env,
            )
            times.append(time.perf_counter() - start)
        out = proc.stdout.strip()
        RESULTS.mkdir(parents=True, exist_ok=True)
        log = RESULTS / f"suite-{args.load}-{i + 1}.log"
        log.write_text(proc.stdout + proc.stderr, encoding="utf-8")
        summary = out.splitlines()[-1] if out else "(no output)"
        second = SECOND.search(out)
        late = LATE.search(out)
        failed_runs += proc.returncode != 0
        print(
            f"run {i + 1} (load: {args.load}): {times[-1]:6.1f} s   {summary}   "
            f"second runs: {second[1] if second else '?'}   "
            f"matched with their CPU wait: {late[1] if late else 0}   "
            f"machine load (1-min average) {before[0]:.1f} before, {os.getloadavg()[0]:.1f} after",
            flush=True,
        )
        if args.durations:
            slowest = re.search(r"slowest \d+ durations =+\n(.*?)(?:\n\n|\n=|\Z)", out, re.S)
            print(slowest[1] if slowest else "(no durations)", flush=True)
        if proc.returncode != 0:
            failures = [ln for ln in out.splitlines() if ln.startswith(("FAILED", "ERROR"))]
            print("".join(f"    {ln}\n" for ln in failures), end="", flush=True)
            print(f"    the whole report: {log.relative_to(ROOT)}", flush=True)
        if second and int(second[1]):
            names = re.search(r"second run: \d+((?:\n  .*)*)", out)[1]
            print(f"    needed a second run:{names.replace(chr(10), chr(10) + '  ')}", flush=True)
        if late:
            names = re.search(r"wait for a CPU: \d+((?:\n  .*)*)", out)[1]
            print(
                f"    matched with their CPU wait:{names.replace(chr(10), chr(10) + '  ')}",
                flush=True,
            )
    median = statistics.median(times)
    verdict = "meets" if median <= TARGET else "MISSES"
    print(
        f"{args.runs - failed_runs}/{args.runs} runs passed under load {args.load}; "
        f"median {median:.1f} s — {verdict} the {TARGET:.0f} s target"
    )


if __name__ == "__main__":
    main()
