"""MkDocs hooks of the exercises (listed under `hooks:` in mkdocs.yml; the exercises
themselves are described in [asyncdocs.exercises][]).

A page shows an exercise with one marker on a line of its own, naming its folder under
`exercises/`:

```markdown
<!-- exercise: tutorial/async-await/stations -->
```

[on_page_markdown][asyncdocs.exercise_hooks.on_page_markdown] puts in its place, in the
page's language, a heading ("Exercise: …", anchor `exercise-<name>`), the task, and the
starter program as a code block titled `exercise.py`. A page whose marker names no
exercise fails the (strict) build. The progress page's marker, `<!-- exercises: all -->`,
becomes the list of every exercise, by part, in the order of the nav.

[on_page_content][asyncdocs.exercise_hooks.on_page_content] then marks each such block
for the runner as a browser sample (see [asyncdocs.runner_hooks][]) and for
`assets/runner/exercise.js`, which adds Check, Hint, Solution and Reset:

| Attribute | Value |
| --- | --- |
| `data-exercise` | the exercise's folder under `exercises/` |
| `data-exercise-anchor` | the id of its heading |
| `data-exercise-solution` | the solution's code |

and puts the hints before it, each a closed `<details>` whose `data-exercise-hint` names
the exercise (readers without scripts can open them; the script shows them one at a
time). The solution is in an attribute, so the search index does not show it.

[on_post_build][asyncdocs.exercise_hooks.on_post_build] copies `checking.py` and
`check.py` beside `engine.mjs`, and each exercise's `checks.py` into the shared folder
(`exercises/<folder>/checks.py`), where the Check button fetches them.
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

import markdown as md
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from asyncdocs import exercises
from asyncdocs.mkdocs_hooks import copy_if_changed, shared_dir, shared_url
from asyncdocs.runner_hooks import RUNNER_ASSETS, _language, _prefetch, runner_attributes

log = logging.getLogger("mkdocs.hooks.asyncdocs.exercises")

MARKER = re.compile(r"^<!-- exercise: (?P<rel>[\w./-]+) -->[ \t]*$", re.M)
PROGRESS_MARKER = re.compile(r"^<!-- exercises: all -->[ \t]*$", re.M)
TITLE = "exercise.py"
"""The title of an exercise's code block (a snippet's title starts with `snippets/`)."""

TEXT = {
    "en": {
        "heading": "Exercise: {title}",
        "hint": "Hint {n}",
        "parts": {"tutorial": "Tutorial", "book": "The book", "guide": "Practical guide"},
        "clear": "Forget all my solved exercises",
        "none": "No exercise solved yet in this browser.",
    },
    "zh": {
        "heading": "练习：{title}",
        "hint": "提示 {n}",
        "parts": {"tutorial": "教程", "book": "图书篇", "guide": "实践指南"},
        "clear": "清除全部完成记录",
        "none": "在这个浏览器里还没有完成任何练习。",
    },
}
"""What the hooks write, per page language (English for any other)."""


def _text(config: MkDocsConfig) -> dict:
    return TEXT.get(_language(config), TEXT["en"])


def anchor(exercise: exercises.Exercise) -> str:
    return f"exercise-{exercise.folder.name}"


def _fence(code: str, title: str) -> str:
    longest = max((len(m[0]) for m in re.finditer(r"`{3,}", code)), default=2)
    ticks = "`" * (longest + 1)
    return f'{ticks}python title="{title}"\n{code.rstrip()}\n{ticks}\n'


_CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_BREAK = re.compile(r"(?<=[^\n])\n(?=[^\n\s*+#>\d-])")


def unwrap(text: str) -> str:
    """Join a paragraph's lines: Markdown shows a line break as a space, which Chinese
    text must not have; beside a Chinese character the break goes, elsewhere it stays
    (list items, headings and quotes keep their lines)."""

    def join(m: re.Match) -> str:
        before, after = text[m.start() - 1], text[m.end()]
        return "" if re.match(f"[{_CJK}]", before) or re.match(f"[{_CJK}]", after) else "\n"

    return _BREAK.sub(join, text)


def exercise_markdown(exercise: exercises.Exercise, lang: str) -> str:
    """The Markdown a marker becomes: heading, task and starter (hints come later, as
    HTML beside the block)."""
    meta = exercise.meta.get(lang) or exercise.meta["en"]
    text = TEXT.get(lang, TEXT["en"])
    heading = text["heading"].format(title=meta["title"])
    starter = exercise.program("starter.py").read_text(encoding="utf-8")
    return (
        f"## {heading} {{ #{anchor(exercise)} .exercise-heading }}\n\n"
        f"{unwrap(meta['task'].strip())}\n\n{_fence(starter, TITLE)}"
    )


def _nav_pages(nav) -> dict[str, str]:
    """The pages of a nav (as in mkdocs.yml), in order, with their titles ("" if none)."""
    found: dict[str, str] = {}
    for item in nav or []:
        title, value = next(iter(item.items())) if isinstance(item, dict) else ("", item)
        if isinstance(value, list):
            found.update(_nav_pages(value))
        elif isinstance(value, str):
            found[value] = title
    return found


def progress_markdown(config: MkDocsConfig, page: Page) -> str:
    """The progress page's list: every exercise, by part, in the order of the nav."""
    text = _text(config)
    lang = _language(config)
    titles = _nav_pages(config.nav)
    order = {p: n for n, p in enumerate(titles)}
    everything = sorted(exercises.load_all(), key=lambda e: order.get(_page_of(e), len(order)))
    here = page.file.src_uri.rpartition("/")[0]
    lines = [f'<p class="exercise-tally" data-exercise-total="{len(everything)}"></p>\n']
    for part, title in text["parts"].items():
        mine = [e for e in everything if e.rel.split("/")[0] == part]
        if not mine:
            continue
        lines.append(f"\n## {title}\n")
        for e in mine:
            meta = e.meta.get(lang) or e.meta["en"]
            target = _relative(_page_of(e), here)
            where = html.escape(titles.get(_page_of(e), ""))
            lines.append(
                f'- <span class="exercise-mark" data-exercise-progress="{e.rel}"></span>'
                f"[{meta['title']}]({target}#{anchor(e)})"
                f' <span class="exercise-page">· {where}</span>\n'
            )
    lines.append(
        f'\n<p><button type="button" class="md-button exercise-clear-all" hidden>'
        f"{html.escape(text['clear'])}</button></p>\n"
        f'<p class="exercise-none" hidden>{html.escape(text["none"])}</p>\n'
    )
    return "".join(lines)


