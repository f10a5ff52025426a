"""MkDocs hooks for readers and translators (listed under `hooks:` in mkdocs.yml).

* **Generated tables** — the line `<!-- glossary -->` becomes the glossary from
  `docs/glossary.yml`; `<!-- translation-status -->` becomes the status of every zh page.
* **Outdated banner** — a zh page whose English original changed since it was
  translated says so at the top, with a link to the English page.
* **Edit link** — with `REPO_URL` set (the deploy workflow sets it), every page gets an
  "edit this page" link to its own file in its own language.
* **Last updated** — each page ends with the date of the last commit that changed it.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from asyncdocs import glossary, translation

TEXT = {
    "en": {
        "updated": "Last updated: {date}",
        "status": {
            translation.CURRENT: ":material-check-circle: translated",
            translation.OUTDATED: ":material-alert: outdated",
            translation.MISSING: ":material-close-circle: not yet translated",
            translation.UNSTAMPED: ":material-help-circle: not stamped",
        },
        "columns": "| Page | Chinese translation | English lines changed since |",
    },
    "zh": {
        "updated": "最后更新：{date}",
        "status": {
            translation.CURRENT: ":material-check-circle: 已翻译",
            translation.OUTDATED: ":material-alert: 已过时",
            translation.MISSING: ":material-close-circle: 尚未翻译",
            translation.UNSTAMPED: ":material-help-circle: 未标记版本",
        },
        "columns": "| 页面 | 中文翻译 | 英文原文此后改动的行数 |",
    },
}

OUTDATED_BANNER = (
    '!!! warning "英文原文已更新"\n'
    "    本页翻译完成之后，英文原文又有改动，下面的内容可能已经过时。"
    '请以<a href="{url}" hreflang="en">英文版</a>为准，也欢迎参照[贡献指南]({guide})更新译文。\n\n'
)


def _lang(config: MkDocsConfig) -> str:
    return config.theme["language"]


def _source_path(page: Page) -> Path:
    return Path(page.file.abs_src_path)


def _docs(config: MkDocsConfig) -> Path:
    return Path(config.docs_dir).parent


def _status_table(lang: str, docs: Path) -> str:
    text = TEXT[lang]
    rows = [text["columns"], "| --- | --- | --- |"]
    for status in translation.report("zh", docs):
        changed = sum(
            1
            for line in status.diff.splitlines()
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        )
        rows.append(
            f"| [{status.page}]({status.page}) | {text['status'][status.state]} | "
            f"{changed if status.state == translation.OUTDATED else ''} |"
        )
    return "\n".join(rows) + "\n"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill in generated tables, add the outdated banner, the edit link and the date."""
    lang = _lang(config)
    if "<!-- glossary -->" in markdown:
        markdown = markdown.replace("<!-- glossary -->", glossary.table(lang, glossary.load()))
    if "<!-- translation-status -->" in markdown:
        markdown = markdown.replace(
            "<!-- translation-status -->", _status_table(lang, _docs(config))
        )

    source = _source_path(page)
    own_file = source.is_relative_to(Path(config.docs_dir).resolve())
    if lang != translation.SOURCE and own_file:
        status = translation.status(lang, page.file.src_uri, _docs(config))
        if status.state == translation.OUTDATED:
            english = next(a["link"] for a in config.extra["alternate"] if a["lang"] == "en")
            guide = os.path.relpath("contributing/index.md", os.path.dirname(page.file.src_uri))
            banner = OUTDATED_BANNER.format(url=english + page.url, guide=guide)
            markdown = _after_front_matter_heading(markdown, banner)

    repo = os.environ.get("REPO_URL", "").rstrip("/")
    if repo:
        rel = source.relative_to(_docs(config).parent).as_posix()
        page.edit_url = f"{repo}/edit/main/{rel}"
    date = translation.last_updated(source)
    if date:
        updated = TEXT[lang]["updated"].format(date=date)
        markdown += f'\n\n<p class="page-updated">{updated}</p>\n'
    return markdown


def _after_front_matter_heading(markdown: str, banner: str) -> str:
    """Insert `banner` after the page's first heading, or at the top if it has none."""
    lines = markdown.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "".join(lines[: i + 1]) + "\n" + banner + "".join(lines[i + 1 :])
    return banner + markdown
