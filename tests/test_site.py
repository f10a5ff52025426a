"""The built site: strict builds, links, no third-party hosts, Chinese search, fallback."""

from __future__ import annotations

import html.parser
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from conftest import ROOT, copy_tree_for_build, scratch_build

from asyncdocs import pages
from asyncdocs.stdlib import compiled_stdlib

# What loads a resource (as opposed to linking to a page).
LOADING_ATTRS = {
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("audio", "src"),
    ("video", "src"),
    ("embed", "src"),
    ("object", "data"),
}
LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


class _Resources(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for t, attr in LOADING_ATTRS:
            if tag == t and a.get(attr):
                self.urls.append(a[attr])
        if tag == "link" and set((a.get("rel") or "").split()) & LOADING_RELS and a.get("href"):
            self.urls.append(a["href"])


def foreign(url: str, own_host: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) and parts.netloc != own_host


def third_party_loads(site_dir: Path, own_host: str) -> list[str]:
    found = []
    for page in site_dir.rglob("*.html"):
        parser = _Resources()
        parser.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(site_dir)}: {u}" for u in parser.urls if foreign(u, own_host)]
    for sheet in site_dir.rglob("*.css"):
        for m in CSS_URL.finditer(sheet.read_text(encoding="utf-8")):
            url = m.group(1) or m.group(2)
            if foreign(url, own_host):
                found.append(f"{sheet.relative_to(site_dir)}: {url}")
    return found


def test_both_languages_build(built_site):
    site_dir, _ = built_site
    for lang in ("en", "zh"):
        assert (site_dir / lang / "index.html").exists()
        assert (site_dir / lang / "tutorial/async-await/index.html").exists()
    assert 'lang="zh' in (site_dir / "zh/index.html").read_text(encoding="utf-8")
    # The runner's Python loads its standard library compiled (asyncdocs.stdlib).
    served = (site_dir / "shared/pyodide/python_stdlib.zip").read_bytes()
    assert served == compiled_stdlib().read_bytes()


def lychee(path: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("lychee")
    cmd = [exe, "--offline", "--include-fragments", "--no-progress", "--index-files", "index.html"]
    # Sample files offered for download (an HTML page a sample serves, with links that
    # are right for that sample's server) are not pages of the site.
    cmd += ["--exclude-path", r"/shared/snippets/"]
    return subprocess.run(
        [*cmd, "--root-dir", path, path], capture_output=True, text=True, cwd=ROOT
    )


def test_no_broken_links_or_anchors(built_site):
    site_dir, _ = built_site
    proc = lychee(site_dir)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert " 0 Errors" in proc.stdout


def test_link_check_catches_a_broken_anchor(tmp_path):
    (tmp_path / "a.html").write_text('<h1 id="top">A</h1><a href="b.html#nowhere">b</a>')
    (tmp_path / "b.html").write_text('<h1 id="here">B</h1>')
    assert lychee(tmp_path).returncode != 0


def test_nothing_loaded_from_other_hosts(built_site):
    site_dir, base = built_site
    assert third_party_loads(site_dir, urlsplit(base).netloc) == []


def test_scan_finds_a_cdn_script(tmp_path):
    (tmp_path / "p.html").write_text('<script src="https://cdn.example.org/x.js"></script>')
    (tmp_path / "s.css").write_text('@import "https://fonts.example.com/css"; a{}')
    assert len(third_party_loads(tmp_path, "127.0.0.1:8000")) == 2


def _search_tokens(site_dir: Path, lang: str) -> dict[str, set[str]]:
    """Split each indexed page's text the way the browser's search does."""
    index = json.loads((site_dir / lang / "search/search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    pages: dict[str, set[str]] = {}
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])
        page = doc["location"].split("#")[0]
        pages.setdefault(page, set()).update(t for t in separator.split(text) if t)
    return pages


def test_chinese_search_finds_the_right_page(built_site):
    site_dir, _ = built_site
    zh = _search_tokens(site_dir, "zh")
    # 异步生成器 (async generator) is only discussed on the async/await tutorial page.
    hits = sorted(page for page, tokens in zh.items() if "生成器" in tokens)
    assert "tutorial/async-await/" in hits
    assert "contributing/reference/" not in hits
    en = _search_tokens(site_dir, "en")
    assert not any("生成器" in tokens for tokens in en.values()), (
        "English pages are a separate index"
    )


def test_root_page_offers_both_languages(built_site):
    site_dir, _ = built_site
    root = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'href="en/"' in root and 'href="zh/"' in root


def test_language_switcher_links_stay_under_the_site(built_site):
    site_dir, base = built_site
    page = (site_dir / "zh/tutorial/async-await/index.html").read_text(encoding="utf-8")
    assert 'href="/en/" hreflang="en" class="md-select__link"' in page
    assert 'href="/zh/" hreflang="zh" class="md-select__link"' in page


def _build_zh(tree: Path, untranslated: list[str] | None = None) -> subprocess.CompletedProcess:
    """Build the Chinese site of a scratch tree, optionally with another untranslated list."""
    config = "mkdocs.zh.yml"
    if untranslated is not None:
        config = "mkdocs.zh.test.yml"  # INHERITs the real one; lists are replaced, not merged
        (tree / config).write_text(
            f"INHERIT: mkdocs.zh.yml\nextra:\n  untranslated: {json.dumps(untranslated)}\n",
            encoding="utf-8",
        )
    return scratch_build(tree, config)


def test_untranslated_page_falls_back_to_english_with_banner(tmp_path):
    tree = copy_tree_for_build(tmp_path)
    (tree / "docs/zh/tutorial/async-await.md").unlink()
    listed = pages.load_config("mkdocs.zh.yml")["extra"]["untranslated"]
    proc = _build_zh(tree, [*listed, "tutorial/async-await.md"])
    assert proc.returncode == 0, proc.stderr
    page = (tree / "out/tutorial/async-await/index.html").read_text(encoding="utf-8")
    assert "本页尚未翻译" in page
    assert re.search(r"<h1[^>]*>The asyncio package and async/await", page), "English text"


def test_missing_translation_not_listed_fails_the_build(tmp_path):
    tree = copy_tree_for_build(tmp_path)
    (tree / "docs/zh/preface.md").unlink()
    proc = _build_zh(tree)
    assert proc.returncode != 0
    assert "extra.untranslated" in proc.stderr
