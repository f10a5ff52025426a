"""Real servers a snippet talks to, started fresh for each run: Redis, PostgreSQL.

A snippet names them in `snippets.toml` (`backends = ["redis"]`). Before the run, the
runner starts a throwaway server from the Debian package's binary on 127.0.0.1 at a free
port, with its data in a temporary folder, and tells the snippet where it is through an
environment variable; after the run it stops the server and deletes the folder. A snippet
reads the variable with a default that suits a reader's own machine, e.g.
`os.environ.get("REDIS_URL", "redis://localhost:6379/0")`.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import shutil
import signal
import socket
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

START_TIMEOUT = 20.0
"""Seconds a server may take to accept connections."""


class BackendError(RuntimeError):
    """A backend could not be started."""


@dataclasses.dataclass(frozen=True)
class Backend:
    """One kind of server and where its program comes from."""

    name: str
    binary: str
    """The program that proves it is installed."""
    package: str
    """The Debian package that provides it."""
    variable: str
    """The environment variable that tells a snippet where the server is."""
    default: str
    """The variable's value a snippet falls back on: a server on the reader's machine."""
    start: Callable[[Path, int], contextlib.AbstractAsyncContextManager[str]]
    """Start it in a folder on a port; yields the variable's value."""

    def available(self) -> bool:
        return Path(self.binary).exists()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _wait_for_port(port: int, proc: asyncio.subprocess.Process, what: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.returncode is not None:
            break
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.05)
            continue
        writer.close()
        await writer.wait_closed()
        return
    raise BackendError(f"{what} did not accept connections on 127.0.0.1:{port}")


async def _stop(proc: asyncio.subprocess.Process, sig: int = signal.SIGTERM) -> None:
    with contextlib.suppress(ProcessLookupError):
        proc.send_signal(sig)
    try:
        await asyncio.wait_for(proc.wait(), 10)
    except TimeoutError:
        proc.kill()
        await proc.wait()


async def _wait_until(ready: list[str], proc: asyncio.subprocess.Process, what: str) -> None:
    """Run the command `ready` until it succeeds: a server that accepts connections may
    still refuse sessions while it starts (PostgreSQL: "the database system is starting
    up"), and a busy machine makes that window long."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and proc.returncode is None:
        check = await asyncio.create_subprocess_exec(
            *ready, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL
        )
        if await check.wait() == 0:
            return
        await asyncio.sleep(0.05)
    raise BackendError(f"{what} accepted connections but never became ready")


@contextlib.asynccontextmanager
async def _serving(
    what: str,
    argv: list[str],
    port: int,
    url: str,
    stop: int = signal.SIGTERM,
    ready: list[str] | None = None,
) -> AsyncIterator[str]:
    """Run the server program `what` until the block ends; yield its URL once it accepts
    connections on `port` (and the command `ready`, if given, succeeds), then stop it
    with `stop` and wait for it."""
    proc = await asyncio.create_subprocess_exec(
        *argv, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL
    )
    try:
        await _wait_for_port(port, proc, what)
        if ready:
            await _wait_until(ready, proc, what)
        yield url
    finally:
        await _stop(proc, stop)


def _redis(folder: Path, port: int) -> contextlib.AbstractAsyncContextManager[str]:
    argv = [
        REDIS.binary,
        "--bind", "127.0.0.1", "--port", str(port), "--dir", str(folder),
        "--save", "", "--appendonly", "no", "--protected-mode", "yes",
    ]  # fmt: skip
    return _serving("redis-server", argv, port, f"redis://127.0.0.1:{port}/0")


REDIS = Backend(
    name="redis",
    binary="/usr/bin/redis-server",
    package="redis-server",
    variable="REDIS_URL",
    default="redis://localhost:6379/0",
    start=_redis,
)


def _postgres_bin() -> Path:
    """The newest installed `/usr/lib/postgresql/<major>/bin` (Debian's layout)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/postgres"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return found[-1].parent if found else Path("/usr/lib/postgresql/15/bin")


def _as_postgres_user(folder: Path) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as the `postgres` user."""
    if os.geteuid() != 0:
        return []
    shutil.chown(folder, "postgres", "postgres")
    return ["setpriv", "--reuid=postgres", "--regid=postgres", "--clear-groups", "--"]


async def _run(*argv: str) -> None:
    proc = await asyncio.create_subprocess_exec(
        *argv, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    out, _ = await proc.communicate()
    if proc.returncode:
        raise BackendError(f"{argv[0]} failed:\n{out.decode(errors='replace')}")


@contextlib.asynccontextmanager
async def _postgresql(folder: Path, port: int) -> AsyncIterator[str]:
    """A throwaway cluster, as pytest-postgresql makes one: initdb, then postgres."""
    bindir = _postgres_bin()
    prefix = _as_postgres_user(folder)
    data = folder / "data"
    await _run(
        *prefix, str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
        "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync",
    )  # fmt: skip
    argv = [
        *prefix, str(bindir / "postgres"), "-D", str(data),
        "-h", "127.0.0.1", "-p", str(port), "-k", str(folder),
        "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
    ]  # fmt: skip
    url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
    # SIGINT is PostgreSQL's "fast" shutdown: it disconnects clients instead of waiting
    ready = [str(bindir / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres"]
    async with _serving("postgres", argv, port, url, signal.SIGINT, ready) as located:
        yield located


POSTGRESQL = Backend(
    name="postgresql",
    binary=str(_postgres_bin() / "postgres"),
    package="postgresql",
    variable="DATABASE_URL",
    default="postgresql://postgres@localhost:5432/postgres",
    start=_postgresql,
)

BACKENDS: dict[str, Backend] = {b.name: b for b in (REDIS, POSTGRESQL)}
"""The backends a snippet may name, by name."""


@contextlib.asynccontextmanager
async def started(names: tuple[str, ...]) -> AsyncIterator[dict[str, str]]:
    """Start the named backends; yield the environment variables that point at them."""
    missing = [BACKENDS[n] for n in names if not BACKENDS[n].available()]
    if missing:
        raise BackendError(
            "not installed: "
            + ", ".join(f"{b.binary} (apt-get install {b.package})" for b in missing)
        )
    async with contextlib.AsyncExitStack() as stack:
        env = {}
        for name in names:
            backend = BACKENDS[name]
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"{name}-")))
            env[backend.variable] = await stack.enter_async_context(
                backend.start(folder, free_port())
            )
        yield env
