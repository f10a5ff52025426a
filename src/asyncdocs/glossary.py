"""The glossary: one data file (`docs/glossary.yml`) for the glossary pages and the term check.

Each entry gives an English term, the Chinese term every zh page uses, and, where
machine translation or old texts commonly get it wrong, the `wrong` renderings that
[check][asyncdocs.glossary.check] reports.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import yaml

from asyncdocs.pages import DOCS, fences

GLOSSARY = DOCS / "glossary.yml"
_CODE_SPAN = re.compile(r"(`+).+?\1")


@dataclasses.dataclass(frozen=True)
class Term:
    """One glossary entry."""

    en: str
    zh: str
    wrong: tuple[str, ...] = ()
    note: str = ""


@dataclasses.dataclass(frozen=True)
class Misuse:
    """A wrong rendering found on a page."""

    line: int
    found: str
    term: Term

    def message(self, page: str) -> str:
        """What a contributor reads: where, what, and what to write instead."""
        return (
            f"{page}:{self.line}: “{self.found}” is a wrong rendering of “{self.term.en}”; "
            f"write “{self.term.zh}” (see the glossary, docs/glossary.yml)"
        )


def load(path: Path = GLOSSARY) -> list[Term]:
    """All glossary entries, in file order."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Term(e["en"], e["zh"], tuple(e.get("wrong", ())), e.get("note", "")) for e in raw]


def check(text: str, terms: list[Term]) -> list[Misuse]:
    """Wrong renderings in a zh page's prose (code blocks and `code spans` are skipped)."""
    in_code = set()
    for start, _, body in fences(text):
        in_code.update(range(start, start + len(body) + 2))
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        if number in in_code:
            continue
        prose = _CODE_SPAN.sub("", line)
        for term in terms:
            found += [Misuse(number, w, term) for w in term.wrong if w in prose]
    return found


def table(lang: str, terms: list[Term]) -> str:
    """The glossary as a Markdown table, headed in the page's language."""
    if lang == "zh":
        rows = ["| English | 中文 | 请勿译作 | 说明 |", "| --- | --- | --- | --- |"]
    else:
        rows = ["| English | 中文 | Avoid | Note |", "| --- | --- | --- | --- |"]
    for t in sorted(terms, key=lambda t: t.en.lower()):
        wrong = "、".join(t.wrong)
        rows.append(f"| {t.en} | {t.zh} | {wrong} | {t.note} |")
    return "\n".join(rows) + "\n"
