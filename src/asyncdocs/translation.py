"""Translation status: which zh pages are current, outdated or missing.

Each translated page records, in its front matter, the git blob id of the English page
it follows:

```yaml
---
translated_from: 3b18e512dba79e4c8300dd08aeb37f8e728b8dad
---
```

`python -m asyncdocs translations --stamp docs/zh/page.md` writes it. A blob id names
the English text itself (`git hash-object docs/en/page.md`), so it does not matter
whether the English change is committed yet; when the English page changes later, the
translation is reported *outdated* together with the English diff since then.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import subprocess
from pathlib import Path

from asyncdocs.pages import DOCS, ROOT, page_paths

SOURCE = "en"
KEY = "translated_from"
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_BLOB = re.compile(r"^[0-9a-f]{40}$")

CURRENT, OUTDATED, MISSING, UNSTAMPED = "current", "outdated", "missing", "unstamped"


@dataclasses.dataclass(frozen=True)
class Status:
    """The state of one page's translation."""

    page: str
    """Path relative to `docs/<lang>/`."""
    state: str
    """`current`, `outdated`, `missing`, or `unstamped` (no valid `translated_from`)."""
    diff: str = ""
    """For `outdated`: the English changes since the translated version."""


def _git(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)


def blob_id(path: Path) -> str:
    """The git blob id of a file's current content (`git hash-object`)."""
    return _git("hash-object", str(path), cwd=path.parent).stdout.strip()


def recorded(text: str) -> str | None:
    """The `translated_from` value of a page's front matter, if any."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None
    for line in match.group(1).splitlines():
        key, _, value = line.partition(":")
        if key.strip() == KEY:
            return value.strip().strip("'\"")
    return None


def stamp(page: Path, docs: Path = DOCS) -> str:
    """Record in a translated page (`docs/<lang>/…`) the blob id of its English page."""
    _lang, *rel = page.resolve().relative_to(docs.resolve()).parts
    blob = blob_id(docs / SOURCE / Path(*rel))
    text = page.read_text(encoding="utf-8")
    match = _FRONT_MATTER.match(text)
    if match:
        lines = [x for x in match.group(1).splitlines() if x.partition(":")[0].strip() != KEY]
        body = text[match.end() :]
    else:
        lines, body = [], text
    front = "\n".join([*lines, f"{KEY}: {blob}"])
    page.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")
    return blob


def status(lang: str, page: str, docs: Path = DOCS) -> Status:
    """Compare one translated page with its English page."""
    translated = docs / lang / page
    if not translated.exists():
        return Status(page, MISSING)
    blob = recorded(translated.read_text(encoding="utf-8"))
    if not blob or not _BLOB.match(blob):
        return Status(page, UNSTAMPED)
    english = docs / SOURCE / page
    if blob == blob_id(english):
        return Status(page, CURRENT)
    old = _git("cat-file", "blob", blob, cwd=docs)
    if old.returncode != 0:
        return Status(page, OUTDATED, "(the translated version is not in git's history)")
    diff = difflib.unified_diff(
        old.stdout.splitlines(keepends=True),
        english.read_text(encoding="utf-8").splitlines(keepends=True),
        f"docs/{SOURCE}/{page} (translated)",
        f"docs/{SOURCE}/{page} (now)",
    )
    return Status(page, OUTDATED, "".join(diff))


def report(lang: str, docs: Path = DOCS) -> list[Status]:
    """The status of every English page's translation into `lang`."""
    return [status(lang, page, docs) for page in page_paths(SOURCE, docs)]


def last_updated(path: Path) -> str | None:
    """The date (YYYY-MM-DD) of the last commit that changed a file, if it has one."""
    date = _git("log", "-1", "--format=%cs", "--", str(path), cwd=path.parent).stdout.strip()
    return date or None


# The translation-status comment on a pull request (see .github/workflows/).

COMMENT_MARKER = "<!-- asyncdocs:translation-status -->"
"""First line of the comment: the workflow that posts it finds and edits it by this line."""
NO_PAGES_MARKER = "<!-- asyncdocs:no-pages -->"
"""In the comment of a pull request that changes no page: posted only to replace an
earlier comment, never as a new one."""
MAX_DIFF_CHARS = 12_000
"""Longer English diffs are shortened in the comment (a comment holds at most 65,536)."""

