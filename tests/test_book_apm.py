"""The APM case study of the book's ØMQ page (snippets/book/zeromq) in real Chromium.

A collector and two producers (one leaking memory) run as real processes on free ports;
the chart page must show both producers, with the leak, and the collector must shut down
cleanly while a browser is still connected."""

from __future__ import annotations

import select
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import SNIPPETS, free_port

from asyncdocs import runner

pytestmark = pytest.mark.chromium

FOLDER = SNIPPETS / "book" / "zeromq"
STARTUP = 15.0
"""Seconds a process may take to print its first line."""

BOTH_WITH_LEAK = """() => {
  const item = (name) => document.querySelector(`#legend li[data-producer="${name}"]`);
  const steady = item("steady"), leaky = item("leaky");
  return Boolean(steady && leaky && Number(steady.dataset.points) >= 10
                 && Number(leaky.dataset.points) >= 10 && Number(leaky.dataset.growth) > 20);
}"""


def start(*args: str) -> subprocess.Popen:
    """`python *args` in the snippet folder; waits for its first line (its ready line)."""
    proc = subprocess.Popen(
        [sys.executable, *args],
        cwd=FOLDER,
        env=runner.environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    readable, _, _ = select.select([proc.stdout], [], [], STARTUP)
    line = proc.stdout.readline() if readable else ""
    if not line:
        proc.kill()
        pytest.fail(f"{args[0]} printed no ready line: {proc.communicate()[0]}")
    return proc


def stop(proc: subprocess.Popen) -> tuple[int | None, str]:
    """SIGTERM, then wait (kill after 10 s); the exit status and the rest of its output."""
    if proc.poll() is None:
        proc.terminate()
    try:
        out, _ = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        return None, out
    return proc.returncode, out


def test_chart_shows_two_producers_and_the_leak(browser, tmp_path: Path):
    http_port, zmq_port = free_port(), free_port()
    base = f"http://127.0.0.1:{http_port}/"
    procs: list[subprocess.Popen] = []
    context = browser.new_context(viewport={"width": 900, "height": 800})
    try:
        collector = start(
            "apm_collector.py", "--http-port", str(http_port), "--zmq-port", str(zmq_port)
        )
        procs.append(collector)
        page = context.new_page()
        errors: list[str] = []
        requests: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(base)
        page.wait_for_selector('#status[data-state="live"]', timeout=10_000)

        for name, extra in (("steady", []), ("leaky", ["--leak"])):
            procs.append(start("apm_producer.py", "--name", name, "--port", str(zmq_port), *extra))
        page.wait_for_function(BOTH_WITH_LEAK, timeout=30_000)
        page.screenshot(path=tmp_path / "apm_chart.png", full_page=True)

        legend = page.locator("#legend li")
        assert sorted(legend.evaluate_all("items => items.map(i => i.dataset.producer)")) == [
            "leaky",
            "steady",
        ]
        steady = page.locator('#legend li[data-producer="steady"]')
        leaky = page.locator('#legend li[data-producer="leaky"]')
        assert abs(float(steady.get_attribute("data-growth"))) < 5
        assert float(leaky.get_attribute("data-growth")) > 20
        assert "MiB" in leaky.inner_text()
        for chart in ("#cpu", "#memory"):
            lines = page.locator(f"{chart} polyline.line")
            names = lines.evaluate_all("ls => ls.map(l => l.dataset.producer)")
            assert sorted(names) == ["leaky", "steady"]
            for pairs in lines.evaluate_all(
                "ls => ls.map(l => l.getAttribute('points').trim().split(/\\s+/).length)"
            ):
                assert pairs >= 10
        assert errors == []
        own = urlsplit(base).netloc
        assert [u for u in requests if urlsplit(u).netloc != own] == []

        # The collector shuts down cleanly with a browser still connected.
        status, out = stop(collector)
        assert status == 0, out
        assert "collector: stopped" in out
    finally:
        results = [stop(p) if p.returncode is None else (p.returncode, "") for p in procs]
        context.close()
    assert [status for status, _ in results[1:]] == [0, 0]
