"""Run snippets the way a reader would: `python name.py ARGS` in a fresh folder.

Each run copies the snippet's folder (its code and data files, not the records)
into a new temporary directory and starts a real CPython process there. Standard
output and standard error go to one pipe, unbuffered, so the text arrives in the
order a terminal would show it. Many snippets sleep, so [run_many][asyncdocs.runner.run_many]
runs them concurrently — with asyncio, naturally.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterable, Mapping
from pathlib import Path

from asyncdocs import backends
from asyncdocs.compare import WATCH_INTERVAL, CpuWaits, Sample, mismatch, tidy, timing_only
from asyncdocs.manifest import MANIFEST_NAME, Snippet

CONCURRENCY = 6
"""How many snippet processes run at the same time."""
SERVICE_START_TIMEOUT = 10.0
"""Seconds a service may take to print its ready line."""
SIGNAL_INTERVAL = 0.5
"""Seconds between two signals sent to the same snippet."""


@dataclasses.dataclass(frozen=True)
class Result:
    """What one run of a snippet produced."""

    snippet: Snippet
    output: str
    """Standard output and standard error, interleaved as written, tidied by
    [tidy][asyncdocs.compare.tidy]."""
    returncode: int | None
    """Exit status; None when the run timed out and was killed."""
    seconds: float
    """Wall-clock time of the whole process."""
    clients: Mapping[str, tuple[str, int | None, float]] = dataclasses.field(default_factory=dict)
    """For a server run with `clients`: each client's tidied output, exit status and
    seconds, by file name. [run_many][asyncdocs.runner.run_many] uses them as those
    clients' own results instead of running the same exchange a second time."""
    waits: CpuWaits | None = None
    """When the process's threads waited for a CPU (see `asyncdocs.compare`); None where
    Linux's scheduler statistics are not available."""


def _prepare(snippet: Snippet, workdir: Path) -> set[str]:
    """Copy the snippet's folder into `workdir`; return the prefixes tracebacks will show."""
    for item in snippet.path.parent.iterdir():
        if item.is_file() and item.suffix != ".out" and item.name != MANIFEST_NAME:
            shutil.copy2(item, workdir / item.name)
    return {str(workdir) + os.sep, str(workdir.resolve()) + os.sep}


def environment(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment a snippet runs in: deterministic hashing, unbuffered UTF-8 output."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COVERAGE"))}
    env.update(
        PYTHONHASHSEED="0", PYTHONUNBUFFERED="1", PYTHONUTF8="1", PYTHONDONTWRITEBYTECODE="1"
    )
    env.update(extra or {})
    return env


def thread_waits(pid: int) -> dict[str, float]:
    """Seconds each thread of process `pid` has waited for a CPU so far: the run-queue
    wait in Linux's `/proc/PID/task/TID/schedstat`. Empty where it cannot be read."""
    waits = {}
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return waits
    for tid in threads:
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat", "rb") as stats:
                waits[tid] = int(stats.read().split()[1]) / 1e9
        except (OSError, IndexError, ValueError):
            continue  # the thread ended meanwhile
    return waits


