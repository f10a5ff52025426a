"""MkDocs hooks of the in-page runner (listed under `hooks:` in mkdocs.yml).

Pages show a sample as a fenced block titled with its path, whose body is an include:

````markdown
```python title="snippets/tutorial/async-await/fetch_async.py"
;--8<-- "tutorial/async-await/fetch_async.py"
```
````

After MkDocs renders a page, [on_page_content][asyncdocs.runner_hooks.on_page_content]
finds each such block (`<div class="language-python highlight">` whose filename bar
says `snippets/<rel>.py`), looks the snippet up in its folder's `snippets.toml`
([asyncdocs.manifest][]) and marks the block with `data-runner-*` attributes:

| Attribute | Value |
| --- | --- |
| `data-runner` | `browser` (the runner can run it) or `local` (it must run locally) |
| `data-runner-path` | the snippet's path under `snippets/` |
| `data-runner-args` | its command-line arguments, as a JSON list |
| `data-runner-python` | the lowest Python version it needs |
| `data-runner-needs` | why it runs only locally (space-separated `needs`), or empty |
| `data-runner-files` | the other files of its folder it may read or import, as a JSON list |
| `data-runner-shared` | the shared folder (Pyodide, snippet files), relative to the site's root |
| `data-runner-prefetch` | when to load Python before the first Run: `idle`, `intent` or `none` |
| `data-runner-code` | browser only: the code the editor opens on (see `editor_code`) |

The page's script (`assets/runner/runner.js`) puts a Run button on `browser` blocks.
A `local` block gets its help at build time, with no script: a "runs locally" badge in
the page's language, the command to type in the snippet's folder and download links
for its files, above the code; the recorded output is on the page under it already.

`extra.runner.prefetch` in mkdocs.yml chooses when readers' browsers load Python before
their first Run: `idle` (the default: once the page has settled, unless the browser
asks to save data, and as soon as a pointer or the keyboard focus reaches a Run
button), `intent` (only the latter) or `none` (on the first Run). A reader can
override it with `localStorage["asyncdocs.runner.prefetch"]`.

[on_post_build][asyncdocs.runner_hooks.on_post_build] copies the snippets' files into
the shared folder (for the runner and the download links) and `shim.py` next to
`engine.mjs` (MkDocs does not copy `.py` files from the theme folder).
"""

from __future__ import annotations

import html
import io
import json
import logging
import re
import tokenize
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from asyncdocs import backends, imports, manifest, timelines
from asyncdocs.mkdocs_hooks import copy_if_changed, shared_dir, shared_url
from asyncdocs.site import ROOT

log = logging.getLogger("mkdocs.hooks.asyncdocs.runner")

RUNNER_ASSETS = ROOT / "docs/overrides/assets/runner"
"""The runner's browser files in the theme folder (engine.mjs, shim.py, runner.js…)."""

PREFETCH = ("idle", "intent", "none")
"""The values of `extra.runner.prefetch`; the first is the default."""

TIMELINE_MODULE = ROOT / "src/asynctimeline.py"
"""The task recorder: the runner loads it into Pyodide, readers download it."""

NOT_COPIED = {".out", ".pyc"}
"""Suffixes of snippet-folder files that are not copied into the site (records, caches)."""

LOCAL_TEXT = {
    "en": {
        "badge": "runs locally",
        "why": "It needs {needs}, which a browser cannot provide.",
        "why_other": "The Python in your browser cannot run it as it is meant to run.",
        "command": "In the sample's folder, run:",
        "install": "Install first:",
        "services": "First start, in another terminal:",
        "clients": "Then, in another terminal:",
        "signals": "Then stop it: {how}.",
        "signal_names": {
            "SIGINT": "press Ctrl+C",
            "SIGTERM": "<code>kill -TERM &lt;pid&gt;</code>",
        },
        "times": " ({n} times)",
        "backend": "It needs {what}: by default {default}; "
        "set <code>{variable}</code> to use another.",
        "backends": {"redis": "a Redis server", "postgresql": "a PostgreSQL server"},
        "version": "Needs Python {version} or newer",
        "download": "Download:",
        "output": "The output below is what it printed on CPython.",
        "sep": ", ",
        "needs": {
            "threads": "threads",
            "processes": "processes",
            "subprocess": "other programs",
            "network": "network connections",
            "signals": "OS signals",
            "stdin": "standard input",
            "packages": "packages the Python in your browser does not have",
        },
    },
    "zh": {
        "badge": "需在本地运行",
        "why": "它需要{needs}，浏览器无法提供。",
        "why_other": "浏览器里的 Python 无法按它的本意运行它。",
        "command": "在示例所在的文件夹中运行：",
        "install": "先安装：",
        "services": "先在另一个终端中启动：",
        "clients": "然后在另一个终端中运行：",
        "signals": "最后停止它：{how}。",
        "signal_names": {"SIGINT": "按 Ctrl+C", "SIGTERM": "<code>kill -TERM &lt;pid&gt;</code>"},
        "times": "（{n} 次）",
        "backend": "它需要{what}：默认连接 {default}；"
        "设置 <code>{variable}</code> 可改用别的服务器。",
        "backends": {"redis": "一个 Redis 服务器", "postgresql": "一个 PostgreSQL 服务器"},
        "version": "需要 Python {version} 或更新版本",
        "download": "下载：",
        "output": "下面的输出是它在 CPython 上运行时打印的内容。",
        "sep": "、",
        "needs": {
            "threads": "线程",
            "processes": "多进程",
            "subprocess": "启动其他程序",
            "network": "网络连接",
            "signals": "操作系统信号",
            "stdin": "标准输入",
            "packages": "浏览器里的 Python 没有的第三方包",
        },
    },
}
"""What a local-only block says, per page language (English for any other)."""

