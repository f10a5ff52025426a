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
