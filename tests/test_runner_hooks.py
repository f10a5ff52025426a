"""The runner's build step: which blocks get a Run button, and what local-only ones say.

A throwaway snippet folder (in tmp_path) stands for samples that need threads or the
network: unit tests of `asyncdocs.runner_hooks`, then one real build of the English site
from a scratch copy of the tree with such a sample on a page.
"""

from __future__ import annotations

import html
import json
import re
import shutil

import pytest
from conftest import ROOT, copy_tree_for_build, scratch_build

from asyncdocs import manifest
from asyncdocs.runner_hooks import _to_root, annotate, editor_code

BLOCK = (
    '<div class="language-python highlight"><span class="filename">snippets/{rel}</span>'
    "<pre><code>…</code></pre></div>"
)


@pytest.fixture
def samples(tmp_path) -> dict[str, manifest.Snippet]:
    """A folder with a browser sample, a local-only one with a data file, and a module."""
    root = tmp_path / "snippets"
    folder = root / "demo"
    folder.mkdir(parents=True)
    (folder / "hello.py").write_text('print("hi")  # (1)!\n', encoding="utf-8")
    (folder / "fetch.py").write_text('import helper\nprint(open("urls.txt").read())\n')
    (folder / "fetch.out").write_text("https://example.org\n")
    (folder / "helper.py").write_text("X = 1\n")
    (folder / "urls.txt").write_text("https://example.org\n")
    (folder / "snippets.toml").write_text(
        '["hello.py"]\nbrowser = true\n\n'
        '["fetch.py"]\nbrowser = false\nneeds = ["threads", "network"]\n'
        'args = ["urls.txt", "two words"]\n\n'
        '["helper.py"]\nbrowser = false\nrun = false\n'
    )
    return {s.rel: s for s in manifest.load_all(root)}


def attributes(page: str, rel: str) -> dict[str, str]:
    m = re.search(
        rf'<div class="[^"]*highlight"([^>]*data-runner-path="{re.escape(rel)}"[^>]*)>', page
    )
    assert m, f"no marked block for {rel}"
    return {k: html.unescape(v) for k, v in re.findall(r'(data-runner[\w-]*)="([^"]*)"', m[1])}


def test_browser_block_gets_what_the_runner_needs(samples):
    page, unknown = annotate(
        BLOCK.format(rel="demo/hello.py"),
        samples,
        to_root="../../",
        shared="../shared/",
        lang="en",
    )
    assert unknown == []
    attrs = attributes(page, "demo/hello.py")
    assert attrs["data-runner"] == "browser"
    assert attrs["data-runner-code"] == 'print("hi")\n', "annotation marker stripped"
    assert json.loads(attrs["data-runner-files"]) == ["helper.py", "urls.txt"]
    assert attrs["data-runner-shared"] == "../shared/"
    assert attrs["data-runner-prefetch"] == "idle"
    assert "runner-local" not in page


