"""Build every language's site into one folder, and serve it.

Each language is a separate MkDocs site (`mkdocs.yml` for English, `mkdocs.<lang>.yml`
for the others), built into `site/<lang>/`. The folder's root gets a small page that
sends readers to the language their browser prefers. What all languages use alike —
the in-page runner's Python (Pyodide) and the snippets' files — is copied once into
`site/shared/` (see [asyncdocs.mkdocs_hooks][]). Last, the service worker and its file
list are written at the root ([asyncdocs.offline][]).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
from pathlib import Path

from asyncdocs import offline
from asyncdocs.mkdocs_hooks import SHARED_DIR_ENV

ROOT = Path(__file__).resolve().parents[2]

CHROMIUM = "/usr/bin/chromium"
"""Debian's Chromium, which the browser tests and benchmarks drive with Playwright."""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",  # the machine's closed network refuses it anyway
    "--disable-component-update",
    "--disable-sync",
]
"""Flags for headless runs as root on a machine with no outside network."""

LANGUAGES = {"en": "mkdocs.yml", "zh": "mkdocs.zh.yml"}
"""Language code → MkDocs config file. English is the source language and comes first."""

SHARED = "shared"
"""The folder beside the languages' sites that they share (`site/shared/`)."""

ROOT_PAGE = """<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>asyncio, explained and run · asyncio 详解与实战</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="en/assets/favicon.svg">
<script>
  const zh = (navigator.languages || [navigator.language]).some((l) => /^zh\\b/i.test(l));
  location.replace(zh ? "zh/" : "en/");
</script>
<p><a href="en/" hreflang="en">English</a> · <a href="zh/" hreflang="zh">中文</a></p>
</html>
"""


def build(site_dir: Path, site_url: str = "http://127.0.0.1:8000/", strict: bool = True) -> None:
    """Build all languages into `site_dir/<lang>/` (and what they share into
    `site_dir/shared/`) for a site served at `site_url`.

    The languages build at the same time, one process each; the files they share are
    written by whichever gets there first (atomically, see `copy_if_changed`)."""
    site_dir.mkdir(parents=True, exist_ok=True)
    shared = site_dir / SHARED
    shutil.rmtree(shared, ignore_errors=True)  # nothing stale
    env = dict(
        os.environ,
        SITE_URL=f"{site_url}en/",
        SITE_URL_ZH=f"{site_url}zh/",
        NO_MKDOCS_2_WARNING="1",
    )
    env[SHARED_DIR_ENV] = str(shared.resolve())
    builds = []
    for lang, config in LANGUAGES.items():
        cmd = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            config,
            "-d",
            str(site_dir / lang),
        ]
        if strict:
            cmd.append("--strict")
        builds.append((cmd, subprocess.Popen(cmd, cwd=ROOT, env=env)))
    for cmd, proc in builds:
        if proc.wait():
            for _, other in builds:
                other.kill()
            raise subprocess.CalledProcessError(proc.returncode, cmd)
    (site_dir / "index.html").write_text(ROOT_PAGE, encoding="utf-8")
    offline.finish(site_dir, list(LANGUAGES))


def serve(site_dir: Path, port: int) -> None:
    """Serve a built site on 127.0.0.1 until interrupted."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site_dir))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"Serving {site_dir} at http://127.0.0.1:{port}/  (Ctrl-C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
