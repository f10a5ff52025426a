"""What offline reading costs: bytes before the first Run, and a full save per language.

Run: .venv/bin/python benchmarks/offline.py [--site DIR --port PORT]

Builds the site (or serves one already built for http://127.0.0.1:PORT/), opens the
async-await chapter in a new headless Chromium context (prefetch on intent, as in
benchmarks/runner.py) and waits until the network is idle and the service worker
controls the page. Prints:

* what the page loaded before any Run, gzip-compressed as a server would send it: the
  runner's files (budget 60 KB, see docs/en/runner.md), the page's offline module, and
  what the service worker fetched for itself (sw.js and Workbox);
* whether anything else was fetched by then: Pyodide or the file list (offline.json),
  which a reader who saves nothing must never download;
* the size of each language's offline copy ("Save for offline"), raw and gzip.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from runner import PAGE, _free_port, serve  # noqa: E402

from asyncdocs import site  # noqa: E402

BUDGET_KB = 60


def gz(folder: Path, urls: list[str]) -> int:
    total = 0
    for url in dict.fromkeys(urls):
        path = folder / urlsplit(url).path.lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        total += len(gzip.compress(path.read_bytes(), 9))
    return total


def measure(folder: Path, base: str) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=site.CHROMIUM, args=site.CHROMIUM_ARGS)
        context = browser.new_context()
        context.add_init_script("localStorage.setItem('asyncdocs.runner.prefetch', 'intent')")
        requests: list[str] = []
        context.on("request", lambda r: requests.append(r.url))
        page = context.new_page()
        page.goto(base + PAGE)
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1000)
        browser.close()
    own = [u for u in requests if u.startswith(base)]
    runner = [u for u in own if "/assets/runner/" in u]
    module = [u for u in own if u.endswith("/assets/offline.js")]
    worker = [u for u in own if u.endswith("/sw.js") or "/shared/workbox/" in u]
    return {
        "runner code before first Run (gzip)": gz(folder, runner),
        "offline module of the page (gzip)": gz(folder, module),
        "service worker and Workbox (gzip)": gz(folder, worker),
        "Pyodide requests before Run": len([u for u in own if "/pyodide/" in u]),
        "offline.json requests before a save": len([u for u in own if "offline.json" in u]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site built for http://127.0.0.1:PORT/")
    parser.add_argument("--port", type=int, help="the port --site was built for")
    args = parser.parse_args()
    port = args.port or _free_port()
    temp = None
    if args.site:
        folder = args.site
    else:
        temp = Path(tempfile.mkdtemp(prefix="offline-bench-"))
        folder = temp / "site"
        print(f"building the site into {folder} …", file=sys.stderr)
        site.build(folder, f"http://127.0.0.1:{port}/")
    server, base = serve(folder, port)
    try:
        figures = measure(folder, base)
    finally:
        server.terminate()
    manifest = json.loads((folder / "offline.json").read_text(encoding="utf-8"))
    kb = lambda n: f"{n / 1024:.1f} KB"  # noqa: E731
    print("\nBefore the first Run, " + PAGE)
    for name, value in figures.items():
        print(f"  {name:42} {kb(value) if 'gzip' in name else value}")
    page_total = (
        figures["runner code before first Run (gzip)"]
        + figures["offline module of the page (gzip)"]
    )
    ok = "yes" if page_total <= BUDGET_KB * 1024 else "NO"
    print(f"  {'runner + offline module (budget 60 KB)':42} {kb(page_total)}  within: {ok}")
    print("\nA full offline save (Save for offline)")
    from asyncdocs import offline

    for lang, size in manifest["sizes"].items():
        paths = offline.pack(manifest["files"], lang)
        zipped = sum(len(gzip.compress((folder / p).read_bytes(), 6)) for p in paths)
        print(
            f"  {lang}: {len(paths)} files, {size / 1e6:.1f} MB "
            f"({zipped / 1e6:.1f} MB gzip, as a server compressing every file would send it)"
        )
    if temp:
        shutil.rmtree(temp, ignore_errors=True)


if __name__ == "__main__":
    main()
