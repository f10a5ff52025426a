"""Fixtures shared by the test modules: the snippets, their runs, the built site."""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import http.server
import os
import shutil
import socket
import sys
import threading
from pathlib import Path

import pytest

from asyncdocs import manifest, runner, site

ROOT = site.ROOT
SNIPPETS = ROOT / "snippets"
IN_CI = os.environ.get("CI") == "true"


def all_snippets() -> list[manifest.Snippet]:
    return manifest.load_all(SNIPPETS)


def runs_on_cpython(snippet: manifest.Snippet) -> bool:
    return snippet.run and snippet.python_tuple() <= sys.version_info[:2]


def need_debian(path: str, package: str) -> None:
    """Skip outside CI when a Debian package is missing; in CI it is an error."""
    if Path(path).exists():
        return
    if IN_CI:
        pytest.fail(f"{path} is missing in CI: .ci/debian-packages.sh should install {package}")
    pytest.skip(
        f"needs Debian's {package} (apt-get install {package}); `make test` installs it in CI"
    )


def pytest_collection_finish(session: pytest.Session) -> None:
    """Note which snippets the selected tests are about, so `-k tutorial/patterns` runs
    only those (the session fixtures below run every selected snippet at once)."""
    session.config.stash[SELECTED] = {
        item.callspec.params["snippet"].rel
        for item in session.items
        if "snippet" in getattr(getattr(item, "callspec", None), "params", {})
    }


SELECTED = pytest.StashKey[set[str]]()


def selected(config: pytest.Config, snippets: list[manifest.Snippet]) -> list[manifest.Snippet]:
    """The snippets among `snippets` that a selected test parametrizes."""
    wanted = config.stash.get(SELECTED, set())
    return [s for s in snippets if s.rel in wanted]


@pytest.fixture(scope="session")
def snippet_runs(request) -> dict[str, runner.Result]:
    """Every selected snippet that CPython here can run, run once, concurrently.

    In a thread of its own: Playwright's sync API keeps an event loop in the main thread."""
    chosen = selected(request.config, [s for s in all_snippets() if runs_on_cpython(s)])
    work = runner.run_many(chosen)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, work).result()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> tuple[Path, str]:
    """Both languages built strictly, served on 127.0.0.1: (folder, base URL)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    out = tmp_path_factory.mktemp("site")
    os.environ["REPO_URL"] = "https://github.com/example/asyncio-docs"  # for edit links
    try:
        site.build(out, base)
    finally:
        del os.environ["REPO_URL"]
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield out, base
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download needed)."""
    need_debian(site.CHROMIUM, "chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=site.CHROMIUM, args=site.CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def copy_tree_for_build(dest: Path) -> Path:
    """A scratch copy of what a build reads, to break on purpose in a test."""
    shutil.copytree(ROOT / "docs", dest / "docs")
    for name in ("mkdocs.yml", "mkdocs.zh.yml"):
        shutil.copy2(ROOT / name, dest / name)
    for name in ("snippets", "src", "node_modules"):
        (dest / name).symlink_to(ROOT / name)
    return dest
