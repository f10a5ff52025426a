"""MkDocs hooks shared by every language's site (listed under `hooks:` in mkdocs.yml).

* **Language links** — `extra.alternate` links are written as `/en/`, `/zh/`; they are
  re-rooted under the path of `site_url`, so the site also works from a sub-path
  such as `https://example.github.io/asyncio-docs/zh/`.
* **Untranslated pages** — a page that exists in `docs/en` but not yet in this
  language is built from the English file under a "not yet translated" banner, so a
  missing translation is never a 404. The page must be listed in
  `extra.untranslated`; the build fails (strict mode) when that list is out of date.
* **Self-hosted browser assets** — files from `node_modules` (Mermaid) are copied
  into the built site, so nothing is loaded from a CDN.
* **Shared folder** — the Pyodide runtime of the in-page runner (15.1 MB) is copied
  once into a folder all languages share, `site/shared/`, next to `site/en/` and
  `site/zh/`; `python -m asyncdocs build` says where through the environment variable
  `ASYNCDOCS_SHARED_DIR`. A site built or served alone (`mkdocs serve -f mkdocs.yml`)
  has its own, `shared/` inside it.
"""

from __future__ import annotations

import logging
import os
import posixpath
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from asyncdocs.stdlib import compiled_stdlib

log = logging.getLogger("mkdocs.hooks.asyncdocs")

ROOT = Path(__file__).resolve().parents[2]
FALLBACK_LANGUAGE = "en"

VENDOR_FILES = {
    "mermaid/dist/mermaid.min.js": "assets/vendor/mermaid.min.js",
}
"""node_modules file → where it goes in the built site."""

SHARED_FILES = {
    f"pyodide/{name}": f"pyodide/{name}"
    for name in (
        "pyodide.mjs",
        "pyodide.asm.mjs",
        "pyodide.asm.wasm",
        "python_stdlib.zip",
        "pyodide-lock.json",
    )
}
"""node_modules file → where it goes in the shared folder: the five files of Pyodide
that the runner's worker fetches (no packages: the samples use the standard library).
`python_stdlib.zip` is served compiled: see `asyncdocs.stdlib`."""

SHARED_DIR_ENV = "ASYNCDOCS_SHARED_DIR"
"""Environment variable naming the shared folder; unset, it is `shared/` in the site."""

BANNERS = {
    "zh": (
        '!!! warning "本页尚未翻译"\n'
        "    下面是英文原文。欢迎参与翻译：做法见[贡献指南]({guide})。\n\n"
    ),
}


def _language(config: MkDocsConfig) -> str:
    return config.theme["language"]


def _fallback_dir(config: MkDocsConfig) -> Path:
    return Path(config.docs_dir).parent / FALLBACK_LANGUAGE


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Re-root the language switcher's links under the site's own base path."""
    lang = _language(config)
    base = urlsplit(config.site_url or "/").path
    root = base[: -len(f"{lang}/")] if base.endswith(f"/{lang}/") else "/"
    for alt in config.extra.get("alternate", []):
        alt["link"] = root + alt["link"].lstrip("/")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the English page for every page this language does not have yet."""
    lang = _language(config)
    if lang == FALLBACK_LANGUAGE:
        return files
    fallback_dir = _fallback_dir(config)
    have = {f.src_uri for f in files}
    missing = sorted(
        p.relative_to(fallback_dir).as_posix()
        for p in fallback_dir.rglob("*.md")
        if p.relative_to(fallback_dir).as_posix() not in have
    )
    declared = sorted(config.extra.get("untranslated", []))
    if missing != declared:
        log.warning(
            "pages missing in docs/%s: %s, but extra.untranslated lists %s. Translate the "
            "page, or list it in extra.untranslated so it is shown in English with a banner.",
            lang,
            missing,
            declared,
        )
    for uri in missing:
        files.append(File(uri, str(fallback_dir), config.site_dir, config.use_directory_urls))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the "not yet translated" banner on pages built from the English file."""
    lang = _language(config)
    if lang == FALLBACK_LANGUAGE or not page.file.abs_src_path:
        return markdown
    if Path(page.file.abs_src_path).is_relative_to(_fallback_dir(config)):
        here = posixpath.dirname(page.file.src_uri)
        guide = posixpath.relpath("contributing/index.md", here or ".")
        return BANNERS[lang].format(guide=guide) + markdown
    return markdown


def shared_dir(config: MkDocsConfig) -> Path:
    """The folder that holds what every language's site uses (see the module's docstring)."""
    named = os.environ.get(SHARED_DIR_ENV)
    return Path(named) if named else Path(config.site_dir) / "shared"


def shared_url(config: MkDocsConfig) -> str:
    """The shared folder's URL relative to the site's root, e.g. `../shared/`."""
    relative = os.path.relpath(shared_dir(config).resolve(), Path(config.site_dir).resolve())
    return Path(relative).as_posix().rstrip("/") + "/"


def copy_if_changed(src: Path, dest: Path) -> None:
    """Copy a file with its modification time, unless `dest` is a copy already (same size
    and time): the second language, or the next rebuild under `mkdocs serve`, skips it."""
    there = dest.stat() if dest.exists() else None
    mine = src.stat()
    if there and there.st_size == mine.st_size and there.st_mtime_ns == mine.st_mtime_ns:
        return
    dest.parent.mkdir(parents=True, exist_ok=True)
    # Copy beside it, then rename: the languages build at the same time (`site.build`),
    # and neither may ever see the other's half-written file.
    partial = dest.with_name(f".{dest.name}.{os.getpid()}.partial")
    shutil.copy2(src, partial)
    os.replace(partial, dest)


def on_post_build(config: MkDocsConfig) -> None:
    """Copy the self-hosted browser assets from node_modules into the site, and the
    runner's runtime into the shared folder."""
    modules = ROOT / "node_modules"
    shared = shared_dir(config)
    copies = [(source, Path(config.site_dir) / target) for source, target in VENDOR_FILES.items()]
    copies += [(source, shared / target) for source, target in SHARED_FILES.items()]
    for source, dest in copies:
        src = modules / source
        if not src.exists():
            raise FileNotFoundError(
                f"{src} is missing: run `npm ci` (the Makefile does it for you)"
            )
        if source == "pyodide/python_stdlib.zip":
            src = compiled_stdlib()
        copy_if_changed(src, dest)
