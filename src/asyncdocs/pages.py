"""Read the pages the way the integrity checks need: their includes, fences and nav.

The rules these functions serve (the tests apply them to every page):

* every code block is an include of a file under `snippets/` — no Python typed in;
* every snippet is shown by a page in each language;
* the two languages' versions of a page include the same files in the same order;
* both languages have the same pages in the same nav shape;
* a link whose text names a page names it by its title
  ([misnamed_links][asyncdocs.pages.misnamed_links]).
"""

from __future__ import annotations

import dataclasses
import difflib
import posixpath
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


# Cross-references: links whose text names a page must use the page's title.

_LINK = re.compile(r'(?<![!\]])\[([^\[\]]+)\]\(([^()\s#]+\.md)(#[^()\s]*)?(?:\s+"[^"]*")?\)')
_HEADING_ID = re.compile(r"\s*\{\s*#[^}]*\}\s*$")
_CHAPTER = re.compile(r"^(?:第 ?\d+ ?章|附录 ?[A-Z])[\s\u3000]+")
_NUMBER = re.compile(r"^(?:\d+|[A-Z])\. ")
_ARTICLE = re.compile(r"^(?:the|a|an) ", re.IGNORECASE)
_SEPARATORS = ":：,，(（"  # not a space: "Running many" is a cut title, not a short name
_CODE_SPAN = re.compile(r"(`+)(?!`)(?:[^\n]|\n(?![ \t]*\n))+?(?<!`)\1(?!`)")  # within a paragraph
SIMILAR = 0.75  # a link text this close to a page's title is meant to be that title


@dataclasses.dataclass(frozen=True)
class Link:
    """A link from a page's prose to another page of the same language."""

    line: int
    text: str
    page: str  # the target, relative to docs/<lang>/
    anchor: str


def links(page: str, text: str) -> list[Link]:
    """The links to other pages in a page's prose (code blocks and code spans skipped),
    targets resolved."""
    lines = text.splitlines()
    for start, _, body in fences(text):
        for i in range(start - 1, start + len(body) + 1):
            if i < len(lines):
                lines[i] = ""
    prose = "\n".join(lines)
    spans = [m.span() for m in _CODE_SPAN.finditer(prose)]
    found = []
    for m in _LINK.finditer(prose):
        if any(a <= m.start() and m.end() <= b for a, b in spans):
            continue  # link syntax shown as code, not a link
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), m[2]))
        label = " ".join(m[1].split())
        found.append(Link(prose.count("\n", 0, m.start()) + 1, label, target, m[3] or ""))
    return found


def nav_titles(nav: list) -> dict[str, str]:
    """Each page's title in a nav; a section's untitled index page takes the section's."""
    titles: dict[str, str] = {}

    def walk(items: list, section: str | None) -> None:
        for item in items:
            if isinstance(item, str):
                if section is not None:
                    titles[item] = section
                continue
            ((title, value),) = item.items()
            if isinstance(value, list):
                walk(value, title)
            else:
                titles[value] = title

    walk(nav, None)
    return titles


def heading(text: str) -> str | None:
    """A page's first-level heading, without an explicit `{ #id }`."""
    for line in text.splitlines():
        if line.startswith("# "):
            return _HEADING_ID.sub("", line[2:]).strip()
    return None


def _normal(text: str) -> str:
    text = " ".join(text.split()).strip("*_`“”\"'‘’《》「」")
    text = _NUMBER.sub("", _CHAPTER.sub("", text))
    return _ARTICLE.sub("", text).lower()


def title_names(title: str, head: str | None) -> set[str]:
    """The ways a link may name a page: its nav title or its heading (normalised)."""
    return {_normal(t) for t in (title, head) if t}


def names_page(text: str, names: set[str]) -> bool:
    """Whether a link text is one of a page's names."""
    return _normal(text) in names


def looks_like(text: str, names: set[str]) -> bool:
    """Whether a link text is close to one of a page's names without being it: a title
    that drifted. A leading part of a title, cut at a separator, is a short name, not a
    drift; a single English word ("queue", "pitfalls") or a Chinese word of up to three
    characters is a topic, not a title."""
    label = _normal(text)
    if label in names or (" " not in label and (label.isascii() or len(label) < 4)):
        return False
    for name in names:
        if name.startswith(label) and name[len(label) : len(label) + 1] in tuple(_SEPARATORS):
            return False
    return any(difflib.SequenceMatcher(None, label, n).ratio() >= SIMILAR for n in names)


def misnamed_links(
    lang: str,
    page: str,
    text: str,
    names: dict[str, set[str]],
    english: str | None = None,
    english_names: dict[str, set[str]] | None = None,
) -> list[str]:
    """Links of a page whose text names a page, but not by that page's title.

    `names` maps each page to its [title_names][asyncdocs.pages.title_names]. A link is
    misnamed when its text is close to its target's title without being it, when its text
    is the title of another page, or — for a translation, given its English page and the
    English `english_names` — when the English link at the same place (the same target,
    counted in order) names its target by title and this one does not.
    """
    problems = []
    mine = links(page, text)
    for link in mine:
        own = names.get(link.page)
        if own is None:
            continue
        where = f"docs/{lang}/{page}:{link.line}: [{link.text}]({link.page}{link.anchor})"
        if looks_like(link.text, own):
            problems.append(f"{where} is close to, but not, its title: {sorted(own)}")
        elif not names_page(link.text, own):
            other = [p for p, n in names.items() if p != link.page and names_page(link.text, n)]
            if other:
                problems.append(f"{where} names another page: {other[0]}")
    if english is None or english_names is None:
        return problems
    en_names = english_names
    theirs = links(page, english)
    for target in {link.page for link in mine}:
        ours = [link for link in mine if link.page == target]
        same = [link for link in theirs if link.page == target]
        if len(ours) != len(same) or target not in names or target not in en_names:
            continue
        for en, tr in zip(same, ours, strict=True):
            if names_page(en.text, en_names[target]) and not names_page(tr.text, names[target]):
                problems.append(
                    f"docs/{lang}/{page}:{tr.line}: [{tr.text}]({tr.page}) — the English page "
                    f"names this page by its title ([{en.text}]); use its title here too: "
                    f"{sorted(names[target])}"
                )
    return problems