class Watch:
    """Reads how long a running process's threads have waited for a CPU so far, every
    `WATCH_INTERVAL` seconds and whenever it prints (see `asyncdocs.compare.CpuWaits`)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.began = time.perf_counter()
        self.lines = 0
        self.samples: list[Sample] = []

    def read(self) -> bool:
        """Take a reading; False if there was nothing to read (the process has ended)."""
        when = time.perf_counter() - self.began
        waits = thread_waits(self.pid)
        if waits:
            self.samples.append((when, self.lines, waits))
        return bool(waits)

    def printed(self, chunk: bytes) -> None:
        """The process printed `chunk`: count its lines and read the waits, at most once
        every 5 ms (`WATCH_INTERVAL` / 5). If it is too soon, or the process has ended
        and been reaped, the latest reading counts these lines too."""
        self.lines += chunk.count(b"\n")
        recent = self.samples and (
            time.perf_counter() - self.began - self.samples[-1][0] < WATCH_INTERVAL / 5
        )
        if (recent or not self.read()) and self.samples:
            when, _, waits = self.samples[-1]
            self.samples[-1] = (when, self.lines, waits)

    async def poll(self) -> None:
        """Read the waits until cancelled."""
        while True:
            self.read()
            await asyncio.sleep(WATCH_INTERVAL)


async def _communicate(
    proc: asyncio.subprocess.Process, data: bytes, watch: Watch, out: bytearray
) -> bytes:
    """`proc.communicate(data)`'s output, told to `watch` and kept in `out` as it comes
    (if it times out, `out` holds what it printed so far)."""

    async def feed() -> None:
        try:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # it did not read
                proc.stdin.write(data)
                await proc.stdin.drain()
        finally:
            proc.stdin.close()

    async with asyncio.TaskGroup() as tg:
        tg.create_task(feed())
        while chunk := await proc.stdout.read(4096):
            out.extend(chunk)
            watch.printed(chunk)
    await proc.wait()
    return bytes(out)


class ServiceError(RuntimeError):
    """A service a snippet needs did not start."""


async def _python(
    name: str, workdir: Path, env: dict[str, str], stderr: int
) -> asyncio.subprocess.Process:
    """`python name` in the run's folder, its output piped (stderr: PIPE or STDOUT)."""
    return await asyncio.create_subprocess_exec(
        sys.executable, name, cwd=workdir, env=env, stdout=asyncio.subprocess.PIPE, stderr=stderr
    )


@contextlib.asynccontextmanager
async def _service(name: str, workdir: Path, env: dict[str, str]) -> AsyncIterator[None]:
    """Start a sibling server, wait for its ready line; stop it with SIGTERM at the end."""
    proc = await _python(name, workdir, env, asyncio.subprocess.PIPE)
    try:
        try:
            ready = await asyncio.wait_for(proc.stdout.readline(), SERVICE_START_TIMEOUT)
        except TimeoutError:
            ready = b""
        if not ready:
            await _stop(proc)
            errors = (await proc.stderr.read()).decode(errors="replace").strip()
            raise ServiceError(f"service {name} did not print a ready line:\n{errors}")
        yield
    finally:
        await _stop(proc)


