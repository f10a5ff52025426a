"""The one rule for comparing a run's output with its record.

**When output is captured** (for the record and for every test run alike),
tracebacks keep only the frames of the snippet's own files, which it runs by
relative name: frames from Python's own library or installed packages, and the
`^^^^` marker lines, are dropped. Those differ between Python versions and
installations; the reader's frames and the final error line do not. The browser
runner shows tracebacks the same way.

**When output is compared**, it must match the record character for character,
except for two things that truly vary from run to run:

* **Durations** — a decimal number followed by `s`, `sec` or `seconds`
  (`1.00 s`, `0.5s`, `3.01 seconds`). It matches when it is within
  `ABS_TOLERANCE + REL_TOLERANCE × recorded` of the recorded value, so `1.0 s`
  against a record of `3.0 s` still fails: the timing a sample teaches is checked.
* **Memory addresses** — `0x` followed by hex digits matches any such address.
* **Error messages under another Python version** — the records are made with the
  local CPython; under Pyodide's newer Python the wording of the final error line may
  differ (3.14 says `'int' object can't be awaited` where 3.11 says `object int can't
  be used in 'await' expression`), so there only the exception's type is compared.
  Pyodide is also slower (WebAssembly, no JIT): there a duration may in addition come
  out longer than the record by `SLOWER_ABS + SLOWER_REL × recorded`, never shorter.

Everything else a snippet prints must be deterministic by design: seeded
randomness, sleeps far enough apart that the order of events never depends on luck.

**A second run, for what load alone can do.** A busy machine holds processes up: a
test run that shares two cores with a browser can print `1.49 s` where a quiet run prints
`1.06 s`, and a process held up for a fifth of a second or more (measured: up to 0.6 s
under Pyodide, 0.23 s under CPython while Chromium loaded Pyodide beside the suite) can
print lines in another order than the record, or let a timeout fire. So a run that
differs from its record in any way is run once more, on its own, after all other runs
have ended, and the second run is judged by the same rules and must match. A stall hits
a few runs; when more than `MOST_SECOND_RUNS` (ten) of one kind (CPython, one Pyodide
mode, or the timeline recordings) differ, something is broken rather than slow, and
none is run again.

The exercises' Checks follow the same rule (`tests/conftest.py`, `second_checks`): a
Check whose verdicts are not the ones its program was written to get (a solution failing
a check, a starter passing them all, a wrong solution not failing exactly its own check),
that gives other verdicts than the same program got in the other Python (CPython or
Pyodide), or that did not end under Pyodide, is run once more, on its own, and the
report names it with what its first run got wrong; at most ten of one kind, counted
apart from the samples' runs.

**Time spent waiting for a CPU.** When other programs keep the cores busy, a run's
threads are often ready to go on but have no CPU, and their durations come out longer by
that wait; a second run does not help while the load lasts. Measured beside a Chromium
that loaded Pyodide again and again: `preface/thousand_downloads.py` printed `3.2 s` for
a recorded `2.0 s` under Pyodide, in both of its runs, and once twelve CPython samples
were late together (`0.43 s` came out as `1.23 s`), too many for second runs. So every
run is watched while it runs: how long each of its threads has waited for a CPU so far
(the run-queue wait in Linux's `/proc/…/schedstat`), read every `WATCH_INTERVAL` and
whenever the run prints ([CpuWaits][asyncdocs.compare.CpuWaits]); under Pyodide the
timed readings are taken only while the thread is free, so a run that computes without a
pause is read only when it prints. A duration may then be late by the wait that fell
within it: by the most any one of the run's threads waited in the span of that length
which ended at the reading taken once the duration's line was out (for CPython, once the
runner had read it). That is an upper bound, never more than the span itself: a thread's
wait at the span's start is its last reading before it, or a later reading less the time
in between (a thread waits at most a second a second), whichever is larger; a duration
measured earlier than it is printed is judged by the wait just before its printing,
which may be less or more than its own; and a thread that spins on the clock
(`time.sleep` under Pyodide, or any busy loop) counts its waits though its clock runs
on, so a wrong sample that spins could pass on a machine that keeps it from the CPU most
of the time — a run on a quiet machine catches it. It is measured, not guessed: on a
quiet machine it is close to zero and changes nothing; it only ever excuses a duration
for being late, never for being early or for a different text; and the test report lists
every run that matched only thanks to it, as it lists second runs. Not counted: other
processes (a sample's process pool, the servers and clients the runner starts beside
it); and a run whose output loses a duration when it is tidied (a duration in a final
error line under Pyodide) gets no allowance at all. Where the kernel keeps no such
statistics it counts as zero.

This does not make the comparison blind: a sample that is wrong fails its second run
too, and the test report names every snippet that needed one, with its kind of run and
(except for a timeline recording) what its first run got wrong (a duration, the text,
or how it ended), so a sample that keeps needing one is seen and fixed. What keeps a
sample's text from resting on luck is its schedule (the contributor guide asks for 0.2 s
at least between events whose order is printed), and `benchmarks/stall_hunt.py` checks
it: it pauses the loop at random and names the samples whose text changes. The
tolerance is never widened by a guess: beyond its fixed slack, only by the measured wait
for a CPU.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Mapping, Sequence

ABS_TOLERANCE = 0.15
"""Seconds of slack allowed on every duration."""
REL_TOLERANCE = 0.15
"""Fraction of the recorded duration allowed on top of `ABS_TOLERANCE`."""
SLOWER_ABS = 0.15
SLOWER_REL = 0.2
"""Extra slack, in seconds and as a fraction of the record, for a duration that came out
*longer* under another runtime (Pyodide: WebAssembly, no JIT, each step costs more)."""
MOST_SECOND_RUNS = 10
"""At most this many runs of one kind get a second run (see the module's docstring)."""
WATCH_INTERVAL = 0.025
"""Seconds between two readings of a running program's waits for a CPU."""

DURATION = re.compile(r"(?<![\w.])(\d+\.\d+)(?= ?(?:s|sec|seconds)\b)")
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


Sample = tuple[float, int, Mapping[str, float]]
"""One reading of a running program: (seconds since it began, lines it had printed in
full, {thread: seconds that thread had waited for a CPU so far})."""


@dataclasses.dataclass(frozen=True)
class CpuWaits:
    """How long a run's threads waited for a CPU, and when: its readings (`Sample`s, in
    time order) and, for each duration its output shows, in order, the index of the
    first reading taken once that duration's line was out."""

    samples: tuple[Sample, ...]
    printed: tuple[int, ...]

    @classmethod
    def of(cls, output: str, samples: Sequence[Sample]) -> CpuWaits | None:
        """The waits of a run that printed `output` (as written, before `tidy`), from its
        readings; None without readings (not Linux, or no scheduler statistics)."""
        samples = tuple(sorted(samples, key=lambda sample: sample[0]))
        if not samples:
            return None
        printed = []
        for found in DURATION.finditer(output):
            line = output.count("\n", 0, found.start())
            after = (i for i, (_, lines, _) in enumerate(samples) if lines > line)
            printed.append(next(after, len(samples) - 1))
        return cls(samples, tuple(printed))

    def during(self, index: int, seconds: float) -> float:
        """The longest any one thread waited for a CPU in the `seconds` before the run
        printed its duration number `index` (counting from 0), as an upper bound: a
        thread's wait at the span's start is taken as the larger of its last reading at or
        before the start and what each later reading allows (a thread waits at most one
        second a second), and a thread that ended before the end keeps its last reading."""
        end_time = self.samples[self.printed[index]][0]
        begin = end_time - seconds
        known: dict[str, float] = {}  # each thread's latest reading up to the end
        start: dict[str, float] = {}  # each thread's wait at `begin`, at least
        for when, _, waits in self.samples[: self.printed[index] + 1]:
            known.update(waits)
            if when <= begin:
                start = dict(known)
            else:
                for thread, waited in waits.items():
                    floor = waited - (when - begin)
                    start[thread] = max(start.get(thread, 0.0), floor)
        return max((w - start.get(thread, 0.0) for thread, w in known.items()), default=0.0)

    def total(self) -> float:
        """The longest any one thread waited for a CPU over the whole run."""
        return max(self.samples[-1][2].values(), default=0.0)


_FRAME = re.compile(r'^(?P<lead>[ |]*)File "(?P<file>[^"]+)", line \d+')
_MARKERS = re.compile(r"^[ |]*[~^]+[~^ ]*$")


def tidy(output: str) -> str:
    """Drop traceback frames outside the snippet's own files, and `^^^` marker lines.

    Works inside exception-group tracebacks too, whose lines start with `|`.
    """
    kept: list[str] = []
    dropped_lead: str | None = None  # the lead of the frame being dropped
    for line in output.splitlines(keepends=True):
        frame = _FRAME.match(line)
        if frame:
            name = frame["file"]
            outside = name.startswith(("/", "<")) or ":\\" in name
            dropped_lead = frame["lead"] if outside else None
        elif dropped_lead is not None and line.startswith(dropped_lead + "  "):
            continue  # the source line of a dropped frame
        else:
            dropped_lead = None
        if dropped_lead is None and not _MARKERS.match(line):
            kept.append(line)
    return "".join(kept)


def _split(text: str) -> tuple[str, list[float]]:
    text = ADDRESS.sub("0x…", text)
    durations = [float(m) for m in DURATION.findall(text)]
    return DURATION.sub("⏱", text), durations


_EXCEPTION_LINE = re.compile(
    r"^((?:[a-z_]\w*\.)*[A-Z]\w*(?:Error|Exception|Warning|Exit|Interrupt|Iteration|Group|ShutDown))"
    r"(?::|$)"
)
"""A final line that names an exception: `ValueError: …`, `asyncio.QueueShutDown`."""


def _error_type_only(text: str) -> str:
    head, _, last = text.rstrip("\n").rpartition("\n")
    kind = _EXCEPTION_LINE.match(last)
    return f"{head}\n{kind[1]}" if kind else text


def timing_only(
    recorded: str, actual: str, *, same_python: bool = True, waits: CpuWaits | None = None
) -> bool:
    """True when `actual` differs from `recorded` in a duration outside the tolerance and
    in nothing else: the one difference that a busy machine alone can cause, and that a
    second run may clear (see the module's docstring)."""
    if mismatch(recorded, actual, same_python=same_python, waits=waits) is None:
        return False
    if not same_python:
        recorded, actual = _error_type_only(recorded), _error_type_only(actual)
    return _split(recorded)[0] == _split(actual)[0]


def mismatch(
    recorded: str, actual: str, *, same_python: bool = True, waits: CpuWaits | None = None
) -> str | None:
    """Why `actual` does not match `recorded`, or None when it does.

    With `same_python=False` (output of another Python version, under Pyodide), the
    message of a final error line is not compared, only its exception type, and a duration
    may also be longer than the record by up to `SLOWER_ABS + SLOWER_REL × recorded`:
    that runtime is slower, never faster.

    `waits`: when the run's threads waited for a CPU (see `CpuWaits`): a duration may
    be longer by the wait that fell within it. Its output must be the one the waits were
    read from, tidied; if tidying dropped a duration, the waits do not count.
    """
    if not same_python:
        recorded, actual = _error_type_only(recorded), _error_type_only(actual)
    rec_text, rec_times = _split(recorded)
    act_text, act_times = _split(actual)
    if rec_text != act_text:
        diff = difflib.unified_diff(
            recorded.splitlines(), actual.splitlines(), "recorded", "actual", lineterm=""
        )
        return "output differs from the record:\n" + "\n".join(diff)
    counted = waits is not None and len(waits.printed) == len(act_times)
    for index, (rec, act) in enumerate(zip(rec_times, act_times, strict=True)):
        waited = waits.during(index, act) if counted else 0.0
        wrong = duration_mismatch(rec, act, same_python=same_python, waited=waited)
        if wrong:
            return wrong
    return None


def duration_mismatch(
    recorded: float, actual: float, *, same_python: bool = True, waited: float = 0.0
) -> str | None:
    """Why a duration of `actual` seconds does not match a record of `recorded`, or None.
    `waited`: seconds the run waited for a CPU while this duration ran (see `mismatch`);
    it may be late by that much, never by more than its own length."""
    waited = min(max(waited, 0.0), actual)
    allowed = ABS_TOLERANCE + REL_TOLERANCE * recorded
    slower = allowed + (0 if same_python else SLOWER_ABS + SLOWER_REL * recorded) + waited
    if recorded - allowed <= actual <= recorded + slower:
        return None
    span = f"±{allowed:.2f} s" if slower == allowed else f"-{allowed:.2f}/+{slower:.2f} s"
    held = f", {waited:.2f} s of it waiting for a CPU" if waited else ""
    return f"a duration of {actual} s was recorded as {recorded} s (allowed {span}{held})"
