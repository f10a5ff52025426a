"""Static task timelines on pages: recorded under CPython, drawn at build time.

A snippet with `timeline = true` in its `snippets.toml` gets, beside its `.out`, a
`<name>.timeline.json`: its run recorded by [asynctimeline](reference.md#asynctimeline)
(`python -m asynctimeline`), written by `python -m asyncdocs record` like the output.
A page shows it where it says

```markdown
<!-- timeline: tutorial/patterns/forecasts.py -->
```

as an SVG figure labelled in the page's language. The recording names the hash of the
snippet it was made from; the tests check it is current, and record it again to check
that its shape (tasks, outcomes, who printed what, how long) still holds.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import json
import re
import tempfile
from pathlib import Path

import asynctimeline
from asyncdocs import runner
from asyncdocs.manifest import Snippet

PHONE_WIDTH = 320
"""The width (px) a figure's second picture is drawn for: what a 360 px wide phone
leaves for it; runner.css shows that one on screens narrower than 600 px."""

MARKER = re.compile(r"<!--\s*timeline:\s*(?P<rel>[\w./-]+\.py)\s*-->")
"""How a page asks for a snippet's timeline."""

CAPTION = {
    "en": "Task timeline of {name}, recorded on CPython {python}: one lane per task, "
    "solid bars while it runs, dashed outlines while it waits, a triangle for each "
    "printed line. Point at a mark for details.",
    "zh": "{name} 的任务时间线（在 CPython {python} 上录制）：每个任务一行，实心条表示正在运行，"
    "虚线框表示正在等待，三角形表示打印了一行。把指针移到标记上可查看详情。",
}


async def record(snippet: Snippet) -> tuple[runner.Result, dict | None]:
    """Run a snippet under the recorder: its result and its recording (None if the
    recorder wrote none)."""
    with tempfile.TemporaryDirectory(prefix="timeline-") as tmp:
        target = Path(tmp) / "timeline.json"
        result = await runner.run(snippet, timeline=target)  # an absolute path
        recording = json.loads(target.read_text(encoding="utf-8")) if target.exists() else None
    if recording is not None:
        recording["program"] = snippet.path.name
    return result, recording


def write(snippet: Snippet, recording: dict) -> None:
    """Store a recording beside its snippet."""
    snippet.timeline_path.write_text(asynctimeline.dumps(recording), encoding="utf-8")


def load(snippet: Snippet) -> dict:
    """The stored recording of a snippet."""
    return json.loads(snippet.timeline_path.read_text(encoding="utf-8"))


def source_hash(snippet: Snippet) -> str:
    """The hash a current recording names: that of the snippet's file."""
    return hashlib.sha256(snippet.path.read_bytes()).hexdigest()


def shape(recording: dict) -> dict:
    """What must not change between two recordings of the same program: the tasks
    (name, parent, outcome, the kinds of wait, in order), and which task printed each
    line. (The lines themselves may hold durations: compare them with
    [mismatch][asyncdocs.compare.mismatch].)"""
    names = {t["id"]: t["name"] for t in recording["tasks"]}
    return {
        "tasks": [
            (
                t["name"],
                names.get(t["parent"]),
                t["outcome"],
                tuple((w[2], names.get(int(w[3])) if w[2] == "task" else "") for w in t["waits"]),
            )
            for t in recording["tasks"]
        ],
        "prints": [(names.get(p[1]), p[2]) for p in recording["prints"]],
    }


def printed(recording: dict) -> str:
    """The lines a recording saw printed, as the program's output."""
    return "".join(p[3] + "\n" for p in recording["prints"])


def figure(snippet: Snippet, lang: str) -> str:
    """The HTML of a snippet's static timeline, labelled in `lang`."""
    recording = load(snippet)
    caption = CAPTION.get(lang, CAPTION["en"]).format(
        name=snippet.path.name, python=recording["python"]
    )
    # Drawn twice: for the page's width, and to fit a phone's (the stylesheet shows one).
    return (
        f'<figure class="atl-figure" data-timeline="{html.escape(snippet.rel)}">'
        f'<div class="atl-box atl-wide">{asynctimeline.svg(recording, lang)}</div>'
        f'<div class="atl-box atl-narrow">{asynctimeline.svg(recording, lang, PHONE_WIDTH)}</div>'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>"
    )


def record_all(snippets: list[Snippet]) -> list[str]:
    """Record and store the timelines of these snippets; returns the problems."""

    async def both() -> list:
        return await asyncio.gather(*(record(s) for s in snippets))

    problems = []
    for snippet, (result, recording) in zip(snippets, asyncio.run(both()), strict=True):
        wrong = runner.exit_problem(snippet, result.returncode, result.output)
        if wrong or recording is None:
            problems.append(f"{snippet.rel}: no timeline: {wrong or 'nothing recorded'}")
            continue
        write(snippet, recording)
    return problems