def let_children_take_ctrl_c() -> None:
    """Make the snippets this process starts stop on SIGINT, as at a terminal.

    A shell starts a background job (`make test &`) with SIGINT ignored, and children
    inherit that: a sample that stops on Ctrl-C (KeyboardInterrupt) would then never
    stop, and time out. Call it from the main thread before running snippets."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


async def _stop(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is None:
        with contextlib.suppress(ProcessLookupError):  # it may have exited meanwhile
            proc.terminate()
    await proc.wait()


async def _drive(
    proc: asyncio.subprocess.Process,
    snippet: Snippet,
    workdir: Path,
    env: dict[str, str],
    clients: dict[str, tuple[bytes, int | None, float]],
    out: bytearray,
    watch: Watch,
) -> bytes:
    """Read the snippet's output into `out`; after its first line run its clients
    (their output, status and time go into `clients`), then send its signals. Returns all
    it printed (plus a note for each client that failed). If it times out, `out` holds
    what it printed so far and a note of the client it was waiting for."""
    first_line = asyncio.Event()

    async def read() -> None:
        while chunk := await proc.stdout.read(4096):
            out.extend(chunk)
            watch.printed(chunk)
            if b"\n" in out:
                first_line.set()
        first_line.set()  # it ended before printing a line: nothing more to wait for

    reader = asyncio.create_task(read())
    await first_line.wait()
    notes = []
    for client in snippet.clients:
        if proc.returncode is not None:
            break
        started = time.perf_counter()
        run = await _python(client, workdir, env, asyncio.subprocess.STDOUT)
        try:
            client_out, _ = await run.communicate()
        except asyncio.CancelledError:  # the snippet's timeout: no client outlives it
            out.extend(f"[still waiting for its client {client}]\n".encode())
            with contextlib.suppress(ProcessLookupError):
                run.kill()
            await run.wait()
            raise
        clients[client] = (client_out, run.returncode, time.perf_counter() - started)
        if run.returncode:
            text = client_out.decode(errors="replace")
            notes.append(f"[client {client} exited with status {run.returncode}]\n{text}")
    for number, name in enumerate(snippet.signals):
        if number:
            await asyncio.sleep(SIGNAL_INTERVAL)
        if proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                proc.send_signal(signal.Signals[name])
    await reader
    await proc.wait()
    return bytes(out) + "".join(notes).encode()


async def run(
    snippet: Snippet, env: Mapping[str, str] | None = None, timeline: Path | None = None
) -> Result:
    """Run one snippet as its own process in a fresh temporary folder, with its backends,
    services, clients and signals.

    With `timeline`, it runs under the task recorder (`python -m asynctimeline`), which
    writes the recording to that file."""
    with tempfile.TemporaryDirectory(prefix="snippet-") as tmp:
        workdir = Path(tmp)
        prefixes = _prepare(snippet, workdir)
        async with contextlib.AsyncExitStack() as stack:
            try:
                located = await stack.enter_async_context(backends.started(snippet.backends))
                full_env = environment({**(env or {}), **located})
                for name in snippet.services:
                    await stack.enter_async_context(_service(name, workdir, full_env))
            except (ServiceError, backends.BackendError) as error:
                return Result(snippet, str(error), -1, 0.0)  # reported as the run's failure
            recorder = []
            if timeline is not None:
                recorder = ["-m", "asynctimeline", "--quiet", "--json", str(timeline)]
            start = time.perf_counter()
            proc = await asyncio.create_subprocess_exec(
                sys.executable,
                *recorder,
                str(workdir / snippet.path.name) if recorder else snippet.path.name,
                *snippet.args,
                cwd=workdir,
                env=full_env,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.STDOUT,
            )
            clients: dict[str, tuple[bytes, int | None, float]] = {}
            printed = bytearray()  # its output so far
            watch = Watch(proc.pid)
            if snippet.clients or snippet.signals:
                proc.stdin.close()
                work = _drive(proc, snippet, workdir, full_env, clients, printed, watch)
            else:
                work = _communicate(proc, (snippet.stdin or "").encode(), watch, printed)
            polling = asyncio.create_task(watch.poll())
            try:
                async with asyncio.timeout(snippet.timeout):
                    out = await work
                returncode: int | None = proc.returncode
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):  # it ended; a client of it hung
                    proc.kill()
                rest = (await proc.stdout.read()) if not proc.stdout.at_eof() else b""
                out = bytes(printed) + rest
                await proc.wait()
                returncode = None
            finally:
                polling.cancel()
            seconds = time.perf_counter() - start

        def tidied(raw: bytes) -> str:
            text = raw.decode("utf-8", errors="replace")
            for prefix in prefixes:  # tracebacks name the files as the reader typed them
                text = text.replace(prefix, "")
            return tidy(text)

    return Result(
        snippet,
        tidied(out),
        returncode,
        seconds,
        {name: (tidied(raw), code, secs) for name, (raw, code, secs) in clients.items()},
        CpuWaits.of(out.decode("utf-8", errors="replace"), watch.samples),
    )


def served_by(client: Snippet, server: Snippet) -> bool:
    """True when running `server` also runs `client` exactly as its own run would: the
    client's only service is that server, which lists it among its clients and starts
    the backends it needs, and the client takes no arguments or input and is not meant
    to fail."""
    return (
        client.path.parent == server.path.parent
        and client.services == (server.path.name,)
        and client.path.name in server.clients
        and set(client.backends) <= set(server.backends)
        and not client.args
        and client.stdin is None
        and client.raises is None
    )


async def run_many(
    snippets: Iterable[Snippet],
    env: Mapping[str, str] | None = None,
    concurrency: int = CONCURRENCY,
) -> dict[str, Result]:
    """Run snippets concurrently, at most `concurrency` at a time; results keyed by `rel`.

    Snippets with services or clients listen on fixed ports, so those of one folder run
    one after another (each folder has ports of its own, so folders run side by side).
    A client that a server in the same batch runs anyway (see
    [served_by][asyncdocs.runner.served_by]) is not run again: its result is the one
    recorded during the server's run."""
    gate = asyncio.Semaphore(concurrency)
    snippets = list(snippets)
    servers = [s for s in snippets if s.clients]
    covered = {c.rel: server for c in snippets for server in servers if served_by(c, server)}

    async def one(snippet: Snippet) -> Result:
        async with gate:
            return await run(snippet, env)

    async def one_by_one(served: list[Snippet]) -> list[Result]:
        return [await one(s) for s in served]

    chains: dict[Path, list[Snippet]] = {}
    for s in snippets:
        if s.uses_fixed_ports and s.rel not in covered:
            chains.setdefault(s.path.parent, []).append(s)
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(one(s)) for s in snippets if not s.uses_fixed_ports]
        serial = [tg.create_task(one_by_one(chain)) for chain in chains.values()]
    results = [t.result() for t in tasks] + [r for t in serial for r in t.result()]
    by_rel = {r.snippet.rel: r for r in results}
    for rel, server in covered.items():
        client = next(s for s in snippets if s.rel == rel)
        ran = by_rel[server.rel].clients.get(client.path.name)
        if ran is None:
            output = f"[not run: its server {server.path.name} did not get to run it]"
            by_rel[rel] = Result(client, output, -1, 0.0)
        else:
            by_rel[rel] = Result(client, *ran)
    return by_rel