@pytest.mark.parametrize(
    ("lang", "badge", "why"),
    [
        ("en", "runs locally", "It needs threads, network connections"),
        ("zh", "需在本地运行", "它需要线程、网络连接"),
    ],
)
def test_local_only_block_says_how_to_run_it(samples, lang, badge, why):
    page, _ = annotate(
        BLOCK.format(rel="demo/fetch.py"),
        samples,
        to_root="../../",
        shared="../shared/",
        lang=lang,
    )
    attrs = attributes(page, "demo/fetch.py")
    assert attrs["data-runner"] == "local"
    assert attrs["data-runner-needs"] == "threads network"
    assert "data-runner-code" not in attrs
    help_html = re.search(r'<div class="runner-local">.*?</div>', page)[0]
    text = html.unescape(re.sub(r"<[^>]+>", "", help_html))
    assert badge in text and why in text
    assert "python fetch.py urls.txt 'two words'" in text, "the exact command, shell-quoted"
    links = re.findall(r'<a href="([^"]+)" download>', help_html)
    assert links == [
        "../../../shared/snippets/demo/fetch.py",
        "../../../shared/snippets/demo/helper.py",
        "../../../shared/snippets/demo/urls.txt",
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "It needs a Redis server: by default redis://localhost:6379/0; "
                "set REDIS_URL to use another.",
                "In the sample's folder, run: python server.py",
                "Then, in another terminal: python client.py",
                "Then stop it: press Ctrl+C (2 times), kill -TERM <pid>.",
            ],
        ),
        (
            "zh",
            [
                "它需要一个 Redis 服务器：默认连接 redis://localhost:6379/0；"
                "设置 REDIS_URL 可改用别的服务器。",
                "然后在另一个终端中运行：python client.py",
                "最后停止它：按 Ctrl+C（2 次）、kill -TERM <pid>。",
            ],
        ),
    ],
)
def test_server_block_says_what_to_start_and_how_to_stop_it(tmp_path, lang, expected):
    folder = tmp_path / "snippets" / "srv"
    folder.mkdir(parents=True)
    for name in ("server.py", "client.py"):
        (folder / name).write_text("print(1)\n")
    (folder / "snippets.toml").write_text(
        '["server.py"]\nbrowser = false\nneeds = ["network", "signals"]\n'
        'clients = ["client.py"]\nsignals = ["SIGINT", "SIGINT", "SIGTERM"]\n'
        'backends = ["redis"]\n\n'
        '["client.py"]\nbrowser = false\nneeds = ["network"]\nrun = false\n'
    )
    samples = {s.rel: s for s in manifest.load_all(tmp_path / "snippets")}
    page, _ = annotate(
        BLOCK.format(rel="srv/server.py") + BLOCK.format(rel="srv/client.py"),
        samples,
        to_root="",
        shared="shared/",
        lang=lang,
    )
    paragraphs = re.findall(r"<p [^>]*>(.*?)</p>", page.split("srv/client.py")[0])
    texts = [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in paragraphs]
    for line in expected:
        assert line in texts
    assert attributes(page, "srv/client.py")["data-runner"] == "local", "a client is runnable"


@pytest.mark.parametrize(
    ("lang", "title"), [("en", "Needs Python 3.13"), ("zh", "需要 Python 3.13")]
)
def test_newer_python_is_shown_in_the_filename_bar(tmp_path, lang, title):
    folder = tmp_path / "snippets" / "new"
    folder.mkdir(parents=True)
    (folder / "shut.py").write_text("print(1)\n")
    (folder / "snippets.toml").write_text('["shut.py"]\nbrowser = true\npython = "3.13"\n')
    samples = {s.rel: s for s in manifest.load_all(tmp_path / "snippets")}
    page, _ = annotate(BLOCK.format(rel="new/shut.py"), samples, to_root="", shared="s/", lang=lang)
    bar = re.search(r'<span class="filename">(.*?)</span></span>', page)[1]
    assert bar.startswith('snippets/new/shut.py<span class="runner-version"')
    assert f'title="{title}' in bar and bar.endswith(">Python 3.13+")


def test_module_and_unknown_titles(samples):
    page = BLOCK.format(rel="demo/helper.py") + BLOCK.format(rel="demo/missing.py")
    marked, unknown = annotate(page, samples, to_root="", shared="shared/", lang="en")
    assert marked == page, "a module other samples import gets no controls"
    assert unknown == ["demo/missing.py"]


def test_editor_code_drops_what_the_page_hides():
    source = (
        "# --8<-- [start:main]\n"
        "import asyncio  # (1)!\n"
        'print("# (2)!")  # keep this (3)!\n'
        "x = 1  # (4)\n"
        "# --8<-- [end:main]\n"
    )
    assert editor_code(source) == ('import asyncio\nprint("# (2)!")  # keep this\nx = 1\n')
    broken = "print((1,  # (1)!\n"  # tokenize gives up: the line match still works
    assert editor_code(broken) == "print((1,\n"


@pytest.mark.parametrize(
    ("url", "prefix"),
    [("", ""), ("tutorial/async-await/", "../../"), ("a/b.html", "../"), ("index.html", "")],
)
def test_relative_way_to_the_site_root(url, prefix):
    assert _to_root(url) == prefix