def _page_of(exercise: exercises.Exercise) -> str:
    part, page, _ = exercise.rel.split("/")
    return f"{part}/{page}.md"


def _relative(target: str, here: str) -> str:
    depth = len([p for p in here.split("/") if p])
    return "../" * depth + target


_shown: dict[str, list[exercises.Exercise]] = {}
"""Page -> the exercises its markers named, in order (on_page_markdown to on_page_content)."""


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace the page's exercise markers (see the module's docstring)."""
    known = {e.rel: e for e in exercises.load_all()}
    shown = _shown.setdefault(page.file.src_uri, [])
    shown.clear()

    def replace(m: re.Match) -> str:
        exercise = known.get(m["rel"])
        if exercise is None:
            log.warning("%s: no exercise exercises/%s", page.file.src_uri, m["rel"])
            return ""
        if _page_of(exercise) != page.file.src_uri:
            log.warning(
                "%s: exercises/%s belongs on %s", page.file.src_uri, m["rel"], _page_of(exercise)
            )
        shown.append(exercise)
        return exercise_markdown(exercise, _language(config))

    markdown = MARKER.sub(replace, markdown)
    return PROGRESS_MARKER.sub(lambda m: progress_markdown(config, page), markdown)


_BLOCK = re.compile(
    r'<div class="(?P<cls>[^"]*\bhighlight\b[^"]*)">'
    rf'(?P<bar><span class="filename">{re.escape(TITLE)}</span>)'
)


def _hints(exercise: exercises.Exercise, config: MkDocsConfig) -> str:
    lang = _language(config)
    meta = exercise.meta.get(lang) or exercise.meta["en"]
    render = md.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )
    parts = []
    for n, hint in enumerate(meta["hints"], start=1):
        body = render.reset().convert(unwrap(hint))
        summary = html.escape(_text(config)["hint"].format(n=n))
        parts.append(
            f'<details class="tip exercise-hint" data-exercise-hint="{exercise.rel}">'
            f"<summary>{summary}</summary>{body}</details>"
        )
    return "".join(parts)


def on_page_content(html_: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Mark the page's exercise blocks for the runner and for exercise.js."""
    todo = list(_shown.get(page.file.src_uri, []))

    def mark(m: re.Match) -> str:
        if not todo:
            return m[0]
        exercise = todo.pop(0)
        written = runner_attributes(
            path=TITLE,
            code=exercise.program("starter.py").read_text(encoding="utf-8"),
            shared=shared_url(config),
            prefetch=_prefetch(config),
            data_exercise=exercise.rel,
            data_exercise_anchor=anchor(exercise),
            data_exercise_solution=exercise.program("solution.py").read_text(encoding="utf-8"),
        )
        return f'{_hints(exercise, config)}<div class="{m["cls"]} exercise"{written}>{m["bar"]}'

    marked = _BLOCK.sub(mark, html_)
    if todo:
        log.warning("%s: exercise blocks not found for %s", page.file.src_uri, todo)
    return marked


def on_post_build(config: MkDocsConfig) -> None:
    """Copy what the Check button fetches into the site."""
    assets = Path(config.site_dir) / "assets/runner"
    for name in ("checking.py", "check.py"):
        copy_if_changed(RUNNER_ASSETS / name, assets / name)
    target = shared_dir(config) / "exercises"
    for exercise in exercises.load_all():
        copy_if_changed(exercise.folder / "checks.py", target / exercise.rel / "checks.py")