def exit_problem(snippet: Snippet, returncode: int | None, output: str) -> str | None:
    """Why a run ended the wrong way (timed out, failed, or failed differently), or None."""
    if returncode is None:
        return f"timed out after {snippet.timeout} s, having printed:\n{output}"
    if snippet.raises is None:
        return None if returncode == 0 else f"exited with status {returncode}:\n{output}"
    last = output.rstrip().rpartition("\n")[2]
    if returncode != 1 or not (last == snippet.raises or last.startswith(snippet.raises + ":")):
        return (
            f"expected to fail with {snippet.raises}, got status {returncode} ending with {last!r}"
        )
    return None


def problem(result: Result, *, count_the_wait: bool = True) -> str | None:
    """Everything wrong with a run compared with its manifest entry and record, or None.
    Its durations may be late by its waits for a CPU (see [mismatch][asyncdocs.compare.mismatch]),
    unless `count_the_wait` is False."""
    snippet = result.snippet
    wrong_exit = exit_problem(snippet, result.returncode, result.output)
    if wrong_exit:
        return f"{snippet.rel}: {wrong_exit}"
    if not snippet.output_path.exists():
        return f"{snippet.rel}: no recorded output; run `python -m asyncdocs record {snippet.rel}`"
    waits = result.waits if count_the_wait else None
    diff = mismatch(snippet.recorded_output(), result.output, waits=waits)
    return f"{snippet.rel}: {diff}" if diff else None


def matched_by_its_wait(result: Result) -> bool:
    """True when a run matches its record only because its waits for a CPU counted: the
    report lists such runs (see `asyncdocs.compare`)."""
    return (
        result.snippet.output_path.exists()
        and problem(result) is None
        and problem(result, count_the_wait=False) is not None
    )


def needs_second_run(result: Result) -> bool:
    """True when a run differs from its record in any way (see the second-run rule in
    [asyncdocs.compare][]): the tests run the snippet once more, on its own, and that run
    must match."""
    return result.snippet.output_path.exists() and problem(result) is not None


def first_difference(result: Result) -> str:
    """What kind of difference a run that needs a second run showed, for the report."""
    snippet = result.snippet
    if exit_problem(snippet, result.returncode, result.output) is not None:
        return "how it ended"
    if timing_only(snippet.recorded_output(), result.output, waits=result.waits):
        return "a duration"
    return "the text"