_LABEL = {
    CURRENT: "✅ translated · 已翻译",
    OUTDATED: "⚠️ outdated · 已过时",
    MISSING: "❌ not yet translated · 尚未翻译",
    UNSTAMPED: "❔ not stamped · 未标记版本",
}
_STAMP = "`.venv/bin/python -m asyncdocs translations --stamp docs/zh/<page>`"
_TODO = {
    OUTDATED: (
        "**Outdated**: the English page changed after the Chinese page was translated. Bring "
        f"the Chinese page up to date with the changes shown below, then run {_STAMP} and "
        "commit the page.\n\n"
        "**已过时**：中文页面翻译之后，英文原文又有改动。请按下面列出的改动更新中文页面，"
        f"然后运行 {_STAMP}，再提交该页面。"
    ),
    UNSTAMPED: (
        "**Not stamped**: the Chinese page does not record which English version it "
        f"translates. Once it matches the English page, run {_STAMP} and commit the page.\n\n"
        "**未标记版本**：中文页面没有记录它翻译的是哪个英文版本。确认译文与英文页面一致后，"
        f"运行 {_STAMP}，再提交该页面。"
    ),
    MISSING: (
        "**Not yet translated**: there is no Chinese page at this path. Translate it (same "
        "`--8<--` includes, in the same order) in this pull request or a later one.\n\n"
        "**尚未翻译**：这个路径下还没有中文页面。可以在本拉取请求或以后的拉取请求中翻译它"
        "（`--8<--` 引用行保持不变，顺序相同）。"
    ),
}


def changed_pages(base: str, root: Path = ROOT) -> list[str]:
    """Pages (relative to `docs/<lang>/`) that `HEAD` changes since it left `base`, in
    either language: what `git diff base...HEAD` lists under `docs/en` and `docs/zh`."""
    if base.startswith("-"):
        raise ValueError(f"not a git revision: {base!r}")
    diff = _git(
        "diff",
        "--name-only",
        "--no-renames",
        f"{base}...HEAD",
        "--",
        "docs/en",
        "docs/zh",
        cwd=root,
    )
    if diff.returncode != 0:
        raise RuntimeError(f"git diff {base}...HEAD failed: {diff.stderr.strip()}")
    return sorted(
        {
            path.split("/", 2)[2]
            for path in diff.stdout.split("\n")
            if path.startswith(("docs/en/", "docs/zh/")) and path.endswith(".md")
        }
    )


def _fenced_diff(diff: str) -> str:
    """A diff as a fenced block no line of it can close (English pages have fences too)."""
    if len(diff) > MAX_DIFF_CHARS:
        diff = diff[:MAX_DIFF_CHARS].rsplit("\n", 1)[0] + "\n… (shortened · 已截断)\n"
    longest = max((len(run) for run in re.findall(r"`+", diff)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}diff\n{diff.rstrip()}\n{fence}"


def pull_request_comment(changed: list[str], docs: Path = DOCS) -> str:
    """The Markdown comment on a pull request that changes `changed` pages: the state of
    each one's Chinese translation, what to do about it, and the English changes."""
    statuses = [s for s in report("zh", docs) if s.page in set(changed)]
    head = [COMMENT_MARKER, "### Translation status · 翻译进度", ""]
    if not statuses:
        return "\n".join(
            [
                *head,
                NO_PAGES_MARKER,
                "This pull request no longer changes any page of the site. · "
                "本拉取请求已不再改动站点的任何页面。",
                "",
            ]
        )
    lines = [
        *head,
        "The pages this pull request changes, and their Chinese translations as of its "
        "latest push. This comment is updated on every push.",
        "",
        "本拉取请求改动了下列页面，下表是最近一次推送后它们中文翻译的状态。每次推送后本评论都会更新。",
        "",
        "| Page · 页面 | Chinese translation · 中文翻译 |",
        "| --- | --- |",
        *(f"| `docs/zh/{s.page}` | {_LABEL[s.state]} |" for s in statuses),
        "",
    ]
    for state in (OUTDATED, UNSTAMPED, MISSING):
        if any(s.state == state for s in statuses):
            lines += [_TODO[state], ""]
    for s in statuses:
        if s.state == OUTDATED:
            lines += [
                "<details><summary>English changes since "
                f"<code>docs/zh/{s.page}</code> was translated · 翻译之后英文原文的改动"
                "</summary>",
                "",
                _fenced_diff(s.diff),
                "",
                "</details>",
                "",
            ]
    return "\n".join(lines)
