"""Reading and running the site offline: its service worker and what it may save.

The site has one service worker, `sw.js` at the root of the built site (beside `en/`,
`zh/` and `shared/`), so its scope covers every language and the shared runtime. It is
written after both languages are built ([finish][asyncdocs.offline.finish]):

* **`offline.json`**, the build's file list: every file of the site with a revision
  (the first 12 hex digits of its SHA-256) and its size, and the build's version (a
  hash of that list). The worker fetches it only when a reader saves a language, and
  when a new build replaces one whose files a reader has saved (to copy what did not
  change instead of downloading it again). Readers who save nothing never fetch it.
* **`sw.js`**, from the template beside this module, with the version, the languages
  and the revisions of Python's files written into it: a new build that changes any
  file changes `sw.js`, which is how browsers notice a new version. The worker copies
  Python from the browser's HTTP cache only if the copy matches its revision.
* **Workbox** (`workbox-core`, `workbox-routing`, `workbox-strategies`, pinned in
  package.json) is copied into `shared/workbox/`; `sw.js` loads it from there.

Pages carry two placeholders that `finish` fills in, both of fixed width so that no
file changes size: `<meta name="asyncdocs-build">` (the version; the worker compares it
with its own to notice a page from a newer build) and, on the page with the "Save for
offline" control, `data-offline-bytes` (the size of the language's offline copy,
stated before the reader starts). Revisions are taken before the version is written,
so a page that did not change keeps its revision from one build to the next.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = Path(__file__).with_name("sw.js")
"""The service worker's template; `finish` writes the build's constants into it."""

WORKBOX = [
    "workbox-core/build/workbox-core.prod.js",
    "workbox-routing/build/workbox-routing.prod.js",
    "workbox-strategies/build/workbox-strategies.prod.js",
]
"""Workbox's modules the worker loads, in order (node_modules → shared/workbox/)."""

MANIFEST = "offline.json"
WORKER = "sw.js"
NOT_LISTED = {MANIFEST, WORKER}
"""Files the worker never caches: itself and the file list (always from the network)."""

BUILD_PLACEHOLDER = "0" * 16
BYTES_PLACEHOLDER = "0" * 12
_META = f'<meta name="asyncdocs-build" content="{BUILD_PLACEHOLDER}">'
_BYTES = f'data-offline-bytes="{BYTES_PLACEHOLDER}"'

OFFLINE_TEXT = {
    "en": {
        "title": "You are offline",
        "body": "This page was not saved on this device, and the network cannot be reached.",
        "saved": "Pages you have opened before still open, and if you saved this site for "
        "offline reading, every page does.",
        "home": "Go to the home page",
        "how": "How to save the site for offline reading",
        "retry": "Try again",
    },
    "zh": {
        "title": "当前处于离线状态",
        "body": "这个页面没有保存在本设备上，而网络目前无法连接。",
        "saved": "之前打开过的页面仍然可以打开；如果你已把本站保存供离线阅读，所有页面都可以打开。",
        "home": "返回首页",
        "how": "如何保存本站供离线阅读",
        "retry": "重试",
    },
}
"""The offline page's words per language; `sw.js` builds the page from them."""

PYTHON_DIR = "shared/pyodide/"
"""Where the runner's Python is in the built site (the worker's `PYTHON`)."""

SAVE_PAGE = "runner.md"
"""The page that holds the "Save for offline" control (its section "Reading offline")."""


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Put the build placeholder into every page's head (MkDocs hook)."""
    return output.replace("<head>", f"<head>\n    {_META}", 1)


_FILLED_META = re.compile(r'(<meta name="asyncdocs-build" content=")[0-9a-f]{16}(">)')
_FILLED_BYTES = re.compile(r'(data-offline-bytes=")[0-9]{12}(")')


