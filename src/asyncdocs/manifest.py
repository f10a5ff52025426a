"""Snippet metadata: how each file under `snippets/` is verified and where it can run.

Every folder of snippets has one `snippets.toml`. It has a table for every `.py`
file in that folder and nothing else; translators never touch it. Example:

```toml
["countasync.py"]
browser = true              # the in-browser runner can run it honestly

["await_outside.py"]
browser = true
raises = "SyntaxError"      # must fail, exactly with this exception

["crawler.py"]
browser = false
needs = ["network"]         # why it runs locally only
args = ["urls.txt"]
timeout = 30
```

The output a snippet must print is recorded beside it in `<name>.out`
(written by `python -m asyncdocs record`, never by hand). Pages include that
very file under the code, so what readers see is what the tests compare.
"""

from __future__ import annotations

import dataclasses
import signal
import tomllib
from pathlib import Path

from asyncdocs.backends import BACKENDS

MANIFEST_NAME = "snippets.toml"

NEEDS: dict[str, str] = {
    "threads": "starts OS threads or a thread pool",
    "processes": "starts processes or a process pool",
    "subprocess": "runs another program",
    "network": "opens sockets",
    "signals": "sends or handles OS signals",
    "stdin": "reads from standard input",
    "packages": "imports packages that Pyodide does not provide",
}
"""What a snippet may declare in `needs`, and why each keeps it out of the browser."""

MINIMUM_PYTHON = (3, 11)
"""The CPython every snippet runs on unless it declares `python`; CI has exactly this one."""

_KEYS = {
    "browser", "raises", "args", "stdin", "needs", "timeout", "python", "run",
    "services", "clients", "signals", "backends", "timeline",
}  # fmt: skip


class ManifestError(ValueError):
    """A `snippets.toml` is missing, malformed or out of step with its folder."""


@dataclasses.dataclass(frozen=True)
class Snippet:
    """One snippet file and what its manifest entry says about it."""

    path: Path
    """The `.py` file."""
    root: Path
    """The `snippets/` folder; `rel` is relative to it."""
    browser: bool
    """True when the in-browser runner can run it (and the tests prove it under Pyodide)."""
    raises: str | None = None
    """Name of the exception it must end with (exit status 1), e.g. `SyntaxError`."""
    args: tuple[str, ...] = ()
    """Command-line arguments."""
    stdin: str | None = None
    """Text fed to standard input."""
    needs: tuple[str, ...] = ()
    """Keys of [NEEDS][asyncdocs.manifest.NEEDS]: what keeps it local-only."""
    timeout: float = 10.0
    """Seconds before the run counts as hung."""
    python: str = "3.11"
    """Lowest Python version it runs on; newer than the local CPython means Pyodide only."""
    run: bool = True
    """False for a module that other snippets import and that is not run on its own."""
    services: tuple[str, ...] = ()
    """Sibling files (servers) started before this snippet and stopped after it (with
    SIGTERM); each must print one line when it is ready."""
    clients: tuple[str, ...] = ()
    """Sibling files run one after another, each to completion, once this snippet has
    printed its first line (a server's "ready" line)."""
    signals: tuple[str, ...] = ()
    """Signal names (`SIGINT`, `SIGTERM`…) sent to this snippet, 0.5 s apart, after its
    first line and its clients; the run then waits for it to exit."""
    backends: tuple[str, ...] = ()
    """Keys of [BACKENDS][asyncdocs.backends.BACKENDS]: real servers (Redis…) started
    fresh for the run, located by an environment variable."""

    timeline: bool = False
    """True when pages show its task timeline, recorded under CPython beside it."""

    @property
    def timeline_path(self) -> Path:
        """The recorded task timeline, `<name>.timeline.json` beside the snippet."""
        return self.path.with_suffix(".timeline.json")

    @property
    def uses_fixed_ports(self) -> bool:
        """True when it runs with sibling servers (which listen on fixed ports)."""
        return bool(self.services or self.clients)

    @property
    def rel(self) -> str:
        """Path relative to `snippets/`, with forward slashes, as pages include it."""
        return self.path.relative_to(self.root).as_posix()

    @property
    def output_path(self) -> Path:
        """The recorded output file, `<name>.out` beside the snippet."""
        return self.path.with_suffix(".out")

    @property
    def command(self) -> list[str]:
        """The command a reader types to run it, from the snippet's folder."""
        return ["python", self.path.name, *self.args]

    def recorded_output(self) -> str:
        """The output recorded by the last `record` run."""
        return self.output_path.read_text(encoding="utf-8")

    def python_tuple(self) -> tuple[int, int]:
        """`python` as a comparable tuple, e.g. `(3, 12)`."""
        major, minor = self.python.split(".")
        return int(major), int(minor)


