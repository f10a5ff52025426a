"""The runner's process choreography with real processes: services, clients, signals and
backends, as the book's server samples use them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import IN_CI, ROOT, need_debian, run_async

from asyncdocs import backends, runner
from asyncdocs.manifest import load_folder

SERVER = """
    import asyncio, signal

    async def main():
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        seen = []
        def on_signal(name):
            seen.append(name)
            stop.set()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, on_signal, sig.name)
        async def handle(reader, writer):
            writer.write((await reader.readline()).upper())
            await writer.drain()
            writer.close()
        server = await asyncio.start_server(handle, "127.0.0.1", {port})
        print("ready", flush=True)
        async with server:
            await stop.wait()
            await asyncio.sleep(0.7)  # a second signal arrives meanwhile
        print("stopped by", ", ".join(seen))

    asyncio.run(main())
"""
CLIENT = """
    import asyncio

    async def main():
        reader, writer = await asyncio.open_connection("127.0.0.1", {port})
        writer.write(b"hello\\n")
        print((await reader.readline()).decode().strip())
        writer.close()

    asyncio.run(main())
"""


PAIR = """
    ["server.py"]
    browser = false
    needs = ["network", "signals"]
    clients = ["client.py"]
    signals = {signals}

    ["client.py"]
    browser = false
    needs = ["network"]
    services = ["server.py"]
"""
"""A server recorded with its client, and the client recorded with its server."""


def folder(tmp_path, toml: str, **files: str):
    for name, code in files.items():
        (tmp_path / f"{name}.py").write_text(textwrap.dedent(code))
    (tmp_path / "snippets.toml").write_text(textwrap.dedent(toml))
    return {s.path.name: s for s in load_folder(tmp_path, tmp_path)}


def test_server_gets_its_client_then_signals(tmp_path):
    port = backends.free_port()
    snippets = folder(
        tmp_path,
        PAIR.format(signals='["SIGINT", "SIGTERM"]'),
        server=SERVER.format(port=port),
        client=CLIENT.format(port=port),
    )
    results = run_async(runner.run_many(snippets.values()))
    server, client = results["server.py"], results["client.py"]
    assert (server.returncode, server.output) == (0, "ready\nstopped by SIGINT, SIGTERM\n")
    assert (client.returncode, client.output) == (0, "HELLO\n")


TOKEN_SERVER = """
    import asyncio, secrets, signal

    async def main():
        token = secrets.token_hex(8)  # new for every server process
        async def handle(reader, writer):
            writer.write(token.encode() + b"\\n")
            await writer.drain()
            writer.close()
        server = await asyncio.start_server(handle, "127.0.0.1", {port})
        print("ready", flush=True)
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        async with server:
            await stop.wait()
        print("served", token)

    asyncio.run(main())
"""
TOKEN_CLIENT = """
    import asyncio

    async def main():
        reader, writer = await asyncio.open_connection("127.0.0.1", {port})
        print("got", (await reader.readline()).decode().strip())
        writer.close()

    asyncio.run(main())
"""


def test_a_client_the_server_runs_is_not_run_twice(tmp_path):
    """The client's result is the exchange of the server's own run: same token."""
    port = backends.free_port()
    snippets = folder(
        tmp_path,
        PAIR.format(signals='["SIGTERM"]'),
        server=TOKEN_SERVER.format(port=port),
        client=TOKEN_CLIENT.format(port=port),
    )
    assert runner.served_by(snippets["client.py"], snippets["server.py"])
    results = run_async(runner.run_many(snippets.values()))
    served = results["server.py"].output.split()[-1]
    assert results["client.py"].output == f"got {served}\n"
    assert results["client.py"].returncode == 0 and results["client.py"].seconds > 0
    alone = run_async(runner.run_many([snippets["client.py"]]))["client.py"]
    assert alone.returncode == 0 and alone.output != results["client.py"].output, "own server"


def test_a_failing_client_shows_in_the_servers_output(tmp_path):
    port = backends.free_port()
    snippets = folder(
        tmp_path,
        """
        ["server.py"]
        browser = false
        needs = ["network", "signals"]
        clients = ["client.py"]
        signals = ["SIGINT"]

        ["client.py"]
        browser = false
        run = false
        """,
        server=SERVER.format(port=port),
        client="raise SystemExit(3)\n",
    )
    result = run_async(runner.run(snippets["server.py"]))
    assert "[client client.py exited with status 3]" in result.output


REDIS_COUNT = """
    import asyncio, os
    import redis.asyncio as redis

    async def main():
        client = redis.from_url(os.environ["REDIS_URL"])
        print(await client.dbsize(), await client.incr("runs"))
        await client.aclose()

    asyncio.run(main())