_BLOCK = re.compile(
    r'<div class="(?P<cls>[^"]*\bhighlight\b[^"]*)">'
    r'(?P<bar><span class="filename">snippets/(?P<rel>[^<"]+?\.py)</span>)'
)
_MARKER = re.compile(r"#\s*\(\d+\)!?\s*$")  # a comment that is only an annotation marker
_MARKER_IN_COMMENT = re.compile(r"\s*\(\d+\)!?(?=\s*$)")  # "# text (1)" keeps "# text"
_SECTION = re.compile(r"^\s*#\s*-{2}8<-{2}\s*\[(start|end):[\w-]+\]\s*$")


def editor_code(source: str) -> str:
    """The code the editor opens on: the file without what the page hides.

    Code annotation markers (`# (1)!`, also at the end of a longer comment) and the
    section lines of partial includes (`# --8<-- [start:name]`) are removed; every
    other line stays where it is, so tracebacks name the lines the editor numbers.
    Comments are found with `tokenize`, so a `#` inside a string is left alone; a file
    `tokenize` rejects (an unclosed bracket, on purpose) falls back to a line match.
    """
    lines = source.splitlines(keepends=True)
    try:
        comments = [
            (t.start, t.end[1], t.string)
            for t in tokenize.generate_tokens(io.StringIO(source).readline)
            if t.type == tokenize.COMMENT
        ]
    except (tokenize.TokenError, SyntaxError):
        comments = [
            ((row, m.start()), len(line.rstrip("\n")), m[0])
            for row, line in enumerate(lines, start=1)
            if (m := _MARKER.search(line.rstrip("\n")))
        ]
    for (row, col), end, text in reversed(comments):
        line = lines[row - 1]
        if _MARKER.fullmatch(text):
            kept = line[:col].rstrip()
        elif (trimmed := _MARKER_IN_COMMENT.sub("", text)) != text:
            kept = line[:col] + trimmed
        else:
            continue
        lines[row - 1] = kept + line[end:]
    return "".join(line for line in lines if not _SECTION.match(line))


def _language(config: MkDocsConfig) -> str:
    return config.theme["language"]


def _prefetch(config: MkDocsConfig) -> str:
    value = (config.extra.get("runner") or {}).get("prefetch", PREFETCH[0])
    if value not in PREFETCH:
        log.warning("extra.runner.prefetch is %r; use one of %s", value, ", ".join(PREFETCH))
        return PREFETCH[0]
    return value


def _snippets_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / "snippets"


def _to_root(page_url: str) -> str:
    """The relative URL from a page to its site's root, e.g. `../../`."""
    folder, _, last = page_url.rpartition("/")
    if "." not in last:
        folder = page_url
    return "../" * len([part for part in folder.split("/") if part])


def _other_files(snippet: manifest.Snippet) -> list[str]:
    """The other files of the snippet's folder, except the manifest and the records."""
    return sorted(
        p.name
        for p in snippet.path.parent.iterdir()
        if p.is_file()
        and p != snippet.path
        and p.name != manifest.MANIFEST_NAME
        and p.suffix not in NOT_COPIED
    )


def companions(snippet: manifest.Snippet, folder: list[manifest.Snippet]) -> list[str]:
    """The other files of a snippet's folder it may need beside it: data files and the
    modules other samples import (`run = false`), not other samples or records."""
    samples = {s.path.name for s in folder if s.run}
    return [name for name in _other_files(snippet) if name not in samples]


