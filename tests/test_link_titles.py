"""Link texts that name a page use its title (nav title or heading), in both languages."""

from __future__ import annotations

import pytest

from asyncdocs import pages

CONFIGS = {"en": "mkdocs.yml", "zh": "mkdocs.zh.yml"}
UNTRANSLATED = set(pages.load_config("mkdocs.zh.yml")["extra"]["untranslated"])


def page_names(lang: str) -> dict[str, set[str]]:
    titles = pages.nav_titles(pages.load_config(CONFIGS[lang])["nav"])
    names = {}
    for page, title in titles.items():
        path = pages.DOCS / lang / page
        if not path.is_file():  # untranslated: the zh site shows the English page
            path = pages.DOCS / "en" / page
        names[page] = pages.title_names(title, pages.heading(path.read_text(encoding="utf-8")))
    return names


def read(lang: str, page: str) -> str:
    return (pages.DOCS / lang / page).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", CONFIGS)
def test_links_name_pages_by_their_titles(lang):
    names, english_names = page_names(lang), page_names("en")
    problems = []
    for page in pages.page_paths(lang):
        english = read("en", page) if lang != "en" and page not in UNTRANSLATED else None
        problems += pages.misnamed_links(
            lang, page, read(lang, page), names, english, english_names
        )
    assert problems == [], "\n".join(
        ["link texts that name a page must be its nav title or heading:", *problems]
    )


NAMES = {"guide/running-many.md": {"running many things"}, "guide/queues.md": {"queues"}}


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("[Running many things](running-many.md)", False),
        ("[running many things](running-many.md#fire-and-forget)", False),
        ("[Running many tasks](running-many.md)", True),  # a title that drifted
        ("[Queues](running-many.md)", True),  # another page's title
        ("[the next chapter](running-many.md)", False),
        ("[queue](queues.md)", False),  # one word: a topic, not a title
        ("[Running many](running-many.md)", True),  # a title cut short at a word
        ("[**Running many tasks**](running-many.md)", True),  # emphasis hides nothing
        ('[Running many tasks](running-many.md "a tooltip")', True),
        ("Write `[Running many tasks](running-many.md)` for a link.", False),  # code, not a link
        ("```markdown\n[Running many tasks](running-many.md)\n```", False),  # a code block
    ],
)
def test_the_rule_on_examples(text, bad):
    found = pages.misnamed_links("en", "guide/index.md", text, NAMES)
    assert bool(found) is bad, found


def test_a_translation_names_a_page_where_the_english_does():
    en_names = {"guide/running-many.md": {"running many things"}}
    zh_names = {"guide/running-many.md": {"同时运行多个任务"}}
    english = "See [Running many things](running-many.md) and [here](running-many.md)."
    good = "参见[同时运行多个任务](running-many.md)和[这里](running-many.md)。"
    bad = "参见[运行大量任务](running-many.md)和[这里](running-many.md)。"
    assert pages.misnamed_links("zh", "guide/x.md", good, zh_names, english, en_names) == []
    found = pages.misnamed_links("zh", "guide/x.md", bad, zh_names, english, en_names)
    assert len(found) == 1 and "运行大量任务" in found[0]