"""
POSTGRESQL_COUNT = """
    import asyncio, os
    import asyncpg

    async def main():
        conn = await asyncpg.connect(os.environ["DATABASE_URL"])
        tables = await conn.fetchval("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        await conn.execute("CREATE TABLE runs (n int)")
        print(tables, (await conn.fetchval("SHOW server_version_num"))[:2])
        await conn.close()

    asyncio.run(main())
"""


@pytest.mark.parametrize(
    ("backend", "code", "expected"),
    [
        (backends.REDIS, REDIS_COUNT, "0 1\n"),
        # an empty cluster of the installed major version, e.g. "0 15"
        (backends.POSTGRESQL, POSTGRESQL_COUNT, f"0 {backends.POSTGRESQL.binary.split('/')[-3]}\n"),
    ],
    ids=["redis", "postgresql"],
)
def test_a_backend_is_real_and_fresh(tmp_path, backend, code, expected):
    need_debian(backend.binary, backend.package)
    snippets = folder(
        tmp_path,
        f"""
        ["count.py"]
        browser = false
        needs = ["network"]
        backends = ["{backend.name}"]
        timeout = 30
        """,
        count=code,
    )
    for _ in range(2):  # a new, empty server for every run: the first run's writes are gone
        result = run_async(runner.run(snippets["count.py"]))
        assert (result.returncode, result.output) == (0, expected)


def test_a_missing_backend_binary_is_reported(tmp_path, monkeypatch):
    monkeypatch.setitem(
        backends.BACKENDS, "redis", backends.dataclasses.replace(backends.REDIS, binary="/nope")
    )
    snippets = folder(
        tmp_path,
        '["a.py"]\nbrowser = false\nneeds = ["network"]\nbackends = ["redis"]\n',
        a="print(1)\n",
    )
    result = run_async(runner.run(snippets["a.py"]))
    assert result.returncode == -1
    assert "/nope (apt-get install redis-server)" in result.output


def test_a_server_that_ignores_signals_times_out(tmp_path):
    snippets = folder(
        tmp_path,
        """
        ["stubborn.py"]
        browser = false
        needs = ["signals"]
        signals = ["SIGTERM"]
        timeout = 0.5
        """,
        stubborn="""
        import signal, time
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        print("ready", flush=True)
        time.sleep(5)
        """,
    )
    result = run_async(runner.run(snippets["stubborn.py"]))
    assert result.returncode is None


def test_a_client_that_hangs_after_its_server_ended_times_out_alone(tmp_path):
    """The snippet's timeout ends its hung client too, and the run reports a timeout: no
    error escapes (which would lose the results of every other snippet run with it)."""
    snippets = folder(
        tmp_path,
        """
        ["server.py"]
        browser = false
        needs = ["network"]
        clients = ["client.py"]
        timeout = 4

        ["client.py"]
        browser = false
        run = false

        ["other.py"]
        browser = false
        """,
        server=f"""
        import pathlib, time
        print("ready", flush=True)
        while not pathlib.Path({str(tmp_path / "client.pid")!r}).exists():  # its client runs
            time.sleep(0.01)
        """,
        client=f"""
        import os, pathlib, time
        pathlib.Path({str(tmp_path / "client.pid")!r}).write_text(str(os.getpid()))
        time.sleep(30)
        """,
        other='print("still here")\n',
    )
    results = run_async(runner.run_many([snippets["server.py"], snippets["other.py"]]))
    assert results["server.py"].returncode is None, "timed out"
    assert results["server.py"].output == "ready\n[still waiting for its client client.py]\n"
    assert runner.problem(results["server.py"]) == (
        "server.py: timed out after 4.0 s, having printed:\n"
        "ready\n[still waiting for its client client.py]\n"
    )
    assert results["other.py"].output == "still here\n"
    pid = int((tmp_path / "client.pid").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


BACKGROUND_RUN = """
import asyncio, signal, sys
from pathlib import Path
signal.signal(signal.SIGINT, signal.SIG_IGN)  # as a shell starts `make test &`
from asyncdocs import runner
from asyncdocs.manifest import load_folder
if sys.argv[2] == "let":
    runner.let_children_take_ctrl_c()
(snippet,) = load_folder(Path(sys.argv[1]), Path(sys.argv[1]))
result = asyncio.run(runner.run(snippet))
print(repr((result.returncode, result.output)))
"""


@pytest.mark.parametrize("let", [True, False], ids=["let", "ignored"])
def test_a_suite_started_in_the_background_still_stops_samples_with_ctrl_c(tmp_path, let):
    folder(
        tmp_path,
        '["waiter.py"]\nbrowser = false\nneeds = ["signals"]\nsignals = ["SIGINT"]\ntimeout = 2\n',
        waiter="""
        import time
        try:
            print("waiting", flush=True)
            time.sleep(30)
        except KeyboardInterrupt:
            print("stopped by Ctrl-C")
        """,
    )
    done = subprocess.run(
        [sys.executable, "-c", BACKGROUND_RUN, str(tmp_path), "let" if let else "ignored"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    if let:
        assert done.stdout == repr((0, "waiting\nstopped by Ctrl-C\n")) + "\n"
    else:  # what let_children_take_ctrl_c prevents: the sample never sees SIGINT
        assert done.stdout == repr((None, "waiting\n")) + "\n"


def test_a_run_kept_from_the_cpu_says_when_it_waited(tmp_path):
    """The runner reads, as a snippet runs, how long each of its threads has waited for a
    CPU (the rule in asyncdocs.compare lets a duration be late by the wait that fell
    within it). Here the snippet shares one CPU with a busy loop for a second of work,
    then rests half a second once the loop has stopped: the wait must fall within the
    first duration it prints, and not within the second."""
    stats = Path("/proc/thread-self/schedstat")
    if not stats.exists() or not any(int(n) for n in stats.read_text().split()):
        if IN_CI:
            pytest.fail("CI runs on Linux, whose scheduler statistics the runner reads")
        pytest.skip("needs Linux's scheduler statistics (/proc/*/schedstat); CI has them")
    cpu = min(os.sched_getaffinity(0))
    go = tmp_path / "go"
    snippets = folder(
        tmp_path,
        '["busy.py"]\nbrowser = false\n',
        busy=f"""
            import os, time

            os.sched_setaffinity(0, {{{cpu}}})
            start = time.perf_counter()
            while time.perf_counter() - start < 1.0:
                pass
            print(f"busy: {{time.perf_counter() - start:.1f}} s")
            os.remove({str(go)!r})  # the busy loop beside it stops
            start = time.perf_counter()
            time.sleep(0.5)
            print(f"rest: {{time.perf_counter() - start:.1f}} s")
        """,
    )
    # The busy loop says go once it is on that CPU, and spins while the file is there.
    spin = (
        f"import os\nos.sched_setaffinity(0, {{{cpu}}})\nopen({str(go)!r}, 'w').close()\n"
        f"while os.path.exists({str(go)!r}): pass\n"
    )
    hog = subprocess.Popen([sys.executable, "-c", spin])
    try:
        deadline = time.monotonic() + 30
        while not go.exists():
            assert hog.poll() is None, "the busy loop ended"
            assert time.monotonic() < deadline, "the busy loop did not start within 30 s"
            time.sleep(0.01)
        result = run_async(runner.run(snippets["busy.py"]))
    finally:
        hog.kill()
        hog.wait()
    assert result.returncode == 0, result
    assert re.fullmatch(r"busy: 1\.\d s\nrest: 0\.\d s\n", result.output), result.output
    busy, rest = result.waits.during(0, 1.0), result.waits.during(1, 0.5)
    assert busy >= 0.25, f"waited {busy:.3f} s in its busy second"
    assert rest < 0.1, f"waited {rest:.3f} s while it slept alone"
    assert result.waits.total() <= result.seconds