def files_to_download(snippet: manifest.Snippet) -> list[str]:
    """The companions a reader running `snippet` by hand needs: its services and clients,
    the sibling modules they import, and the files their code names (a data file, a
    program it starts), followed until nothing new turns up.

    A folder often holds several case studies; the download list of one leaves out the
    others' files."""
    folder = snippet.path.parent
    files = _other_files(snippet)
    wanted = {snippet.path.name, *snippet.services, *snippet.clients}
    read: set[str] = set()
    while todo := {n for n in wanted - read if n.endswith(".py")}:
        for name in todo:
            read.add(name)
            wanted.update(f"{m}.py" for m in imports.imported_siblings(folder / name))
            code = (folder / name).read_text(encoding="utf-8")
            wanted.update(f for f in files if f in code)
    return [f for f in files if f in wanted]


def local_help(snippet: manifest.Snippet, files: list[str], base: str, lang: str) -> str:
    """The HTML a local-only block gets: badge and why, commands, downloads.

    `base` is the URL of the snippet's folder in the site, relative to the page.
    """
    text = LOCAL_TEXT.get(lang, LOCAL_TEXT["en"])
    e = html.escape
    if snippet.needs:
        needs = text["sep"].join(text["needs"].get(n, n) for n in snippet.needs)
        why = text["why"].format(needs=needs)
    else:
        why = text["why_other"]
    lines = [("head", f'<span class="runner-badge">{e(text["badge"])}</span> {e(why)}')]
    for name in snippet.backends:
        backend = backends.BACKENDS[name]
        note = text["backend"].format(
            what=e(text["backends"].get(name, name)),
            default=f"<code>{e(backend.default)}</code>",
            variable=e(backend.variable),
        )
        lines.append(("backend", note))
    pins = sorted(
        {pin for name in (snippet.path.name, *snippet.services, *snippet.clients)
         for pin in imports.requirements(snippet.path.parent / name)},
        key=str.lower,
    )  # fmt: skip
    if pins:
        lines.append(("command", _label(text["install"], "pip install " + " ".join(pins))))
    lines += [
        ("command", _label(text["services"], f"python {_shell_quote(service)}"))
        for service in snippet.services
    ]
    if snippet.run:
        command = " ".join(_shell_quote(word) for word in snippet.command)
        lines.append(("command", _label(text["command"], command)))
    lines += [
        ("command", _label(text["clients"], f"python {_shell_quote(client)}"))
        for client in snippet.clients
    ]
    if snippet.signals:
        how = []
        for name in dict.fromkeys(snippet.signals):
            action = text["signal_names"].get(name, f"<code>kill -{name[3:]} &lt;pid&gt;</code>")
            count = snippet.signals.count(name)
            how.append(action + (text["times"].format(n=count) if count > 1 else ""))
        lines.append(("command", text["signals"].format(how=text["sep"].join(how))))
    links = " ".join(
        f'<a href="{e(base + name)}" download>{e(name)}</a>' for name in [snippet.path.name, *files]
    )
    lines.append(("download", f"{e(text['download'])} {links}"))
    if snippet.run and snippet.output_path.exists():
        lines.append(("output", e(text["output"])))
    body = "".join(f'<p class="runner-local__{kind}">{inner}</p>' for kind, inner in lines)
    return f'<div class="runner-local">{body}</div>'


def _label(label: str, command: str) -> str:
    """A label and a command; no space after a full-width colon (Chinese style)."""
    space = "" if label.endswith("：") else " "
    return f"{html.escape(label)}{space}<code>{html.escape(command)}</code>"


def _shell_quote(word: str) -> str:
    if word and re.fullmatch(r"[\w@%+=:,./-]+", word):
        return word
    return "'" + word.replace("'", "'\"'\"'") + "'"


def runner_attributes(
    *,
    path: str,
    code: str | None,
    shared: str,
    prefetch: str,
    args=(),
    python: str = ".".join(map(str, manifest.MINIMUM_PYTHON)),
    needs=(),
    files=(),
    **more: str,
) -> str:
    """A block's `data-runner-*` attributes (see the module's docstring), written out:
    a browser block when it has `code` for the editor, else a local one; `more` adds
    other attributes, each underscore in a name written as a hyphen (`data_exercise`
    becomes the attribute `data-exercise`)."""
    attrs = {
        "data-runner": "browser" if code is not None else "local",
        "data-runner-path": path,
        "data-runner-args": json.dumps(list(args)),
        "data-runner-python": python,
        "data-runner-needs": " ".join(needs),
        "data-runner-files": json.dumps(list(files)),
        "data-runner-shared": shared,
        "data-runner-prefetch": prefetch,
    }
    if code is not None:
        attrs["data-runner-code"] = code
    attrs.update((k.replace("_", "-"), v) for k, v in more.items())
    return "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in attrs.items())