def test_build_marks_local_only_sample_and_ships_its_files(tmp_path):
    """A real strict build of the English site with a local-only sample on a page."""
    tree = copy_tree_for_build(tmp_path / "tree")
    (tree / "snippets").unlink()
    shutil.copytree(ROOT / "snippets", tree / "snippets")
    folder = tree / "snippets/throwaway"
    folder.mkdir()
    (folder / "pool.py").write_text("import threading\n\nthreading.Thread(target=print).start()\n")
    (folder / "pool.out").write_text("\n")
    (folder / "snippets.toml").write_text('["pool.py"]\nbrowser = false\nneeds = ["threads"]\n')
    page = tree / "docs/en/preface.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + '\n```python title="snippets/throwaway/pool.py"\n--8<-- "throwaway/pool.py"\n```\n',
        encoding="utf-8",
    )
    proc = scratch_build(tree)
    assert proc.returncode == 0, proc.stderr
    out = tree / "out"
    built = (out / "preface/index.html").read_text(encoding="utf-8")
    assert attributes(built, "throwaway/pool.py")["data-runner"] == "local"
    assert "python pool.py" in built
    download = re.search(r'<a href="([^"]+pool\.py)" download>', built)[1]
    assert download == "../shared/snippets/throwaway/pool.py"
    assert (out / "preface" / download).resolve().read_text() == (folder / "pool.py").read_text()
    assert not (out / "shared/snippets/throwaway/pool.out").exists(), "records stay out"
    # Served alone, the site carries its own Pyodide and the runner's files.
    assert (out / "shared/pyodide/pyodide.asm.wasm").stat().st_size > 1_000_000
    for name in (
        "runner.js",
        "worker.mjs",
        "engine.mjs",
        "shim.py",
        "asynctimeline.py",
        "runner.css",
    ):
        assert (out / "assets/runner" / name).is_file(), name


def test_a_local_sample_shown_in_parts_says_how_to_run_it_once(samples):
    page = BLOCK.format(rel="demo/fetch.py") * 3
    marked, _ = annotate(page, samples, to_root="", shared="shared/", lang="en")
    assert marked.count('data-runner="local"') == 3
    assert marked.count('class="runner-local"') == 1


def test_a_local_block_says_which_packages_to_install(tmp_path):
    import importlib.metadata

    folder = tmp_path / "snippets" / "pkg"
    folder.mkdir(parents=True)
    (folder / "app.py").write_text("import asyncio, json\nimport aiohttp.web\nimport helper\n")
    (folder / "helper.py").write_text("from redis import asyncio as redis\nimport app\n")
    (folder / "snippets.toml").write_text(
        '["app.py"]\nbrowser = false\nneeds = ["network"]\n\n'
        '["helper.py"]\nbrowser = false\nneeds = ["packages"]\nrun = false\n'
    )
    samples = {s.rel: s for s in manifest.load_all(tmp_path / "snippets")}
    page, _ = annotate(
        BLOCK.format(rel="pkg/app.py"), samples, to_root="", shared="shared/", lang="zh"
    )
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    versions = {d: importlib.metadata.version(d) for d in ("aiohttp", "redis")}
    assert f"先安装：pip install aiohttp=={versions['aiohttp']} redis=={versions['redis']}" in text
    assert "json" not in text and "helper==" not in text


def test_downloads_hold_what_a_local_sample_needs_and_no_other_case_study(tmp_path):
    from asyncdocs.runner_hooks import files_to_download

    folder = tmp_path / "snippets" / "two"
    folder.mkdir(parents=True)
    files = {
        "api.py": "import db\nprint(1)\n",  # imports a sibling that is itself a sample
        "db.py": "SQL = open('schema.sql').read()\n",  # names a data file
        "schema.sql": "select 1;\n",
        "client.py": "print(2)\n",
        "demo.py": "import subprocess\nsubprocess.run(['python', 'worker.py'])\n",
        "worker.py": "open('page.html')\n",
        "page.html": "<p>\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text)
    (folder / "snippets.toml").write_text(
        '["api.py"]\nbrowser = false\nneeds = ["network"]\nclients = ["client.py"]\n\n'
        '["db.py"]\nbrowser = false\nneeds = ["network"]\n\n'
        '["client.py"]\nbrowser = false\nneeds = ["network"]\nrun = false\n\n'
        '["demo.py"]\nbrowser = false\nneeds = ["subprocess"]\n\n'
        '["worker.py"]\nbrowser = false\nneeds = ["subprocess"]\nrun = false\n'
    )
    samples = {s.path.name: s for s in manifest.load_all(tmp_path / "snippets")}
    assert files_to_download(samples["api.py"]) == ["client.py", "db.py", "schema.sql"]
    assert files_to_download(samples["demo.py"]) == ["page.html", "worker.py"]
