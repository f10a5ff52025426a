"""Which installable packages a local-only snippet needs, read from its imports.

A reader who downloads a sample that imports `aiohttp` needs `pip install aiohttp` first.
The local-only box says so, with the version the tests ran: the snippet's imports (and
those of the sibling modules it imports) are read with `ast`, the standard library and
sibling modules are left out, and the rest are mapped to distributions with
`importlib.metadata.packages_distributions()`.
"""

from __future__ import annotations

import ast
import functools
import importlib.metadata
import sys
from pathlib import Path


def _imports_of(path: Path) -> frozenset[str]:
    """Top-level names `path` imports (cached until the file changes, for `mkdocs serve`)."""
    return _parsed(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=4096)
def _parsed(path: Path, mtime_ns: int) -> frozenset[str]:
    return frozenset(_top_level_imports(path.read_text(encoding="utf-8")))


def _top_level_imports(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.partition(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.partition(".")[0])
    return names


@functools.cache
def _distributions() -> dict[str, list[str]]:
    return importlib.metadata.packages_distributions()


@functools.cache
def _version(dist: str) -> str:
    return importlib.metadata.version(dist)


def imported_modules(path: Path) -> set[str]:
    """Top-level modules `path` imports, following imports of its sibling modules."""
    return _closure(path)[1]


def imported_siblings(path: Path) -> set[str]:
    """The sibling modules (same folder) `path` imports, directly or through each other."""
    return _closure(path)[0] - {path.stem}


def _closure(path: Path) -> tuple[set[str], set[str]]:
    siblings = {p.stem: p for p in path.parent.glob("*.py")}
    seen, todo, found = set(), [path.stem], set()
    while todo:
        stem = todo.pop()
        if stem in seen:
            continue
        seen.add(stem)
        try:
            names = _imports_of(siblings[stem])
        except SyntaxError:  # a SyntaxError demo imports nothing worth installing
            continue
        for name in names:
            if name in siblings:
                todo.append(name)
            else:
                found.add(name)
    return seen & siblings.keys(), found


def requirements(path: Path) -> list[str]:
    """`name==version` for each installed distribution the snippet imports, sorted."""
    pins = set()
    for module in imported_modules(path):
        if module in sys.stdlib_module_names or module == "__future__":
            continue
        for dist in _distributions().get(module, ()):
            pins.add(f"{dist}=={_version(dist)}")
    return sorted(pins, key=str.lower)
