"""The pages: code only by include, every snippet shown in both languages, en/zh in step."""

from __future__ import annotations

import pytest
from conftest import SNIPPETS, all_snippets

from asyncdocs import pages

LANGS = ("en", "zh")
EN_PAGES = pages.page_paths("en")
UNTRANSLATED = pages.load_config("mkdocs.zh.yml")["extra"]["untranslated"]


def read(lang: str, page: str) -> str:
    return (pages.DOCS / lang / page).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_no_python_typed_into_pages(lang):
    bad = [
        f"docs/{lang}/{page}:{line}"
        for page in pages.page_paths(lang)
        for line in pages.typed_python(read(lang, page))
    ]
    assert bad == [], "Python fences must hold one `--8<--` include of a snippets/ file"


@pytest.mark.parametrize("lang", LANGS)
def test_includes_exist(lang):
    missing = [
        f"docs/{lang}/{page}: {inc}"
        for page in pages.page_paths(lang)
        for inc in pages.includes(read(lang, page))
        if not (SNIPPETS / inc.split(":")[0]).is_file()
    ]
    assert missing == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_snippet_is_shown(lang):
    """Each snippet appears on some page of each language (untranslated pages count
    for zh: the build shows the English page)."""
    shown = set()
    for page in pages.page_paths(lang):
        shown.update(inc.split(":")[0] for inc in pages.includes(read(lang, page)))
    if lang != "en":
        for page in UNTRANSLATED:
            shown.update(inc.split(":")[0] for inc in pages.includes(read("en", page)))
    unused = [s.rel for s in all_snippets() if s.rel not in shown]
    assert unused == [], f"snippets no docs/{lang} page includes"


def test_same_pages_in_both_languages():
    zh = set(pages.page_paths("zh"))
    assert sorted(set(EN_PAGES) - zh) == sorted(UNTRANSLATED), (
        "pages missing in docs/zh must be listed in extra.untranslated of mkdocs.zh.yml"
    )
    assert sorted(zh - set(EN_PAGES)) == [], "docs/zh pages with no English original"


@pytest.mark.parametrize("page", [p for p in EN_PAGES if p not in UNTRANSLATED])
def test_translation_includes_same_snippets_in_same_order(page):
    problem = pages.include_mismatch(page, read("en", page), read("zh", page))
    assert problem is None, problem


def test_same_nav_shape():
    en = pages.nav_shape(pages.load_config("mkdocs.yml")["nav"])
    zh = pages.nav_shape(pages.load_config("mkdocs.zh.yml")["nav"])
    assert zh == en


def test_nav_lists_every_page():
    def flat(shape):
        for item in shape:
            yield from flat(item) if isinstance(item, list) else [item]

    assert sorted(flat(pages.nav_shape(pages.load_config("mkdocs.yml")["nav"]))) == EN_PAGES


# The checks themselves, on pages broken on purpose.


def test_typed_python_is_found():
    page = '```python\nprint("hi")\n```\n\n```python title="x"\n--8<-- "a/b.py"\n```\n'
    assert pages.typed_python(page) == [1]


def test_include_inside_other_fences_is_read_but_escaped_one_is_not():
    page = '````markdown\n```python\n;--8<-- "a/x.py"\n```\n````\n```toml\n--8<-- "a/s.toml"\n```\n'
    assert pages.includes(page) == ["a/s.toml"]
    assert pages.typed_python(page) == []


def test_nav_shape_ignores_titles_only():
    en = [{"Home": "index.md"}, {"Part": ["a/index.md", {"B": "a/b.md"}]}]
    zh = [{"首页": "index.md"}, {"部分": ["a/index.md", {"乙": "a/b.md"}]}]
    assert pages.nav_shape(en) == pages.nav_shape(zh)
    assert pages.nav_shape(en) != pages.nav_shape([{"Home": "index.md"}, {"B": "a/b.md"}])


def _exercise_markers(lang: str, page: str) -> list[str]:
    from asyncdocs.exercise_hooks import MARKER

    return [m["rel"] for m in MARKER.finditer(read(lang, page))]


@pytest.mark.parametrize("lang", LANGS)
def test_every_exercise_is_shown_once_on_its_page(lang):
    from asyncdocs import exercises

    shown = {rel: page for page in pages.page_paths(lang) for rel in _exercise_markers(lang, page)}
    markers = [rel for page in pages.page_paths(lang) for rel in _exercise_markers(lang, page)]
    assert len(markers) == len(set(markers)), "an exercise shown twice"
    want = {e.rel: "/".join(e.rel.split("/")[:2]) + ".md" for e in exercises.load_all()}
    assert shown == want, "each exercise's marker on the page its folder names"


@pytest.mark.parametrize("page", [p for p in EN_PAGES if p not in UNTRANSLATED])
def test_translation_shows_the_same_exercises_in_the_same_order(page):
    assert _exercise_markers("zh", page) == _exercise_markers("en", page)