def _unfilled(text: str) -> str:
    """A page with its placeholders as the MkDocs build wrote them."""
    text = _FILLED_META.sub(lambda m: m[1] + BUILD_PLACEHOLDER + m[2], text)
    return _FILLED_BYTES.sub(lambda m: m[1] + BYTES_PLACEHOLDER + m[2], text)


def _files(site_dir: Path) -> list[Path]:
    return sorted(
        p
        for p in site_dir.rglob("*")
        if p.is_file()
        and p.relative_to(site_dir).as_posix() not in NOT_LISTED
        and not p.name.startswith(".")
    )


def pack(files: dict[str, list], lang: str) -> list[str]:
    """The files a reader's "Save for offline" stores for one language: all of its site
    and the shared folder (Python, the runner's files, the samples' files, Workbox)."""
    return [path for path in files if path.startswith((f"{lang}/", "shared/"))]


def finish(site_dir: Path, languages: list[str]) -> dict:
    """Write `offline.json` and `sw.js` for a built site, fill in the placeholders, copy
    Workbox into `shared/workbox/`. Returns the manifest."""
    workbox_dir = site_dir / "shared/workbox"
    workbox_dir.mkdir(parents=True, exist_ok=True)
    for source in WORKBOX:
        src = ROOT / "node_modules" / source
        if not src.exists():
            raise FileNotFoundError(f"{src} is missing: run `npm ci` (the Makefile does it)")
        (workbox_dir / src.name).write_bytes(src.read_bytes())

    # Revisions and sizes are those of the files with their placeholders unfilled, so
    # that `finish` can run again on a site whose files were changed after a build.
    files: dict[str, list] = {}
    pages: dict[Path, str] = {}
    for path in _files(site_dir):
        data = path.read_bytes()
        if path.suffix == ".html":
            text = _unfilled(data.decode("utf-8"))
            pages[path] = text
            data = text.encode("utf-8")
        files[path.relative_to(site_dir).as_posix()] = [
            hashlib.sha256(data).hexdigest()[:12],
            len(data),
        ]
    sizes = {lang: sum(files[p][1] for p in pack(files, lang)) for lang in languages}
    listing = json.dumps(files, sort_keys=True).encode()
    version = hashlib.sha256(listing).hexdigest()[: len(BUILD_PLACEHOLDER)]

    for path, text in pages.items():
        lang = path.relative_to(site_dir).parts[0]
        new = text.replace(_META, _META.replace(BUILD_PLACEHOLDER, version))
        if lang in sizes:
            filled = f"{sizes[lang]:0{len(BYTES_PLACEHOLDER)}d}"
            new = new.replace(_BYTES, _BYTES.replace(BYTES_PLACEHOLDER, filled))
        if new.encode("utf-8") != path.read_bytes():
            path.write_text(new, encoding="utf-8")

    manifest = {"version": version, "languages": languages, "sizes": sizes, "files": files}
    (site_dir / MANIFEST).write_text(json.dumps(manifest, separators=(",", ":")), encoding="utf-8")
    build = {
        "version": version,
        "languages": languages,
        "workbox": [f"shared/workbox/{Path(s).name}" for s in WORKBOX],
        # Python's files and their revisions: the worker copies one from the browser's
        # HTTP cache only if it is whole and of this build.
        "python": {p: rev for p, (rev, _) in files.items() if p.startswith(PYTHON_DIR)},
        "text": {lang: OFFLINE_TEXT.get(lang, OFFLINE_TEXT["en"]) for lang in languages},
        "savePage": SAVE_PAGE.removesuffix(".md") + "/#reading-offline",
    }
    worker = TEMPLATE.read_text(encoding="utf-8")
    filled = f"const BUILD = {json.dumps(build, ensure_ascii=False)};"
    worker, count = re.subn(r"const BUILD = \{\};", lambda _: filled, worker)
    if count != 1:
        raise ValueError(f"{TEMPLATE}: no `const BUILD = {{}};` line to fill in")
    (site_dir / WORKER).write_text(worker, encoding="utf-8")
    return manifest