def annotate(
    content: str,
    snippets: dict[str, manifest.Snippet],
    *,
    to_root: str,
    shared: str,
    lang: str,
    prefetch: str = PREFETCH[0],
) -> tuple[str, list[str]]:
    """Mark a page's snippet blocks (see the module's docstring).

    `snippets` maps `rel` to snippet; `to_root` is the relative URL from the page to
    the site's root and `shared` that from the root to the shared folder. Returns the
    new HTML and the titles that name no snippet.
    """
    unknown: list[str] = []
    by_folder: dict[Path, list[manifest.Snippet]] = {}
    services: dict[Path, set[str]] = {}
    for s in snippets.values():
        by_folder.setdefault(s.path.parent, []).append(s)
        services.setdefault(s.path.parent, set()).update(s.services, s.clients)

    helped: set[str] = set()

    def mark(m: re.Match) -> str:
        snippet = snippets.get(html.unescape(m["rel"]))
        if snippet is None:
            unknown.append(html.unescape(m["rel"]))
            return m[0]
        if not snippet.run and snippet.path.name not in services.get(snippet.path.parent, ()):
            return m[0]  # a module other samples import: nothing to run
        files = companions(snippet, by_folder[snippet.path.parent])
        written = runner_attributes(
            path=snippet.rel,
            code=editor_code(snippet.path.read_text(encoding="utf-8")) if snippet.browser else None,
            shared=shared,
            prefetch=prefetch,
            args=snippet.args,
            python=snippet.python,
            needs=snippet.needs,
            files=files,
        )
        bar = m["bar"]
        if snippet.python_tuple() > manifest.MINIMUM_PYTHON:
            text = LOCAL_TEXT.get(lang, LOCAL_TEXT["en"])
            label = html.escape(text["version"].format(version=snippet.python), quote=True)
            version = (
                f'<span class="runner-version" title="{label}">Python {snippet.python}+</span>'
            )
            bar = bar.removesuffix("</span>") + version + "</span>"
        head = f'<div class="{m["cls"]}"{written}>{bar}'
        if snippet.browser:
            return head
        if snippet.rel in helped:
            return head  # a sample shown in parts says how to run it once
        helped.add(snippet.rel)
        folder = snippet.path.parent.relative_to(snippet.root).as_posix()
        base = f"{to_root}{shared}snippets/{folder}/"
        return head + local_help(snippet, files_to_download(snippet), base, lang)

    return _BLOCK.sub(mark, content), unknown


_snippets: dict[str, manifest.Snippet] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    """Read every `snippets.toml` once per build."""
    _snippets.clear()
    _snippets.update((s.rel, s) for s in manifest.load_all(_snippets_root(config)))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Mark the page's snippet blocks for the runner; warn about a title naming no snippet."""
    marked, unknown = annotate(
        html,
        _snippets,
        to_root=_to_root(page.url),
        shared=shared_url(config),
        lang=_language(config),
        prefetch=_prefetch(config),
    )
    for rel in unknown:
        log.warning(
            "%s: a code block is titled snippets/%s, but snippets/ has no such file",
            page.file.src_uri,
            rel,
        )
    return timelines.MARKER.sub(lambda m: _timeline(m["rel"], page, config), marked)


def _timeline(rel: str, page: Page, config: MkDocsConfig) -> str:
    """A page's `<!-- timeline: x.py -->` marker: the snippet's recorded timeline."""
    snippet = _snippets.get(rel)
    if snippet is None or not snippet.timeline or not snippet.timeline_path.exists():
        log.warning(
            "%s: asks for the timeline of snippets/%s, which has none: set `timeline = true` "
            "in its snippets.toml and run `python -m asyncdocs record %s`",
            page.file.src_uri,
            rel,
            rel,
        )
        return ""
    return timelines.figure(snippet, _language(config))


def on_post_build(config: MkDocsConfig) -> None:
    """Copy the snippets' files into the shared folder, and shim.py and asynctimeline.py
    beside engine.mjs."""
    assets = Path(config.site_dir) / "assets/runner"
    copy_if_changed(RUNNER_ASSETS / "shim.py", assets / "shim.py")
    copy_if_changed(TIMELINE_MODULE, assets / "asynctimeline.py")
    root = _snippets_root(config)
    target = shared_dir(config) / "snippets"
    for snippet_file in sorted(root.rglob("*")):
        if (
            snippet_file.is_file()
            and snippet_file.suffix not in NOT_COPIED
            and snippet_file.name != manifest.MANIFEST_NAME
            and "__pycache__" not in snippet_file.parts
        ):
            copy_if_changed(snippet_file, target / snippet_file.relative_to(root))
