"""Translators' checks: glossary terms, translation status, and contributors' mistakes.

The second half simulates a first-time contributor's pull request, one mistake at a time,
and checks that each is caught with a message that says what to do.
"""

from __future__ import annotations

import subprocess

import pytest
from conftest import ROOT, copy_tree_for_build
from test_site import _build_zh

from asyncdocs import glossary, pages, translation

TERMS = glossary.load()
UNTRANSLATED = pages.load_config("mkdocs.zh.yml")["extra"]["untranslated"]
ZH_PAGES = pages.page_paths("zh")


def test_glossary_entries_are_complete_and_unique():
    assert len({t.en for t in TERMS}) == len(TERMS)
    for term in TERMS:
        assert term.en and term.zh
        assert term.zh not in term.wrong


@pytest.mark.parametrize("page", ZH_PAGES)
def test_chinese_pages_use_the_glossary(page):
    text = (pages.DOCS / "zh" / page).read_text(encoding="utf-8")
    problems = [m.message(f"docs/zh/{page}") for m in glossary.check(text, TERMS)]
    assert problems == []


@pytest.mark.parametrize("page", ZH_PAGES)
def test_chinese_pages_record_their_english_version(page):
    state = translation.status("zh", page).state
    assert state != translation.UNSTAMPED, (
        f"docs/zh/{page} does not say which English version it translates: run "
        f"`python -m asyncdocs translations --stamp docs/zh/{page}`"
    )


def test_status_report_covers_every_english_page():
    report = {s.page: s.state for s in translation.report("zh")}
    assert sorted(report) == pages.page_paths("en")
    assert sorted(p for p, state in report.items() if state == translation.MISSING) == sorted(
        UNTRANSLATED
    )


def test_status_page_is_built_from_the_report(built_site):
    site_dir, _ = built_site
    html = (site_dir / "zh/translation-status/index.html").read_text(encoding="utf-8")
    for status in translation.report("zh"):
        label = {"current": "已翻译", "outdated": "已过时", "missing": "尚未翻译"}[status.state]
        row = html[html.index(f">{status.page}</a>") :].split("</tr>")[0]
        assert label in row, f"{status.page} should be shown as {label}"


def test_glossary_page_lists_every_term(built_site):
    site_dir, _ = built_site
    for lang in ("en", "zh"):
        html = (site_dir / lang / "glossary/index.html").read_text(encoding="utf-8")
        assert all(f"<td>{t.zh}</td>" in html for t in TERMS)


def test_every_page_has_an_edit_link_to_its_own_file(built_site):
    site_dir, _ = built_site
    for lang, page in (("en", "tutorial/async-await"), ("zh", "tutorial/async-await")):
        html = (site_dir / lang / page / "index.html").read_text(encoding="utf-8")
        assert f"https://github.com/example/asyncio-docs/edit/main/docs/{lang}/{page}.md" in html


def test_every_page_says_when_it_was_last_updated(built_site):
    site_dir, _ = built_site
    assert "Last updated: 20" in (site_dir / "en/preface/index.html").read_text(encoding="utf-8")
    assert "最后更新：20" in (site_dir / "zh/preface/index.html").read_text(encoding="utf-8")


# A first-time contributor's mistakes, one at a time.


def test_contributor_drops_a_snippet_include():
    english = (pages.DOCS / "en/preface.md").read_text(encoding="utf-8")
    translated = (pages.DOCS / "zh/preface.md").read_text(encoding="utf-8")
    broken = translated.replace('--8<-- "preface/thousand_downloads.out"', "")
    problem = pages.include_mismatch("preface.md", english, broken)
    assert problem and "missing ['preface/thousand_downloads.out']" in problem
    assert "Copy the `--8<--` lines from the English page" in problem


def test_contributor_uses_a_machine_translated_term():
    text = "# 标题\n\n每个协同程序都由事件循环调度，`协同程序` 在代码里不算。\n"
    (misuse,) = glossary.check(text, TERMS)
    assert misuse.message("docs/zh/x.md") == (
        "docs/zh/x.md:3: “协同程序” is a wrong rendering of “coroutine”; "
        "write “协程” (see the glossary, docs/glossary.yml)"
    )


def test_english_page_changes_after_translation(tmp_path):
    docs = tmp_path / "docs"
    (docs / "en").mkdir(parents=True)
    (docs / "zh").mkdir()
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (docs / "en/page.md").write_text("# Title\n\nFirst version.\n", encoding="utf-8")
    (docs / "zh/page.md").write_text("# 标题\n\n第一版。\n", encoding="utf-8")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "first"], check=True)
    translation.stamp(docs / "zh/page.md", docs)
    assert translation.status("zh", "page.md", docs).state == translation.CURRENT

    (docs / "en/page.md").write_text("# Title\n\nSecond version.\n", encoding="utf-8")
    outdated = translation.status("zh", "page.md", docs)
    assert outdated.state == translation.OUTDATED
    assert "-First version." in outdated.diff and "+Second version." in outdated.diff


def test_outdated_page_shows_a_banner(tmp_path):
    tree = copy_tree_for_build(tmp_path)
    preface = tree / "docs/en/preface.md"
    preface.write_text(preface.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    proc = _build_zh(tree)
    assert proc.returncode == 0, proc.stderr
    page = (tree / "out/preface/index.html").read_text(encoding="utf-8")
    assert "英文原文已更新" in page and 'href="/en/preface/"' in page
    status = (tree / "out/translation-status/index.html").read_text(encoding="utf-8")
    assert "已过时" in status.split(">preface.md</a>")[1].split("</tr>")[0]


def test_contributor_breaks_a_link(tmp_path):
    tree = copy_tree_for_build(tmp_path)
    preface = tree / "docs/zh/preface.md"
    preface.write_text(preface.read_text(encoding="utf-8") + "\n[下一章](tutorial/nowhere.md)\n")
    proc = _build_zh(tree)
    assert proc.returncode != 0
    assert "preface.md" in proc.stderr and "tutorial/nowhere.md" in proc.stderr


def test_repo_root_is_a_git_checkout():
    """Translation status needs git's history of the English pages."""
    assert (ROOT / ".git").exists()
