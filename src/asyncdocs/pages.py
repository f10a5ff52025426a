"""Read the pages the way the integrity checks need: their includes, fences and nav.

The rules these functions serve (the tests apply them to every page):

* every code block is an include of a file under `snippets/` — no Python typed in;
* every snippet is shown by a page in each language;
* the two languages' versions of a page include the same files in the same order;
* both languages have the same pages in the same nav shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from asyncdocs.site import ROOT

DOCS = ROOT / "docs"

_FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<lang>[\w+-]*)(?P<rest>.*)$")
_INCLUDE = re.compile(r'^\s*--8<--\s+"(?P<path>[^"]+)"\s*$')
_PYTHON = {"py", "python", "python3", "pycon", "py3"}


def fences(text: str) -> Iterator[tuple[int, str, list[str]]]:
    """Yield `(line number, language, body lines)` for each top-level fenced block."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, start = m["fence"], i
        body: list[str] = []
        i += 1
        while i < len(lines) and not (
            lines[i].strip().startswith(fence[0] * len(fence))
            and not lines[i].strip().strip(fence[0])
        ):
            body.append(lines[i])
            i += 1
        yield start + 1, m["lang"].lower(), body
        i += 1


def includes(text: str) -> list[str]:
    """Every `--8<--` include of a page, in order, as paths relative to `snippets/`."""
    return [m["path"] for line in text.splitlines() if (m := _INCLUDE.match(line))]


def include_mismatch(page: str, english: str, translated: str, lang: str = "zh") -> str | None:
    """Why a translation's includes differ from its English page's, or None."""
    en, tr = includes(english), includes(translated)
    if en == tr:
        return None
    missing = [i for i in en if i not in tr]
    extra = [i for i in tr if i not in en]
    detail = []
    if missing:
        detail.append(f"missing {missing}")
    if extra:
        detail.append(f"not in the English page {extra}")
    if not detail:
        detail.append(f"in another order: English {en}, {lang} {tr}")
    return (
        f"docs/{lang}/{page} must include the same snippets as docs/en/{page}, in the same "
        f"order ({'; '.join(detail)}). Copy the `--8<--` lines from the English page."
    )


def typed_python(text: str) -> list[int]:
    """Line numbers of Python fences whose body is anything but one include line."""
    bad = []
    for line, lang, body in fences(text):
        code = [b for b in body if b.strip()]
        if lang in _PYTHON and (len(code) != 1 or not _INCLUDE.match(code[0])):
            bad.append(line)
    return bad


def page_paths(lang: str, docs: Path = DOCS) -> list[str]:
    """Markdown pages of one language, relative to `docs/<lang>/`, sorted."""
    base = docs / lang
    return sorted(p.relative_to(base).as_posix() for p in base.rglob("*.md"))


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving its `!ENV` and `!!python/name` tags."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def load_config(name: str) -> dict:
    """A MkDocs config file as plain data (tags become None)."""
    return yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=_Loader)


def nav_shape(nav: list) -> list:
    """The nav with titles removed: page paths, and sections as nested lists."""
    shape: list = []
    for item in nav:
        if isinstance(item, str):
            shape.append(item)
            continue
        ((_, value),) = item.items()
        shape.append(nav_shape(value) if isinstance(value, list) else value)
    return shape