def _entry(folder: Path, root: Path, name: str, raw: dict) -> Snippet:
    where = f"{folder / MANIFEST_NAME}: [{name!r}]"
    unknown = set(raw) - _KEYS
    if unknown:
        raise ManifestError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(_KEYS)}")
    if not isinstance(raw.get("browser"), bool):
        raise ManifestError(f"{where}: `browser = true|false` is required")
    needs = tuple(raw.get("needs", ()))
    bad = [n for n in needs if n not in NEEDS]
    if bad:
        raise ManifestError(f"{where}: unknown needs {bad}; known: {sorted(NEEDS)}")
    if raw["browser"] and needs:
        raise ManifestError(
            f"{where}: a snippet that needs {list(needs)} cannot run in the browser"
        )
    if "stdin" in raw and "stdin" not in needs:
        raise ManifestError(f'{where}: a snippet fed by `stdin` must list "stdin" in `needs`')
    python = str(raw.get("python", "3.11"))
    if not python.startswith("3.") or not python[2:].isdigit():
        raise ManifestError(f"{where}: `python` must look like '3.12', not {python!r}")
    if tuple(map(int, python.split("."))) > MINIMUM_PYTHON and not raw["browser"]:
        raise ManifestError(
            f"{where}: needs Python {python}, newer than CI's CPython: only Pyodide can verify "
            "it, so it must be `browser = true`"
        )
    signals = tuple(raw.get("signals", ()))
    bad = [s for s in signals if s not in signal.Signals.__members__]
    if bad:
        raise ManifestError(f"{where}: unknown signals {bad}, e.g. 'SIGINT' or 'SIGTERM'")
    if signals and "signals" not in needs:
        raise ManifestError(f'{where}: a snippet sent `signals` must list "signals" in `needs`')
    backends = tuple(raw.get("backends", ()))
    bad = [b for b in backends if b not in BACKENDS]
    if bad:
        raise ManifestError(f"{where}: unknown backends {bad}; known: {sorted(BACKENDS)}")
    if backends and "network" not in needs:
        raise ManifestError(f'{where}: a snippet using `backends` must list "network" in `needs`')
    if raw.get("timeline") and (not raw.get("run", True) or python != "3.11"):
        raise ManifestError(
            f"{where}: `timeline = true` needs a snippet that runs on CI's CPython "
            "(`run = true`, no newer `python`): its timeline is recorded there"
        )
    return Snippet(
        path=folder / name,
        root=root,
        browser=raw["browser"],
        raises=raw.get("raises"),
        args=tuple(str(a) for a in raw.get("args", ())),
        stdin=raw.get("stdin"),
        needs=needs,
        timeout=float(raw.get("timeout", 10.0)),
        python=python,
        run=bool(raw.get("run", True)),
        services=tuple(raw.get("services", ())),
        clients=tuple(raw.get("clients", ())),
        signals=signals,
        backends=backends,
        timeline=bool(raw.get("timeline", False)),
    )


def load_folder(folder: Path, root: Path) -> list[Snippet]:
    """Read one folder's manifest and check it names exactly the `.py` files there."""
    manifest = folder / MANIFEST_NAME
    files = sorted(p.name for p in folder.glob("*.py"))
    if not manifest.exists():
        raise ManifestError(f"{folder}: has {files} but no {MANIFEST_NAME}")
    try:
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"{manifest}: {exc}") from exc
    missing = sorted(set(files) - set(data))
    extra = sorted(set(data) - set(files))
    if missing:
        raise ManifestError(f"{manifest}: no entry for {missing}")
    if extra:
        raise ManifestError(f"{manifest}: entries for files that do not exist: {extra}")
    snippets = [_entry(folder, root, name, data[name]) for name in files]
    for snippet in snippets:
        for key in ("services", "clients"):
            for sibling in getattr(snippet, key):
                if sibling not in data or sibling == snippet.path.name:
                    raise ManifestError(
                        f"{manifest}: [{snippet.path.name!r}] {key}: {sibling!r} must be another "
                        "file of this folder"
                    )
    return snippets


def load_all(root: Path) -> list[Snippet]:
    """Every snippet under `root` (the `snippets/` folder), sorted by path."""
    folders = sorted(
        {p.parent for p in root.rglob("*.py")} | {p.parent for p in root.rglob(MANIFEST_NAME)}
    )
    snippets: list[Snippet] = []
    for folder in folders:
        snippets.extend(load_folder(folder, root))
    return snippets
